/**
 * Suggestion from knowledge that needs no training: a Lucene index of the HS6 subheadings whose
 * text is enriched with their parents' descriptions and with a curated multilingual glossary, and
 * the blending of that retrieval with a model trained on labelled history.
 */
package org.riskgate.hs.suggest;
