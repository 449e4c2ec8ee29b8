package org.riskgate.hs.learn;

/** A model of labelled history that predicts HS6 codes for a description. Thread-safe. */
public interface HistoryModel {
  /** Probabilities and evidence for an already validated description. */
  HistoryPrediction predict(String description);
}
