package dev.workstreams.benchmarks;

import dev.workstreams.core.ownership.OwnedGlobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic plan of 50 tasks with 10 globs each, and the paths a push or a repository would have, generated the same
 * way on every run.
 *
 * <p>Each task owns one service's folders in a monorepo (Java, TypeScript, docs, config, migrations, scripts); three
 * tasks also reach into their neighbours, so the plan has five real overlaps, as a first draft would. Paths always have
 * a folder where a glob has {@code **}{@code /}, so java.nio's glob syntax (whose {@code **}{@code /} needs at least
 * one folder) gives the same answers as ours and the baselines compute the same thing.
 */
final class BenchmarkPlan {

  static final int TASKS = 50;
  static final List<String> SHARED = List.of("package-lock.json", "README.md", ".github/CODEOWNERS");

  private static final String[] SERVICE_FOLDERS = {"internal", "api", "cmd", "pkg/store", "pkg/http"};
  private static final String[] ENVIRONMENTS = {"dev", "staging", "prod"};
  private static final String[] UNOWNED = {
      "pom.xml", "Makefile", "tools/gen/codegen.py", "web/package.json", "web/tsconfig.json", "docs/index.md"};

  private BenchmarkPlan() {}

  static String taskId(int task) {
    return "svc-%02d".formatted(task);
  }

  static List<OwnedGlobs> tasks() {
    List<OwnedGlobs> tasks = new ArrayList<>();
    for (int task = 0; task < TASKS; task++) {
      String n = "%02d".formatted(task);
      List<String> globs = new ArrayList<>(List.of(
          "services/svc-" + n + "/**",
          "src/module" + n + "/**/*.java",
          "test/module" + n + "/**/*Test.java",
          "docs/svc-" + n + "/*.md",
          "config/svc-" + n + "/{dev,staging,prod}/*.yml",
          "web/src/features/feature" + n + "/**/*.{ts,tsx}",
          "web/src/features/feature" + n + "/**/*.css",
          "db/migrations/svc-" + n + "/V*__*.sql",
          "scripts/svc-" + n + "-*.sh"));
      globs.add(switch (task) {
        case 5 -> "services/svc-0{6,7}/shared/**";
        case 20 -> "web/src/features/feature2{1,2}/**/index.ts";
        case 40 -> "docs/{svc-40,svc-41}/*.md";
        default -> "proto/svc" + n + "/*.proto";
      });
      tasks.add(new OwnedGlobs(taskId(task), globs));
    }
    return tasks;
  }

  /** A large push of one task: mostly its own files, some of other tasks, some nobody owns, some shared. */
  static List<String> changedPaths(int task, int count) {
    Random random = new Random(42);
    List<String> paths = new ArrayList<>();
    while (paths.size() < count) {
      int roll = random.nextInt(100);
      if (roll < 80) {
        paths.add(pathOf(task, random));
      } else if (roll < 90) {
        paths.add(pathOf(random.nextInt(TASKS), random));
      } else if (roll < 95) {
        paths.add(UNOWNED[random.nextInt(UNOWNED.length)]);
      } else {
        paths.add(SHARED.get(random.nextInt(SHARED.size())));
      }
    }
    return paths;
  }

  /** The files of a repository where every task's area already has {@code perTask} files. */
  static List<String> repositoryFiles(int perTask) {
    Random random = new Random(7);
    List<String> files = new ArrayList<>();
    for (int task = 0; task < TASKS; task++) {
      for (int i = 0; i < perTask; i++) {
        files.add(pathOf(task, random));
      }
    }
    files.addAll(List.of(UNOWNED));
    files.addAll(SHARED);
    return files;
  }

  private static String pathOf(int task, Random random) {
    String n = "%02d".formatted(task);
    int k = random.nextInt(400);
    return switch (random.nextInt(9)) {
      case 0 -> "services/svc-" + n + "/" + pick(SERVICE_FOLDERS, random) + "/handler" + k + ".go";
      case 1 -> "src/module" + n + "/com/acme/m" + n + "/pkg" + k % 7 + "/Class" + k + ".java";
      case 2 -> "test/module" + n + "/com/acme/m" + n + "/Class" + k + "Test.java";
      case 3 -> "docs/svc-" + n + "/topic" + k + ".md";
      case 4 -> "config/svc-" + n + "/" + pick(ENVIRONMENTS, random) + "/app" + k + ".yml";
      case 5 -> "web/src/features/feature" + n + "/components/Widget" + k + (k % 2 == 0 ? ".tsx" : ".ts");
      case 6 -> "web/src/features/feature" + n + "/styles/widget" + k + ".css";
      case 7 -> "db/migrations/svc-" + n + "/V" + k + "__change_" + k + ".sql";
      default -> "scripts/svc-" + n + "-task" + k + ".sh";
    };
  }

  private static String pick(String[] choices, Random random) {
    return choices[random.nextInt(choices.length)];
  }
}
