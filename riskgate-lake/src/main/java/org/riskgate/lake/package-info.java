/**
 * The declaration lake: declarations as Parquet, partitioned by month, with a manifest of the
 * files imported ({@link org.riskgate.lake.Lake}, {@link org.riskgate.lake.LakeImporter}); Parquet
 * files and lakes as a {@link org.riskgate.core.DeclarationFormat} every command reads; and the
 * analysts' read-only SQL over a lake ({@link org.riskgate.lake.LakeQuery}). DuckDB does the
 * Parquet work; its types never leave this module.
 */
package org.riskgate.lake;
