/**
 * Finding stamps and signatures on a page: ink masks at half resolution (coloured ink and dark
 * ink apart), removal of ruled lines, connected components, grouping, and a stamp / signature
 * decision from shape features.
 */
package org.riskgate.documents.detect;
