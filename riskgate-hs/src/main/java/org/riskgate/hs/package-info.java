/**
 * HS classification support: the HS 2022 nomenclature as a tree, HS code suggestion from free-text
 * item descriptions, and declaration checks (declared-vs-suggested mismatch, review objects).
 *
 * <p>The public API is a few interfaces and records: {@link org.riskgate.hs.Nomenclature},
 * {@link org.riskgate.hs.HsSuggester}, {@link org.riskgate.hs.HsChecker} and their values;
 * {@link org.riskgate.hs.HsToolkit} assembles them. Lucene and Tribuo stay in the sub-packages.
 */
package org.riskgate.hs;
