package dev.workstreams.adapter.agent;

import java.util.concurrent.CompletableFuture;

/**
 * Stops a run from another thread ({@code /workstreams cancel}, the trigger label removed). Cancel
 * before the run starts and it does not start; during it, the whole process tree is killed.
 */
public final class CancelHandle {

  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

  public void cancel() {
    cancelled.complete(null);
  }

  public boolean isCancelled() {
    return cancelled.isDone();
  }

  CompletableFuture<Void> signal() {
    return cancelled;
  }
}
