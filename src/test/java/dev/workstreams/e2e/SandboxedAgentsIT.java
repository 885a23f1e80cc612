package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.HiddenPaths;
import dev.workstreams.adapter.agent.sandbox.RequiresBubblewrap;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.testing.Eventually;
import dev.workstreams.adapter.github.auth.TestKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile agents, through the worker pool, in the sandbox the server builds: each attack fails and is
 * reported with its reason, and no secret reaches a comment, a log file or the database, in any form.
 * An ordinary agent next to them still commits with the shared objects and is pushed.
 */
class SandboxedAgentsIT {

  private static final String API_KEY = "sk-test/Ab+Cd=Ef:0123456789";
  private static final String WEBHOOK_SECRET = "whsec-the-servers-own-0123456789";
  private static final String CLIENT_SECRET = "client-secret-of-the-app-0123456789";

  @TempDir Path dir;
  private PlanRig rig;
  private Path bare;
  private Path data;
  private Path keyFile;
  private String pem;
  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  private ResourceControl resources;

  @BeforeEach
  void start() throws Exception {
    Path bwrap = RequiresBubblewrap.bwrap();
    resources = RequiresBubblewrap.resources();
    bare = bareRepository();
    data = Files.createDirectories(dir.resolve("data"));
    pem = TestKeys.generate().pkcs1Pem();
    keyFile = Files.createDirectories(dir.resolve("keys")).resolve("app.pem");
    Files.writeString(keyFile, pem);
    Files.writeString(data.resolve("github-app.json"), "{\"client_secret\": \"" + CLIENT_SECRET + "\"}");
    Path other = Files.createDirectories(data.resolve("workspaces/octo/hello/7-other"));
    Files.writeString(other.resolve("secret.txt"), "other task's secret " + WEBHOOK_SECRET);
    listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "test-listener");
    acceptor.setDaemon(true);
    acceptor.start();

    Path agentsDir = Files.createDirectories(dir.resolve("agents"));
    Path script = agentsDir.resolve("agent.sh");
    Files.writeString(script, HOSTILE
        .replace("SERVER_PID", Long.toString(ProcessHandle.current().pid()))
        .replace("KEY_FILE", keyFile.toString())
        .replace("DATA", data.toString())
        .replace("AGENTS_FILE", agentsDir.resolve("agents.yml").toString())
        .replace("PORT", Integer.toString(listener.getLocalPort())));
    String agents = "profiles:\n  hostile:\n    command: [bash, " + script + "]\n    timeout: 60s\n"
        + "    network: none\n    mounts: [" + agentsDir + "]\n"
        + "    limits: { memory: 64m, pids: 64, file_size: 1m }\n"
        + "    env: { API_KEY: \"${API_KEY}\" }\ndefault: hostile\n";
    Files.writeString(agentsDir.resolve("agents.yml"), agents);
    AgentProfiles profiles = new AgentProfilesReader(Map.of("API_KEY", API_KEY)).parse(agents, "agents.yml");
    AgentSandbox sandbox = AgentSandbox.bubblewrap(bwrap,
        HiddenPaths.ofServer(data, Optional.of(keyFile), Optional.of(agentsDir.resolve("agents.yml"))), resources);
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2)).withAgents(new PlanRig.Agents(profiles, bare, 6,
        sandbox, List.of(WEBHOOK_SECRET, CLIENT_SECRET, pem))));
    rig.github.permissions.put("mona", "write");
  }

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
    if (listener != null) {
      listener.close();
    }
  }

  private Path bareRepository() throws Exception {
    Path repo = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(repo.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    }
    return repo;
  }

  private void accept() {
    try {
      while (true) {
        try (Socket s = listener.accept()) {
          connections.incrementAndGet();
        }
      }
    } catch (Exception e) {
      // closed at the end of the test
    }
  }

  /** Each task of the plan is one attack; "ok" is an ordinary agent. */
  private static final String HOSTILE = """
      attempt() { name=$1; shift; if out=$("$@" 2>&1); then echo "LEAK $name: $(printf %s "$out" | head -c 200)"; else echo "BLOCKED $name"; fi; }
      case "$WORKSTREAMS_TASK_ID" in
      read)
        attempt environ cat /proc/SERVER_PID/environ
        attempt server-process test -e /proc/SERVER_PID/cmdline
        echo "processes seen: $(ls /proc | grep -c '^[0-9]')"
        attempt key cat KEY_FILE
        attempt credentials cat DATA/github-app.json
        attempt database head -c 64 DATA/workstreams.mv.db
        attempt other-copy cat DATA/workspaces/octo/hello/7-other/secret.txt
        attempt agents-file grep hostile AGENTS_FILE
        attempt network bash -c 'exec 3<>/dev/tcp/127.0.0.1/PORT'
        echo "api key: $API_KEY"
        echo "base64: $(printf %s "$API_KEY" | base64 -w0)"
        echo "in a url: https://x.example/?k=$(printf %s "$API_KEY" | sed -e 's|/|%2F|g' -e 's|+|%2B|g' -e 's|=|%3D|g' -e 's|:|%3A|g')"
        exit 3 ;;
      write)
        touch /usr/hostile-was-here; touch DATA/hostile-was-here
        echo overwritten > DATA/workspaces/octo/hello/7-other/secret.txt
        touch DATA/repos/octo/hello.git/objects/hostile-was-here
        echo "tried to write outside"
        exit 5 ;;
      forks)
        sh -c 'for i in $(seq 1 200); do sleep 30 & done; exit 4' ;;
      memory)
        head -c 300000000 /dev/zero | tail -c 200000000 > /dev/null ;;
      bigfile)
        head -c 2000000 /dev/zero > big.bin ;;
      ok)
        mkdir -p ok && git log --oneline -1 > ok/log.txt && echo hello > ok/file.txt && git add ok \\
          && git -c user.name=agent -c user.email=agent@example.com commit -qm "agent commit" ;;
      esac
      """;

  @Test
  void everyAttackFailsWithItsReasonAndNoSecretLeavesTheSandbox() throws Exception {
    String plan = "```plan\nmax_parallel: 6\ntasks:\n"
        + Stream.of("read", "write", "forks", "memory", "bigfile", "ok")
            .map(id -> "  - {id: " + id + ", title: Task " + id + ", owns: [" + id + "/**]}\n").reduce("", String::concat)
        + "```\n";

    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));

    try {
      Eventually.await("every agent reported", Duration.ofSeconds(120), () -> Stream.of("read", "write", "forks", "memory",
          "bigfile").allMatch(id -> !comment(id).isEmpty()) && tracking().contains("| `ok` Task ok | #105 | ready for review |"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; comments: " + rig.github.comments + "; logs: " + logs(), e);
    }
    String read = comment("read");
    assertTrue(read.contains("exited with status 3"), read);
    for (String attack : List.of("environ", "server-process", "key", "credentials", "database", "other-copy",
        "agents-file", "network")) {
      assertTrue(read.contains("BLOCKED " + attack), attack + " in " + read);
    }
    assertFalse(read.contains("LEAK"), read);
    assertTrue(read.contains("api key: ***"), read);
    assertEquals(0, connections.get(), "network: none reached the host's loopback");

    assertTrue(comment("write").contains("exited with status 5"), comment("write"));
    assertFalse(Files.exists(Path.of("/usr/hostile-was-here")));
    assertFalse(Files.exists(data.resolve("hostile-was-here")));
    assertFalse(Files.exists(data.resolve("repos/octo/hello.git/objects/hostile-was-here")));
    assertTrue(Files.readString(data.resolve("workspaces/octo/hello/7-other/secret.txt")).startsWith("other task's"));

    assertTrue(comment("bigfile").contains("hit the file size limit of 1m"), comment("bigfile"));
    if (resources.perRun()) {
      assertTrue(comment("forks").contains("hit the process limit of 64"), comment("forks"));
      assertTrue(comment("memory").contains("hit the memory limit of 64m"), comment("memory"));
    } else {
      assertTrue(comment("forks").contains("The agent failed"), comment("forks"));
    }

    assertEquals("", comment("ok"), "a run that went well gets no comment");
    try (Git git = Git.open(bare.toFile())) {
      RevCommit tip = git.log().add(git.getRepository().resolve("refs/heads/workstreams/7-ok")).setMaxCount(2).call()
          .iterator().next();
      List<String> messages = new ArrayList<>();
      git.log().add(tip).call().forEach(c -> messages.add(c.getShortMessage()));
      assertTrue(messages.contains("agent commit"), messages.toString());
      String log = new String(git.getRepository().open(
          org.eclipse.jgit.treewalk.TreeWalk.forPath(git.getRepository(), "ok/log.txt", tip.getTree()).getObjectId(0)).getBytes(),
          StandardCharsets.UTF_8);
      assertTrue(log.contains("first"), "git log inside the sandbox saw the shared objects: " + log);
    }
    assertNoSecretIn("the comments", rig.github.comments.values().toString());
    String logs = logs();
    assertTrue(logs.contains("BLOCKED environ"), "the logs were read");
    assertNoSecretIn("the log files", logs);
    assertNoSecretIn("the database", database());
  }

  private String tracking() {
    return rig.github.commentsOn(7).stream().map(c -> c.path("body").asText()).reduce("", String::concat);
  }

  private String comment(String task) {
    int number = rig.github.pullRequest("workstreams/7-" + task).path("number").asInt();
    return rig.github.commentsOn(number).stream().map(c -> c.path("body").asText()).reduce("", String::concat);
  }

  private void assertNoSecretIn(String where, String text) {
    List<String> secrets = new ArrayList<>(List.of(API_KEY, WEBHOOK_SECRET, CLIENT_SECRET));
    pem.lines().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
    for (String secret : secrets) {
      for (String form : List.of(secret, Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
          URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
        assertFalse(text.contains(form), where + " hold " + form);
      }
    }
  }

  private String logs() {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(data.resolve("logs"))) {
      for (Path log : files.filter(Files::isRegularFile).toList()) {
        all.append(log.getFileName()).append(":\n").append(Files.readString(log, StandardCharsets.ISO_8859_1));
      }
    } catch (java.io.IOException e) {
      all.append("(no logs: ").append(e).append(')');
    }
    return all.toString();
  }

  private String database() throws Exception {
    StringBuilder dump = new StringBuilder();
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("workstreams")
        + ";DB_CLOSE_ON_EXIT=FALSE"); ResultSet rows = db.createStatement().executeQuery("SCRIPT")) {
      while (rows.next()) {
        dump.append(rows.getString(1)).append('\n');
      }
    }
    assertTrue(dump.toString().contains("hit the file size limit"), "the database holds the reports");
    return dump.toString();
  }
}
