package dev.workstreams.adapter.git;

import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Pushes the task branch, and only it, without force. When the remote branch moved (a person
 * pushed to the pull request), its commits are merged in and the push is tried again, a few times
 * at most. JGit does not throw on a refused push, so every ref status is read.
 */
final class TaskBranchPusher {

  private static final int ATTEMPTS = 3;

  private final CopyContext context;
  private final BranchMerger merger;

  TaskBranchPusher(CopyContext context, BranchMerger merger) {
    this.context = context;
    this.merger = merger;
  }

  PushOutcome push(Remote remote) throws IOException, GitAPIException {
    RemoteSession session = remote.open();
    try (Git git = context.open()) {
      boolean merged = false;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        ObjectId tip = git.getRepository().resolve(context.taskRef());
        if (tip == null) {
          return new PushOutcome.Failed(
              "the task branch " + context.task().branch() + " no longer exists in the working copy");
        }
        Attempt update = pushOnce(git, session);
        switch (update.status()) {
          case OK:
            return new PushOutcome.Pushed(tip.name(), merged);
          case UP_TO_DATE:
            return new PushOutcome.UpToDate(tip.name());
          case REJECTED_NONFASTFORWARD:
          case REJECTED_REMOTE_CHANGED:
            MergeOutcome outcome = mergeRemoteBranch(git, session);
            if (outcome instanceof MergeOutcome.Conflict conflict) {
              return new PushOutcome.Conflict(conflict.paths());
            }
            merged = true;
            break;
          default:
            String reason = session.redact(update.reason());
            return GitHubRefusal.missingPermission(reason).<PushOutcome>map(missing -> missing)
                .orElse(new PushOutcome.Rejected(update.status().name(), reason));
        }
      }
      return new PushOutcome.Rejected(RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD.name(),
          "the remote branch moved again during each of " + ATTEMPTS + " attempts");
    } catch (TransportException | InvalidRemoteException e) {
      return new PushOutcome.Failed(session.redact(e.getMessage()));
    }
  }

  private Attempt pushOnce(Git git, RemoteSession session) throws GitAPIException {
    String ref = context.taskRef();
    Iterable<PushResult> results = git.push()
        .setRemote(session.url())
        .setCredentialsProvider(session.credentialsProvider())
        .setRefSpecs(new RefSpec(ref + ":" + ref))
        .setForce(false)
        .call();
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(ref);
      if (update != null) {
        return new Attempt(update.getStatus(), update.getMessage(), result.getMessages());
      }
    }
    throw new IllegalStateException("JGit reported no status for " + ref + " in " + context.describe());
  }

  /** One push's outcome for the task branch, with the remote's own words. */
  private record Attempt(RemoteRefUpdate.Status status, String message, String remoteMessages) {

    /** The ref status message plus what the remote printed ("GH006: Protected branch update failed …"). */
    String reason() {
      String own = message == null ? "" : message.strip();
      String remote = remoteMessages == null ? "" : remoteMessages.strip();
      String both = (own + "\n" + remote).strip();
      return both.isEmpty() ? status.name() : both;
    }
  }

  private MergeOutcome mergeRemoteBranch(Git git, RemoteSession session) throws IOException, GitAPIException {
    String branch = context.task().branch();
    context.mirrors().locked(context.repo(), () -> {
      context.mirrors().refresh(context.repo(), session);
      context.mirrors().track(context.repo(), git.getRepository(), branch);
      return null;
    });
    ObjectId remoteTip = git.getRepository().resolve(Constants.R_REMOTES + "origin/" + branch);
    if (remoteTip == null) {
      // The branch vanished between the refusal and the fetch: push again, nothing to merge.
      return new MergeOutcome.UpToDate();
    }
    return merger.merge(git.getRepository(), context.taskRef(), remoteTip,
        "remote branch '" + branch + "'");
  }
}
