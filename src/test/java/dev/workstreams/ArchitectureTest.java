package dev.workstreams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: core ← workflow (through port) ← adapter, web ← Main; no package,
 * at any depth, takes part in a cycle. Each rule reports every violation it finds, not the first.
 */
class ArchitectureTest {

  // ArchUnit recognises test classes only under target/test-classes; builds with another output folder
  // (-Dbuild.dir=...) still put them in a test-classes folder.
  private static final ImportOption NO_TEST_CLASSES = location -> !location.contains("/test-classes/");

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(NO_TEST_CLASSES)
      .importPackages("dev.workstreams");

  private static final String CORE = "dev.workstreams.core..";
  private static final String WORKFLOW = "dev.workstreams.workflow..";

  private static final ArchRule CORE_DEPENDS_ON_NO_ADAPTER_LIBRARY_OR_OUTER_LAYER = noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.net..", "java.nio.file..", "java.sql..", "javax.sql..", "java.time..", "java.util.random..",
            "java.util.concurrent..", "org.kohsuke..", "org.eclipse.jgit..", "io.javalin..", "org.eclipse.jetty..",
            "com.github.kagkarlsson..", "org.flywaydb..", "com.zaxxer..", "io.micrometer..", "org.slf4j..",
            "dev.workstreams.adapter..", "dev.workstreams.web..", "dev.workstreams.workflow..",
            "dev.workstreams.port..", "dev.workstreams.cli..", "dev.workstreams.config..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.Main")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.WorkstreamsServer");

  private static final ArchRule CORE_DOES_NO_IO_STARTS_NO_PROCESS_AND_READS_NO_ENVIRONMENT = noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Process")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessHandle")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Runtime")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class, String.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "exit", int.class)
        .orShould().callConstructor(java.util.Random.class)
        .orShould().callMethod(Math.class, "random");

  private static final ArchRule WORKFLOWS_REACH_THE_WORLD_ONLY_THROUGH_PORTS = noClasses().that().resideInAnyPackage(WORKFLOW, "dev.workstreams.port..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.workstreams.adapter..", "dev.workstreams.web..", "dev.workstreams.cli..", "dev.workstreams.config..",
            "java.sql..", "javax.sql..", "java.net.http..", "org.kohsuke..", "org.eclipse.jgit..", "io.javalin..",
            "org.eclipse.jetty..", "com.zaxxer..", "org.flywaydb..", "com.github.kagkarlsson..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.Main")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.WorkstreamsServer")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
        .allowEmptyShould(true);

  @Test
  void theCoreDependsOnNoAdapterLibraryOrOuterLayer() {
    assertHolds(CORE_DEPENDS_ON_NO_ADAPTER_LIBRARY_OR_OUTER_LAYER);
  }

  @Test
  void theCoreDoesNoIoStartsNoProcessAndReadsNoEnvironment() {
    assertHolds(CORE_DOES_NO_IO_STARTS_NO_PROCESS_AND_READS_NO_ENVIRONMENT);
  }

  @Test
  void workflowsReachTheWorldOnlyThroughPorts() {
    assertHolds(WORKFLOWS_REACH_THE_WORLD_ONLY_THROUGH_PORTS);
  }

  /** The rules are only worth something if they fail: each forbidden use in the fixtures is reported. */
  @Test
  void theRulesReportEveryForbiddenUseInTheFixtures() {
    JavaClasses fixtures = new ClassFileImporter().importPackages(
        "dev.workstreams.core.archfixture", "dev.workstreams.workflow.archfixture");
    String core = String.join("\n", CORE_DEPENDS_ON_NO_ADAPTER_LIBRARY_OR_OUTER_LAYER.evaluate(fixtures)
        .getFailureReport().getDetails());
    String io = String.join("\n", CORE_DOES_NO_IO_STARTS_NO_PROCESS_AND_READS_NO_ENVIRONMENT.evaluate(fixtures)
        .getFailureReport().getDetails());
    String workflow = String.join("\n", WORKFLOWS_REACH_THE_WORLD_ONLY_THROUGH_PORTS.evaluate(fixtures)
        .getFailureReport().getDetails());
    assertAll(
        () -> assertTrue(core.contains("dev.workstreams.config.ServerConfig"), core),
        () -> assertTrue(core.contains("dev.workstreams.WorkstreamsServer"), core),
        () -> assertTrue(io.contains("java.io.File"), io),
        () -> assertTrue(io.contains("java.lang.ProcessBuilder"), io),
        () -> assertTrue(io.contains("Thread.sleep"), io),
        () -> assertTrue(io.contains("System.getenv"), io),
        () -> assertTrue(workflow.contains("java.sql.Connection"), workflow),
        () -> assertTrue(workflow.contains("org.eclipse.jgit.api.Git"), workflow),
        () -> assertTrue(workflow.contains("org.kohsuke.github.GitHub"), workflow),
        () -> assertTrue(workflow.contains("io.javalin.http.Context"), workflow));
  }

  @Test
  void noPackageAtAnyDepthTakesPartInACycle() {
    assertHolds(slices().matching("dev.workstreams.(**)").should().beFreeOfCycles());
  }

  private static void assertHolds(ArchRule rule) {
    List<String> violations = rule.evaluate(MAIN).getFailureReport().getDetails();
    if (!violations.isEmpty()) {
      fail(violations.size() + " violation(s) of: " + rule.getDescription() + "\n" + String.join("\n", violations));
    }
  }
}
