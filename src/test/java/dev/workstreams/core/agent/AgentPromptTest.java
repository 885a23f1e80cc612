package dev.workstreams.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentPromptTest {

  static final IssueGoal ISSUE = new IssueGoal(12, "Sign-in for the shop", """
      We want people to sign in with GitHub.

      ```plan
      tasks: …
      ```
      """);

  @Test
  void tellsTheAgentItsTaskItsPathsItsDependenciesThePlanAndHowToFinish() {
    String prompt = AgentPrompt.compose(new PromptInput(
        new TaskBrief("auth", "Add OAuth login", "Implement the OAuth flow.\nUse the existing session store.\n"),
        ISSUE, List.of("src/auth/**", "test/auth/**"), List.of("package-lock.json"),
        List.of("#13 Add user model")));

    assertEquals("""
        You are a coding agent working on one task of a plan, in a git working copy of the repository. \
        Other agents work on the plan's other tasks at the same time, each in its own working copy and branch.

        # Your task: auth — Add OAuth login

        Implement the OAuth flow.
        Use the existing session store.

        # Files you may change

        Change files only under these paths (globs; `*` matches within one folder, `**` across folders):
        - `src/auth/**`
        - `test/auth/**`

        Any task may also change these shared paths:
        - `package-lock.json`

        Other tasks own everything else. Changes outside your paths are reported on your pull request, \
        or left out of it.

        # Work this builds on

        These pull requests of the plan are merged into your branch already:
        - #13 Add user model

        # The plan: issue #12, Sign-in for the shop

        > We want people to sign in with GitHub.
        >
        > ```plan
        > tasks: …
        > ```

        # When you finish

        - Edit files only under your paths. Commit your work, or leave the changes uncommitted: \
        the app commits what you changed and pushes it to your branch.
        - Do not push, switch branches or create branches: only this branch is pushed.
        - Exit with status 0 when the task is done.
        - If you cannot finish it, exit with a non-zero status and explain why on standard output: \
        the end of your output is posted on the pull request.
        """, prompt);
  }

  @Test
  void saysSoWhenThereAreNoInstructionsNoSharedPathsAndNoDependencies() {
    String prompt = AgentPrompt.compose(new PromptInput(
        new TaskBrief("docs", "Write the guide", ""), new IssueGoal(3, "Docs", ""),
        List.of("docs/"), List.of(), List.of()));

    assertTrue(prompt.contains("The plan gives no further instructions for this task: its title says what to do.\n"));
    assertTrue(prompt.contains("No other task's work comes before this one.\n"));
    assertTrue(prompt.contains("> (The issue has no description.)\n"));
    assertTrue(!prompt.contains("shared paths"));
  }

  @Test
  void quotesOnlyTheBeginningOfALongIssueCutAtALineEnd() {
    String line = "x".repeat(99) + "\n";
    String excerpt = AgentPrompt.excerpt(line.repeat(100));

    assertEquals(line.repeat(40) + "[…]", excerpt, "forty whole lines of a hundred characters");
  }
}
