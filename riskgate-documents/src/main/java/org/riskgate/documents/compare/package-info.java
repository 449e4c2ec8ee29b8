/**
 * Turning a region into comparable numbers: ink maps normalised for position, scale and ink
 * colour, embedders (classical HOG, and the CNN when its weights load), cosine similarity and
 * the thresholds chosen on validation issuers.
 */
package org.riskgate.documents.compare;
