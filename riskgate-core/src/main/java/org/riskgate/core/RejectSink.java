package org.riskgate.core;

/** Where rows that could not be read go, so that none is lost silently. */
public interface RejectSink {

  /** Records one rejected row. */
  void reject(Reject reject);

  /** How many rows were rejected so far. */
  long count();
}
