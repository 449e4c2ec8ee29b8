package org.riskgate.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores single declarations from many requests in shared transactions: one writer takes
 * whatever is waiting (up to {@link #MAX_GROUP}) and commits it at once, so a busy server makes
 * one commit for several requests instead of one each. Every caller still returns only after
 * the commit that holds its declaration, so nothing is acknowledged before it is durable.
 */
public final class GroupCommit implements AutoCloseable {
  static final int MAX_GROUP = 256;
  private final DeclarationStore store;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean open = true;

  private record Pending(DeclarationStore.Decided row, CompletableFuture<Void> done) {}

  public GroupCommit(DeclarationStore store) {
    this.store = store;
    this.writer = Thread.ofPlatform().name("riskgate-group-commit").daemon().start(this::run);
  }

  /**
   * Stores one declaration with its decision and audit line; returns once committed.
   *
   * @throws StoreException as {@link DeclarationStore#storeOne} would (e.g. a duplicate id)
   */
  public void store(DeclarationStore.Decided row) {
    if (!open) {
      throw new IllegalStateException("the store is closing");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Pending(row, done));
    try {
      done.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("store failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the store did not commit within 60 s", e);
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>(MAX_GROUP);
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.clear();
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void commit(List<Pending> group) {
    try {
      store.storeMany(group.stream().map(Pending::row).toList());
      group.forEach(p -> p.done().complete(null));
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).done().completeExceptionally(e);
        return;
      }
      // one bad row (say, an id already stored) must not fail its neighbours: retry one by one
      for (Pending p : group) {
        try {
          store.storeMany(List.of(p.row()));
          p.done().complete(null);
        } catch (RuntimeException each) {
          p.done().completeExceptionally(each);
        }
      }
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
