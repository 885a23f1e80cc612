package dev.workstreams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.fail;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: core ← workflow (through port) ← adapter, web ← Main. Each violation fails the test with its report. */
class ArchitectureTest {

  // ArchUnit recognises test classes only under target/test-classes; builds with another output folder
  // (-Dbuild.dir=...) still put them in a test-classes folder.
  private static final ImportOption NO_TEST_CLASSES = location -> !location.contains("/test-classes/");

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(NO_TEST_CLASSES)
      .importPackages("dev.workstreams");

  @Test
  void theCoreIsPure() {
    noClasses()
        .that().resideInAPackage("dev.workstreams.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.net..", "java.nio.file..", "java.sql..", "javax.sql..", "java.time..", "java.util.random..",
            "org.kohsuke..", "org.eclipse.jgit..", "io.javalin..", "org.eclipse.jetty..", "com.github.kagkarlsson..",
            "org.flywaydb..", "com.zaxxer..", "io.micrometer..", "org.slf4j..",
            "dev.workstreams.adapter..", "dev.workstreams.web..", "dev.workstreams.workflow..",
            "dev.workstreams.port..", "dev.workstreams.cli..")
        .evaluate(MAIN)
        .getFailureReport()
        .getDetails()
        .forEach(violation -> fail(violation));
  }

  @Test
  void theCoreUsesNoClockOrRandomness() {
    noClasses()
        .that().resideInAPackage("dev.workstreams.core..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callConstructor(java.util.Random.class)
        .orShould().callMethod(Math.class, "random")
        .evaluate(MAIN)
        .getFailureReport()
        .getDetails()
        .forEach(violation -> fail(violation));
  }

  @Test
  void adaptersAndWebAreNotUsedByWorkflowsOrPorts() {
    noClasses()
        .that().resideInAnyPackage("dev.workstreams.workflow..", "dev.workstreams.port..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.workstreams.adapter..", "dev.workstreams.web..", "dev.workstreams.cli..")
        .allowEmptyShould(true)
        .evaluate(MAIN)
        .getFailureReport()
        .getDetails()
        .forEach(violation -> fail(violation));
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.workstreams.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
