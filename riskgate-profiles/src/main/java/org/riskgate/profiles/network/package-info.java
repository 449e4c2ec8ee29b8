/**
 * The trader network: importers, declarants, sellers and couriers linked through the
 * declarations they share, weighted by volume and recency ({@link
 * org.riskgate.profiles.network.TraderNetwork}); risk spread from parties with confirmed fraud
 * (personalised PageRank), communities (Louvain; label propagation and JGraphT's as
 * alternatives), ring indicators, and point-in-time features for the risk model ({@link org.riskgate.profiles.network.NetworkFeatures}).
 */
package org.riskgate.profiles.network;
