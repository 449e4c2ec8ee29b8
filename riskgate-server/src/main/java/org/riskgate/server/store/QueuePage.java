package org.riskgate.server.store;

import java.util.List;

/** A page of the queue and how many rows match in all. */
public record QueuePage(List<QueueRow> rows, long total, int page, int size) {
  public QueuePage {
    rows = List.copyOf(rows);
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
