package fi.palaute.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries the Maven graph cannot enforce. Production classes only: {@code DoNotIncludeTests} drops
 * test-classes folders, and the sibling modules' test jars (the contract tests and the OpenAPI client this
 * module's tests reuse) are dropped by name. Never {@code DoNotIncludeJars}, which silently drops sibling modules
 * under {@code mvn verify}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("fi.palaute");

    static final ArchRule ONION = onionArchitecture()
            .domainModels("fi.palaute.domain..")
            .domainServices("fi.palaute.application.port..")
            .applicationServices("fi.palaute.application.service..")
            .adapter("http", "fi.palaute.adapters.http..")
            .adapter("persistence", "fi.palaute.adapters.persistence..")
            .adapter("messaging", "fi.palaute.adapters.messaging..")
            .withOptionalLayers(true)
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("fi.palaute.bootstrap.."), DescribedPredicate.alwaysTrue());

    static final ArchRule ADAPTERS_USE_PORTS_NOT_SERVICES = noClasses()
            .that().resideInAPackage("fi.palaute.adapters..")
            .should().dependOnClassesThat().resideInAPackage("fi.palaute.application.service..")
            .because("adapters talk to use-case interfaces in port.in; only bootstrap may touch service classes");

    static final ArchRule ONLY_BOOTSTRAP_TOUCHES_SERVICES = classes()
            .that().resideInAPackage("fi.palaute.application.service..")
            .should().onlyHaveDependentClassesThat()
            .resideInAnyPackage("fi.palaute.application.service..", "fi.palaute.bootstrap..");

    static final ArchRule ADAPTERS_INDEPENDENT = slices()
            .matching("fi.palaute.adapters.(*)..")
            .should().notDependOnEachOther();

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage("fi.palaute.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "fi.palaute.domain..");

    static final ArchRule APPLICATION_SEES_ONLY_DOMAIN = classes()
            .that().resideInAPackage("fi.palaute.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "fi.palaute.domain..", "fi.palaute.application..");

    @Test
    void onionWithBootstrapExempt() {
        ONION.check(PRODUCTION);
    }

    @Test
    void adaptersReachOnlyPortsNeverServiceClasses() {
        ADAPTERS_USE_PORTS_NOT_SERVICES.check(PRODUCTION);
        ONLY_BOOTSTRAP_TOUCHES_SERVICES.check(PRODUCTION);
    }

    @Test
    void adaptersAreIndependentOfEachOther() {
        ADAPTERS_INDEPENDENT.check(PRODUCTION);
    }

    @Test
    void domainAndApplicationAreFreeOfFrameworks() {
        DOMAIN_IS_PLAIN_JAVA.check(PRODUCTION);
        APPLICATION_SEES_ONLY_DOMAIN.check(PRODUCTION);
    }

    @Test
    void theImportSeesEveryModule() {
        for (String module : List.of("fi.palaute.domain", "fi.palaute.application.port.in",
                "fi.palaute.application.service", "fi.palaute.adapters.http", "fi.palaute.adapters.persistence",
                "fi.palaute.bootstrap")) {
            assertTrue(PRODUCTION.containPackage(module), "imported " + module);
        }
    }

    /** The rules can fail: an adapter that holds a service class is reported by three of them. */
    @Test
    void aPlantedAdapterHoldingAServiceClassIsCaught() {
        JavaClasses withPlant = new ClassFileImporter().importPackages("fi.palaute");
        for (ArchRule rule : List.of(ADAPTERS_USE_PORTS_NOT_SERVICES, ONLY_BOOTSTRAP_TOUCHES_SERVICES)) {
            EvaluationResult result = rule.evaluate(withPlant);
            assertTrue(result.hasViolation(), "rule missed the planted adapter: " + rule.getDescription());
            assertTrue(result.getFailureReport().toString().contains("PlantedAdapter"));
        }
    }
}
