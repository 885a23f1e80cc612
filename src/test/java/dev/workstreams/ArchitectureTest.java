package dev.workstreams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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

  @Test
  void theCoreDependsOnNoAdapterLibraryOrOuterLayer() {
    assertHolds(noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.net..", "java.nio.file..", "java.sql..", "javax.sql..", "java.time..", "java.util.random..",
            "java.util.concurrent..", "org.kohsuke..", "org.eclipse.jgit..", "io.javalin..", "org.eclipse.jetty..",
            "com.github.kagkarlsson..", "org.flywaydb..", "com.zaxxer..", "io.micrometer..", "org.slf4j..",
            "dev.workstreams.adapter..", "dev.workstreams.web..", "dev.workstreams.workflow..",
            "dev.workstreams.port..", "dev.workstreams.cli..", "dev.workstreams.config..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.Main")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.WorkstreamsServer"));
  }

  @Test
  void theCoreDoesNoIoStartsNoProcessAndReadsNoEnvironment() {
    assertHolds(noClasses().that().resideInAPackage(CORE)
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
        .orShould().callMethod(Math.class, "random"));
  }

  @Test
  void workflowsReachTheWorldOnlyThroughPorts() {
    assertHolds(noClasses().that().resideInAnyPackage(WORKFLOW, "dev.workstreams.port..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.workstreams.adapter..", "dev.workstreams.web..", "dev.workstreams.cli..", "dev.workstreams.config..",
            "java.sql..", "javax.sql..", "java.net.http..", "org.kohsuke..", "org.eclipse.jgit..", "io.javalin..",
            "org.eclipse.jetty..", "com.zaxxer..", "org.flywaydb..", "com.github.kagkarlsson..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.Main")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.workstreams.WorkstreamsServer")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
        .allowEmptyShould(true));
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
