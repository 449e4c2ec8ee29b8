/**
 * High-risk groups for a period: combinations of HS chapter or heading, origin, departure,
 * office, transport mode and importer segment whose fraud rate (or mean risk score) stands out
 * from the period's overall rate with statistical confidence ({@link
 * org.riskgate.profiles.groups.GroupFinder}). Each group can be written as a rule of the
 * selectivity rules language ({@link org.riskgate.profiles.groups.RiskGroup#toRule}).
 */
package org.riskgate.profiles.groups;
