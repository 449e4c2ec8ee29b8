/**
 * Supervisors' watchlists: named lists of importers, declarants, sellers, companies in any of
 * those roles, countries and HS codes. Rules test them ({@code importer in watchlist "NAME"}), and
 * a declaration whose fields are on one carries a {@code watchlist} reason.
 */
package org.riskgate.selectivity.watch;
