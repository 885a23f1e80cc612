package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobMatchingTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # a star stays within one segment
      *.json                | package.json         | true
      *.json                | .json                | true
      *.json                | config/app.json      | false
      src/*                 | src/a.c              | true
      src/*                 | src/a/b.c            | false
      src/a*c               | src/abbc             | true
      # a double star as a whole segment crosses segments, none included
      **/*.json             | package.json         | true
      **/*.json             | a/b/c.json           | true
      src/**/x              | src/x                | true
      src/**/x              | src/a/b/x            | true
      src/**/x              | srcx                 | false
      src/**/x              | src/ax               | false
      **/x                  | ax                   | false
      **/x                  | a/bx                 | false
      src/**/api/**         | src/auth/api/a       | true
      # dir/** and dir/ mean everything below dir, not dir itself
      src/**                | src/a                | true
      src/**                | src/a/b              | true
      src/**                | src                  | false
      src/                  | src/a/b              | true
      src/                  | src                  | false
      src/                  | srcx/a               | false
      **                    | anything/at/all      | true
      # a double star inside a segment is a single star
      a**b                  | axxb                 | true
      a**b                  | ax/xb                | false
      ***/x                 | a/x                  | true
      ***/x                 | a/b/x                | false
      # a question mark is one character of a segment
      ?.md                  | a.md                 | true
      ?.md                  | ab.md                | false
      a?b                   | a/b                  | false
      # braces are alternatives, expanded before anything else
      {src,test}/**         | test/x               | true
      {src,test}/**         | lib/x                | false
      *.{java,kt}           | A.kt                 | true
      {a,{b,{c,d}}}.txt     | d.txt                | true
      {**,docs}/x           | a/b/x                | true
      {**,docs}/x           | docs/x               | true
      file{,.bak}           | file.bak             | true
      file{,.bak}           | file                 | true
      src/{a,}              | src/x/y              | true
      {*,a}*/x              | b/c/x                | true
      # a backslash makes the next character literal
      a\\*                  | a*                   | true
      a\\*                  | ab                   | false
      \\{a\\,b\\}           | '{a,b}'              | true
      \\[x]                 | [x]                  | true
      what\\?               | what?                | true
      what\\?               | whatx                | false
      # wildcards match dot-files like other names
      src/*                 | src/.env             | true
      **/x                  | .github/x            | true
      # plain text is compared exactly
      package-lock.json     | package-lock.json    | true
      package-lock.json     | a/package-lock.json  | false
      Makefile              | makefile             | false
      """)
  void matchesPathsAsTheDesignSays(String pattern, String path, boolean expected) {
    assertEquals(expected, Glob.compile(pattern).matches(path));
  }
}
