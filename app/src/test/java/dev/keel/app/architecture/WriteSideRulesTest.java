package dev.keel.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.keel.command.password.PasswordPolicy;
import dev.keel.command.password.Passwords;
import dev.keel.command.throttle.IpThrottle;
import dev.keel.command.throttle.Throttled;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How the write side is layered: controllers turn a request into a command or hand it to an
 * application service; policies decide and return events; only aggregates apply them, and storage
 * sits behind small interfaces.
 */
class WriteSideRulesTest {

    private static JavaClasses commandSide;

    @BeforeAll
    static void importCommandSide() {
        commandSide = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keel.command");
    }

    @Test
    void controllersNeitherHashNorThrottleNorCheckPasswordRulesNorTouchTheDatabase() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().belongToAnyOf(Passwords.class, PasswordPolicy.class, IpThrottle.class,
                        Throttled.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(commandSide);
    }

    @Test
    void policiesDecideAndNeitherApplyEventsNorTouchTheDatabase() {
        noClasses().that().haveSimpleNameEndingWith("Policy")
                .should().callMethod(AggregateLifecycle.class, "apply", Object.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(commandSide);
    }
}
