package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The App's bot user from {@code GET /app} and {@code GET /users/<slug>[bot]}, looked up once. */
class AppBotUserIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  /** The recorded App is "Bogus-Development"; GitHub's slug for it is bogus-development. */
  private static final String USER = "/users/bogus-development%5Bbot%5D";
  private static final String USER_ANSWER = """
      {"login": "bogus-development[bot]", "id": 53000001, "node_id": "MDM6Qm90NTMwMDAwMDE=",
       "html_url": "https://github.com/apps/bogus-development", "type": "Bot", "site_admin": false}
      """;

  private final FakeClock clock = new FakeClock(GitHubTestRig.START);
  private GitHubTestRig rig;

  @BeforeEach
  void assemble() {
    rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    GitHubTestRig.stubToken(github, 7, "ghs_bot_lookup", clock.instant());
  }

  private void stubTheApp() {
    github.stubFor(get(urlEqualTo("/app")).willReturn(Recordings.answer(Recordings.APP).response()));
    github.stubFor(get(urlEqualTo(USER)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(USER_ANSWER)));
  }

  @Test
  void findsTheBotUserOfTheAppWhateverItsNameAndCommitsCarryItsNoreplyAddress() throws IOException {
    stubTheApp();

    AppBotUser.Bot bot = rig.clients.botUser().bot(7);
    BotIdentity identity = BotIdentity.forApp(bot.slug(), bot.userId());

    assertEquals(new AppBotUser.Bot("bogus-development", 53000001L), bot);
    assertEquals("bogus-development[bot]", identity.name());
    assertEquals("53000001+bogus-development[bot]@users.noreply.github.com", identity.email());
    github.verify(getRequestedFor(urlEqualTo("/app")).withHeader("Authorization", matching("Bearer ey.+")));
    github.verify(getRequestedFor(urlEqualTo(USER)).withHeader("Authorization", equalTo("token ghs_bot_lookup")));
  }

  @Test
  void readsTheSlugFieldWhenGitHubSendsOne() throws IOException {
    github.stubFor(get(urlEqualTo("/app")).willReturn(Recordings.answer(Recordings.APP)
        .withJsonField("slug", "bogus-development").withJsonField("html_url", "https://github.com/apps/elsewhere")
        .response()));
    github.stubFor(get(urlEqualTo(USER)).willReturn(aResponse().withStatus(200).withBody(USER_ANSWER)));

    assertEquals("bogus-development", rig.clients.botUser().bot(7).slug());
  }

  @Test
  void looksTheBotUpOnceForManyRuns() throws IOException {
    stubTheApp();

    for (int run = 0; run < 5; run++) {
      assertEquals(53000001L, rig.clients.botUser().bot(7).userId());
    }

    github.verify(1, getRequestedFor(urlEqualTo("/app")));
    github.verify(1, getRequestedFor(urlEqualTo(USER)));
  }

  @Test
  void aFailedLookupIsNotRememberedAndTheNextRunAsksAgain() throws IOException {
    github.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"A JSON web token could not be decoded\"}")));

    IOException failure = assertThrows(IOException.class, () -> rig.clients.botUser().bot(7));
    assertTrue(failure.getMessage().contains("GET /app for App " + GitHubTestRig.APP_ID + " answered HTTP 401"),
        failure.getMessage());

    stubTheApp();
    assertEquals(53000001L, rig.clients.botUser().bot(7).userId());
    github.verify(2, getRequestedFor(urlEqualTo("/app")));
  }

  @Test
  void refusesAnAnswerWithoutAUsableSlugOrUserId() {
    github.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\": 1, \"slug\": \"../../orgs/x\"}")));
    assertThrows(IOException.class, () -> rig.clients.botUser().bot(7));

    github.stubFor(get(urlEqualTo("/app")).willReturn(Recordings.answer(Recordings.APP).response()));
    github.stubFor(get(urlEqualTo(USER)).willReturn(aResponse().withStatus(200).withBody("{\"login\": \"x\"}")));
    IOException noId = assertThrows(IOException.class, () -> rig.clients.botUser().bot(7));
    assertEquals("GET /users/bogus-development[bot] answered no user id", noId.getMessage());
  }
}
