/**
 * Text analysis for item descriptions: input validation and one Lucene analyzer per script family
 * (Latin with English stemming, Korean with nori, Chinese/Japanese bigrams, Thai word breaking).
 */
package org.riskgate.hs.text;
