package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** Stubs that answer successive requests differently, as GitHub does across a rate limit. */
public final class WireMockSequences {

  private WireMockSequences() {}

  /** The last answer repeats for any further request. */
  public static void stubSequence(WireMockExtension github, String method, String path, ResponseDefinitionBuilder... answers) {
    String scenario = method + " " + path;
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "answer " + i;
      var stub = request(method, urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state).willReturn(answers[i]);
      if (i + 1 < answers.length) {
        stub = stub.willSetStateTo("answer " + (i + 1));
      }
      github.stubFor(stub);
    }
  }
}
