/**
 * Learning from labelled history (description, HS code): a Tribuo logistic-regression model on
 * word and character n-grams and a nearest-neighbour index of past descriptions, trained by
 * {@link org.riskgate.hs.learn.HistoryTrainer} and saved to a model directory with provenance.
 */
package org.riskgate.hs.learn;
