package dev.workstreams.adapter.git;

import java.io.File;
import java.io.OutputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.ProcessResult;

/**
 * JGit's file system access with every way of starting a process closed.
 *
 * <p>An agent can write into its working copy's {@code .git}: a hook ({@code pre-commit},
 * {@code post-commit}, {@code pre-push}) or a clean/smudge filter in {@code .git/config}. JGit would
 * run those inside the server process, with the server's environment (App key, webhook secret),
 * the moment the app commits or pushes. Here hooks are never found and filters fail, and JGit does
 * not call the {@code git} executable to discover the system config either. POSIX only: the server
 * runs on Linux.
 */
final class NoCommandsFs extends FS_POSIX {

  NoCommandsFs() {
    super();
  }

  private NoCommandsFs(FS src) {
    super(src);
  }

  @Override
  public FS newInstance() {
    return new NoCommandsFs(this);
  }

  @Override
  public File findHook(Repository repository, String hookName) {
    return null;
  }

  @Override
  public ProcessResult runHookIfPresent(
      Repository repository, String hookName, String[] args, OutputStream out, OutputStream err,
      String stdinArgs) {
    return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
  }

  @Override
  protected ProcessResult internalRunHookIfPresent(
      Repository repository, String hookName, String[] args, OutputStream out, OutputStream err,
      String stdinArgs) {
    return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
  }

  @Override
  public ProcessBuilder runInShell(String cmd, String[] args) {
    throw new IllegalStateException(
        "working copies run no external commands (a filter or hook in the repository's git config"
            + " asked for one)");
  }

  @Override
  protected File discoverGitSystemConfig() {
    return null;
  }

  @Override
  protected File discoverGitExe() {
    return null;
  }
}
