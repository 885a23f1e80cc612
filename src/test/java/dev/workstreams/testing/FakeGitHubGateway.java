package dev.workstreams.testing;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.BranchHead;
import dev.workstreams.port.ChangedFile;
import dev.workstreams.port.ChangedFiles;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.Permission;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.RepositoryTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One repository on GitHub as plain values, for workflow tests without HTTP (as policy-bot's
 * {@code pulltest.Context} is for its rules): branches, pull requests, labels, comments, check runs,
 * people's permissions. Every call is recorded in order, so a test can say what was asked and how
 * often; reads and writes are told apart so a test can count what reached GitHub.
 */
public final class FakeGitHubGateway implements GitHubGateway, GitHubGateways {

  /** A check run as reported. */
  public record CheckRun(String headSha, String name, boolean success, String title, String summary) {}

  /** GitHub refuses (422) comments and pull request bodies longer than this. */
  public static final int MAX_BODY_CHARS = 65_536;

  private final RepositoryId repository;
  private final Map<String, BranchHead> branches = new LinkedHashMap<>();
  private final Map<String, Set<String>> trees = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();
  private final Map<Integer, ObservedPullRequest> pullRequests = new LinkedHashMap<>();
  private final Map<Integer, String> pullRequestHeads = new HashMap<>();
  private final Map<Integer, List<ChangedFile>> changedFiles = new HashMap<>();
  private final Map<Integer, Set<String>> issueLabels = new HashMap<>();
  private final Set<String> repositoryLabels = new LinkedHashSet<>();
  private final Map<Long, IssueComment> comments = new LinkedHashMap<>();
  private final Map<Long, Integer> commentIssues = new HashMap<>();
  private final Map<String, Permission> permissions = new HashMap<>();
  private final List<CheckRun> checkRuns = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<String> failing = new ArrayList<>();
  private final Set<Integer> readyForReview = new TreeSet<>();
  private final Map<Integer, String> issueBodies = new HashMap<>();
  private long nextId = 1000;
  private int nextNumber = 100;
  private int commits;

  public FakeGitHubGateway(RepositoryId repository) {
    this.repository = repository;
  }

  /** {@code octo/hello} through installation 7, with a {@code main} branch holding {@code paths}. */
  public static FakeGitHubGateway octoHello(String... paths) {
    FakeGitHubGateway github = new FakeGitHubGateway(new RepositoryId(7, "octo", "hello"));
    github.withBranch("main", paths);
    return github;
  }

  public FakeGitHubGateway withBranch(String name, String... paths) {
    String tree = "tree-" + name;
    branches.put(name, new BranchHead("commit-" + name, tree));
    trees.put(tree, new TreeSet<>(List.of(paths)));
    return this;
  }

  public FakeGitHubGateway withPermission(String login, Permission permission) {
    permissions.put(login, permission);
    return this;
  }

  public FakeGitHubGateway withFile(String ref, String path, String text) {
    files.put(ref + ":" + path, text);
    return this;
  }

  public FakeGitHubGateway withChangedFiles(int pullRequest, List<ChangedFile> changed) {
    changedFiles.put(pullRequest, List.copyOf(changed));
    return this;
  }

  @Override
  public GitHubGateway forRepository(RepositoryId id) {
    if (!id.equals(repository)) {
      throw new AssertionError("asked for " + id + ", but the fake holds " + repository);
    }
    return this;
  }

  @Override
  public RepositoryId repository() {
    return repository;
  }

  @Override
  public Permission permission(String login) {
    calls.add("read permission " + login);
    return permissions.getOrDefault(login, Permission.NONE);
  }

  /** The App of these tests is registered as {@code workstreams}. */
  @Override
  public String appLogin() {
    return "workstreams[bot]";
  }

  @Override
  public Optional<String> file(String path, String ref) {
    calls.add("read file " + path);
    return Optional.ofNullable(files.get(ref + ":" + path));
  }

  @Override
  public Optional<BranchHead> branch(String name) {
    calls.add("read branch " + name);
    return Optional.ofNullable(branches.get(name));
  }

  @Override
  public RepositoryTree tree(String treeSha) {
    calls.add("read tree " + treeSha);
    return new RepositoryTree(List.copyOf(trees.getOrDefault(treeSha, Set.of())), false);
  }

  @Override
  public Set<String> branchesStartingWith(String prefix) {
    calls.add("read branches " + prefix);
    Set<String> names = new TreeSet<>();
    branches.keySet().stream().filter(b -> b.startsWith(prefix)).forEach(names::add);
    return names;
  }

  @Override
  public void createBranch(String name, BranchHead base, String commitMessage) {
    calls.add("write branch " + name);
    if (!branches.containsKey(name)) {
      commits++;
      branches.put(name, new BranchHead("commit-" + commits, base.treeSha()));
    }
  }

  @Override
  public Optional<ObservedPullRequest> pullRequestForBranch(String branch) {
    calls.add("read pull request for " + branch);
    return pullRequestHeads.entrySet().stream().filter(e -> e.getValue().equals(branch))
        .map(e -> pullRequests.get(e.getKey())).reduce((first, second) -> second);
  }

  @Override
  public ObservedPullRequest openPullRequest(String head, String base, String title, String body) {
    withinGitHubsLimit(body);
    calls.add("write pull request " + head);
    int number = nextNumber++;
    ObservedPullRequest pr = new ObservedPullRequest(number, ObservedPullRequest.State.OPEN, title, body, Set.of(), true);
    pullRequests.put(number, pr);
    pullRequestHeads.put(number, head);
    return pr;
  }

  @Override
  public void updatePullRequest(int number, String title, String body) {
    withinGitHubsLimit(body);
    calls.add("write pull request #" + number);
    pullRequests.put(number, pullRequest(number).withTitleAndBody(title, body));
  }

  @Override
  public void closePullRequest(int number) {
    calls.add("write close #" + number);
    if (pullRequest(number).open()) {
      close(number, false);
    }
  }

  @Override
  public ChangedFiles changedFiles(int pullRequest) {
    calls.add("read changed files #" + pullRequest);
    return new ChangedFiles(changedFiles.getOrDefault(pullRequest, List.of()), true);
  }

  @Override
  public void reportCheck(String headSha, String name, boolean success, String title, String summary) {
    calls.add("write check " + name + " " + headSha);
    checkRuns.add(new CheckRun(headSha, name, success, title, summary));
  }

  @Override
  public void ensureLabel(String name, String color, String description) {
    calls.add("write label " + name);
    repositoryLabels.add(name);
  }

  @Override
  public void addLabel(int number, String label) {
    calls.add("write label " + label + " on #" + number);
    issueLabels.computeIfAbsent(number, n -> new TreeSet<>()).add(label);
    if (pullRequests.containsKey(number)) {
      Set<String> labels = new HashSet<>(pullRequests.get(number).labels());
      labels.add(label);
      pullRequests.put(number, pullRequests.get(number).withLabels(labels));
    }
  }

  @Override
  public void removeLabel(int number, String label) {
    calls.add("write unlabel " + label + " on #" + number);
    issueLabels.getOrDefault(number, new TreeSet<>()).remove(label);
    if (pullRequests.containsKey(number)) {
      Set<String> labels = new HashSet<>(pullRequests.get(number).labels());
      labels.remove(label);
      pullRequests.put(number, pullRequests.get(number).withLabels(labels));
    }
  }

  @Override
  public List<IssueComment> commentsWithMarker(int number, String marker) {
    calls.add("read comments #" + number);
    return commentsOn(number).stream().filter(c -> c.body().contains(marker)).toList();
  }

  @Override
  public IssueComment comment(int number, String body) throws IOException {
    withinGitHubsLimit(body);
    calls.add("write comment #" + number);
    failIfAsked("write comment #" + number);
    IssueComment comment = new IssueComment(nextId++, body);
    comments.put(comment.id(), comment);
    commentIssues.put(comment.id(), number);
    return comment;
  }

  @Override
  public void editComment(long commentId, String body) {
    withinGitHubsLimit(body);
    calls.add("write comment edit " + commentId);
    if (!comments.containsKey(commentId)) {
      throw new AssertionError("no comment " + commentId + " to edit");
    }
    comments.put(commentId, new IssueComment(commentId, body));
  }

  @Override
  public String issueBody(int number) {
    calls.add("read issue #" + number);
    return issueBodies.getOrDefault(number, "");
  }

  @Override
  public void updateIssueBody(int number, String body) {
    withinGitHubsLimit(body);
    calls.add("write issue body #" + number);
    issueBodies.put(number, body);
  }

  /** The issue's body as a person wrote it on GitHub. */
  public FakeGitHubGateway withIssueBody(int number, String body) {
    issueBodies.put(number, body);
    return this;
  }

  @Override
  public void markReadyForReview(int number) {
    calls.add("write ready #" + number);
    readyForReview.add(number);
    pullRequests.computeIfPresent(number, (n, pr) ->
        new ObservedPullRequest(pr.number(), pr.state(), pr.title(), pr.body(), pr.labels(), false));
  }

  /** The next call described as {@code call} (as {@link #calls()} shows it) fails as if GitHub were unreachable. */
  public FakeGitHubGateway failingOnce(String call) {
    failing.add(call);
    return this;
  }

  private void failIfAsked(String call) throws IOException {
    if (failing.remove(call)) {
      throw new IOException("GitHub is unreachable (the fake was asked to fail " + call + ")");
    }
  }

  private static void withinGitHubsLimit(String body) {
    if (body.codePointCount(0, body.length()) > MAX_BODY_CHARS) {
      throw new AssertionError("GitHub would refuse this body (422): " + body.length() + " characters, at most "
          + MAX_BODY_CHARS);
    }
  }

  /** Closes (or merges) a pull request as a person would on GitHub. */
  public ObservedPullRequest close(int number, boolean merged) {
    ObservedPullRequest pr = pullRequest(number);
    ObservedPullRequest closed = new ObservedPullRequest(number,
        merged ? ObservedPullRequest.State.MERGED : ObservedPullRequest.State.CLOSED, pr.title(), pr.body(), pr.labels(),
        pr.draft());
    pullRequests.put(number, closed);
    return closed;
  }

  /** Reopens a pull request closed without merging, as a person would on GitHub. */
  public ObservedPullRequest reopen(int number) {
    ObservedPullRequest pr = pullRequest(number);
    ObservedPullRequest open = new ObservedPullRequest(number, ObservedPullRequest.State.OPEN, pr.title(), pr.body(),
        pr.labels(), pr.draft());
    pullRequests.put(number, open);
    return open;
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls that change something on GitHub. */
  public List<String> writes() {
    return calls.stream().filter(c -> c.startsWith("write ")).toList();
  }

  public void forgetCalls() {
    calls.clear();
  }

  public Set<String> branchNames() {
    return new TreeSet<>(branches.keySet());
  }

  public List<ObservedPullRequest> pullRequests() {
    return List.copyOf(pullRequests.values());
  }

  public ObservedPullRequest pullRequest(int number) {
    ObservedPullRequest pr = pullRequests.get(number);
    if (pr == null) {
      throw new AssertionError("no pull request #" + number + " in " + pullRequests.keySet());
    }
    return pr;
  }

  public String headOf(int pullRequest) {
    return pullRequestHeads.get(pullRequest);
  }

  /** Comments on an issue or pull request, oldest first. */
  public List<IssueComment> commentsOn(int number) {
    return comments.values().stream().filter(c -> commentIssues.get(c.id()) == number).toList();
  }

  public Set<String> labelsOn(int number) {
    return Set.copyOf(issueLabels.getOrDefault(number, Set.of()));
  }

  public Set<String> repositoryLabels() {
    return Set.copyOf(repositoryLabels);
  }

  public List<CheckRun> checkRuns() {
    return List.copyOf(checkRuns);
  }

  public Set<Integer> readyForReview() {
    return Set.copyOf(readyForReview);
  }
}
