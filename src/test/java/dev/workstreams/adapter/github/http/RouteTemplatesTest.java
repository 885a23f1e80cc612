package dev.workstreams.adapter.github.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.MalformedURLException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplatesTest {

  @ParameterizedTest
  @CsvSource({
      "/repos/octo/hello/pulls/42,                                   /repos/{owner}/{repo}/pulls/{number}",
      "/repos/octo/hello/pulls/42/files?per_page=100&page=3,         /repos/{owner}/{repo}/pulls/{number}/files",
      "/repos/octo/hello/issues/7/comments,                          /repos/{owner}/{repo}/issues/{number}/comments",
      "/repos/octo/hello/issues/comments/123456789,                  /repos/{owner}/{repo}/issues/comments/{id}",
      "/repos/octo/hello/issues/7/labels/merge-order:1,              /repos/{owner}/{repo}/issues/{number}/labels/{name}",
      "/repos/octo/hello/git/refs/heads/workstreams/7-auth,          /repos/{owner}/{repo}/git/refs/{ref}",
      "/repos/octo/hello/git/ref/heads/main,                         /repos/{owner}/{repo}/git/ref/{ref}",
      "/repos/octo/hello/git/commits/0123456789abcdef0123456789abcdef01234567, /repos/{owner}/{repo}/git/commits/{sha}",
      "/repos/octo/hello/git/trees/main,                             /repos/{owner}/{repo}/git/trees/{sha}",
      "/repos/octo/hello/commits/0123456789abcdef0123456789abcdef01234567/check-runs, /repos/{owner}/{repo}/commits/{ref}/check-runs",
      "/repos/octo/hello/contents/.github/workstreams.yml?ref=main,  /repos/{owner}/{repo}/contents/{path}",
      "/repos/octo/hello/check-runs/99,                              /repos/{owner}/{repo}/check-runs/{id}",
      "/repos/octo/hello/collaborators/mona/permission,              /repos/{owner}/{repo}/collaborators/{username}/permission",
      "/repos/octo/hello/branches/feature/x/protection,              /repos/{owner}/{repo}/branches/{branch}",
      "/repos/octo/hello,                                            /repos/{owner}/{repo}",
      "/app/installations/11575015/access_tokens,                    /app/installations/{installation_id}/access_tokens",
      "/app-manifests/a180b1a3d263c81bc6441d7b990bae27d4c10679/conversions, /app-manifests/{code}/conversions",
      "/orgs/octo-org,                                               /orgs/{org}",
      "/graphql,                                                     /graphql",
      "/,                                                            /",
  })
  void namesRoutesWithoutOwnersNamesOrIds(String path, String template) throws MalformedURLException {
    RouteTemplates routes = new RouteTemplates("");

    assertEquals(template, routes.template(URI.create("https://api.github.com" + path).toURL()));
  }

  @ParameterizedTest
  @CsvSource({
      "https://ghe.example.com/api/v3/repos/octo/hello/pulls/1, /repos/{owner}/{repo}/pulls/{number}",
      "https://ghe.example.com/api/graphql,                     /api/graphql",
  })
  void dropsTheEnterpriseApiPrefix(String url, String template) throws MalformedURLException {
    assertEquals(template, new RouteTemplates("/api/v3").template(URI.create(url).toURL()));
  }
}
