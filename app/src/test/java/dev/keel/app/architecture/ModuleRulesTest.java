package dev.keel.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module. */
class ModuleRulesTest {

    private static JavaClasses keel;

    @BeforeAll
    static void importKeel() {
        keel = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keel");
    }

    @Test
    void theSidesNeverReachIntoEachOther() {
        noClasses().that().resideInAPackage("dev.keel.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.keel.projection..", "dev.keel.query..")
                .check(keel);
        noClasses().that().resideInAPackage("dev.keel.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.keel.command..", "dev.keel.query..")
                .check(keel);
        noClasses().that().resideInAPackage("dev.keel.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.keel.command..", "dev.keel.projection..")
                .check(keel);
    }

    @Test
    void theContractHasNoSpringAndNoKeelDependencies() {
        noClasses().that().resideInAPackage("dev.keel.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "dev.keel.command..", "dev.keel.projection..", "dev.keel.query..", "dev.keel.app..",
                        "dev.keel.embedded..", "dev.keel.web..")
                .check(keel);
    }

    /** The shared HTTP conventions sit below the sides, so both may use them without reaching each other. */
    @Test
    void theWebConventionsDependOnTheContractAlone() {
        noClasses().that().resideInAPackage("dev.keel.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.keel.command..", "dev.keel.projection..", "dev.keel.query..", "dev.keel.app..",
                        "dev.keel.embedded..")
                .check(keel);
    }

    /** One home for problem types, so two endpoints never spell the same error differently. */
    @Test
    void problemsAreBuiltByTheWebConventionsOnly() {
        noClasses().that().resideOutsideOfPackage("dev.keel.web..")
                .should().callMethod(ProblemDetail.class, "forStatusAndDetail", HttpStatusCode.class, String.class)
                .orShould().callMethod(ProblemDetail.class, "forStatus", HttpStatusCode.class)
                .check(keel);
    }

    /** One home for "which account is this token", so reading and changing /v1/me answer alike. */
    @Test
    void onlyTheWebConventionsReadTheAccountFromAToken() {
        noClasses().that().resideInAnyPackage("dev.keel.command..", "dev.keel.query..")
                .should().callMethod(Jwt.class, "getSubject")
                .check(keel);
    }

    @Test
    void theEmbeddedLaunchersHaveNoSpring() {
        noClasses().that().resideInAPackage("dev.keel.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.keel.api..")
                .check(keel);
    }

    @Test
    void onlyTheAppAssemblesTheModules() {
        noClasses().that().resideOutsideOfPackage("dev.keel.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.keel.app..")
                .check(keel);
    }

    @Test
    void everyHandledEventHasARevision() {
        methods().that().areAnnotatedWith(EventHandler.class).or().areAnnotatedWith(EventSourcingHandler.class)
                .should(HandledEvents.haveARevision(Revision.class))
                .check(keel);
    }
}
