package dev.workstreams.adapter.github.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.GitHubTestRig;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.GitHubUnavailableException;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import dev.workstreams.core.config.ConfigProblem;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigParser;
import dev.workstreams.core.config.RepoConfigResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RepoConfigLoaderIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private static final String CONTENTS = "/repos/octo/hello/contents/.github/workstreams.yml?ref=main";

  private RepoConfigLoader loader;

  @BeforeEach
  void assemble() {
    FakeClock clock = new FakeClock(GitHubTestRig.START);
    GitHubTestRig rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    GitHubTestRig.stubToken(github, 7, "ghs_config", clock.instant());
    loader = new RepoConfigLoader(rig.clients, new RepoConfigParser());
  }

  @Test
  void aRepositoryWithoutTheFileGetsTheDefaults() throws IOException {
    github.stubFor(get(urlEqualTo(CONTENTS)).willReturn(aResponse().withStatus(404)
        .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/repos/contents#get-repository-content\",\"status\":\"404\"}")));

    assertEquals(new RepoConfigResult.Valid(RepoConfig.DEFAULTS), loader.load(7, "octo/hello", "main"));
  }

  @Test
  void readsTheFileFromTheDefaultBranch() throws IOException {
    stubFile(CONTENTS, "trigger_label: workstreams\nmax_parallel: 2\nagent: claude\nshared: [package-lock.json]\nenforcement: block\n");

    assertEquals(new RepoConfigResult.Valid(new RepoConfig("workstreams", 2, Optional.of("claude"), List.of("package-lock.json"),
        Enforcement.BLOCK)), loader.load(7, "octo/hello", "main"));
  }

  @Test
  void returnsTheProblemsOfAnInvalidFile() throws IOException {
    stubFile(CONTENTS, "max_parallel: 99\nreviewers: 2\n");

    RepoConfigResult result = loader.load(7, "octo/hello", "main");

    assertEquals(new RepoConfigResult.Invalid(List.of(
        new ConfigProblem(1, "max_parallel must be a whole number from 1 to 50, got `99`"),
        new ConfigProblem(2, "unknown key `reviewers`; the keys are trigger_label, max_parallel, agent, shared, enforcement, protected, "
            + "preview, max_revisions, agent_time_budget, rerun_failed_checks, review_time, draft_label"))), result);
  }

  @Test
  void readsOnceUntilAPushInvalidatesIt() throws IOException {
    stubFile(CONTENTS, "max_parallel: 2\n");
    loader.load(7, "octo/hello", "main");
    loader.load(7, "Octo/Hello", "main");
    github.verify(1, getRequestedFor(urlEqualTo(CONTENTS)));

    stubFile(CONTENTS, "max_parallel: 3\n");
    loader.invalidate("OCTO/hello");

    assertEquals(3, ((RepoConfigResult.Valid) loader.load(7, "octo/hello", "main")).config().maxParallel());
    github.verify(2, getRequestedFor(urlEqualTo(CONTENTS)));
  }

  @Test
  void encodesTheBranchAndReadsAgainWhenTheDefaultBranchChanges() throws IOException {
    stubFile(CONTENTS, "max_parallel: 2\n");
    stubFile("/repos/octo/hello/contents/.github/workstreams.yml?ref=release%2F2.x", "max_parallel: 5\n");

    loader.load(7, "octo/hello", "main");

    assertEquals(5, ((RepoConfigResult.Valid) loader.load(7, "octo/hello", "release/2.x")).config().maxParallel());
  }

  @Test
  void refusesAFolderOrAnOversizedFile() throws IOException {
    github.stubFor(get(urlEqualTo(CONTENTS)).willReturn(aResponse().withStatus(200).withBody("[]")));
    assertEquals(new RepoConfigResult.Invalid(List.of(new ConfigProblem(0, ".github/workstreams.yml must be a file, but it is a folder"))),
        loader.load(7, "octo/hello", "main"));

    loader.invalidate("octo/hello");
    github.stubFor(get(urlEqualTo(CONTENTS)).willReturn(aResponse().withStatus(200)
        .withBody("{\"type\":\"file\",\"size\":2000000,\"encoding\":\"none\",\"content\":\"\"}")));
    assertEquals(new RepoConfigResult.Invalid(List.of(new ConfigProblem(0, "the file is 2000000 bytes; at most 65536 bytes (64 KiB) are read"))),
        loader.load(7, "octo/hello", "main"));
  }

  @Test
  void throwsAndCachesNothingWhenGitHubFails() throws IOException {
    github.stubFor(get(urlEqualTo(CONTENTS)).willReturn(aResponse().withStatus(500)));

    assertThrows(GitHubUnavailableException.class, () -> loader.load(7, "octo/hello", "main"));

    stubFile(CONTENTS, "max_parallel: 2\n");
    assertEquals(2, ((RepoConfigResult.Valid) loader.load(7, "octo/hello", "main")).config().maxParallel());
  }

  /** The contents API's answer for a file: base64 with a line break every 60 characters, as GitHub sends it. */
  private static void stubFile(String url, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String content = Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.UTF_8)).encodeToString(bytes) + "\n";
    String body = "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":" + bytes.length + ",\"name\":\"workstreams.yml\","
        + "\"path\":\".github/workstreams.yml\",\"sha\":\"3d21ec53a331a6f037a91c368710b99387d012c1\","
        + "\"content\":\"" + content.replace("\n", "\\n") + "\"}";
    github.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
  }
}
