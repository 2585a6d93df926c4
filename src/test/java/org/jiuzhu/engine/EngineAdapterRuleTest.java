package org.jiuzhu.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The engine module is our only code on the engine's internals ({@code org.camunda.bpm.engine.impl}), so
 * an engine upgrade (or a switch to Operaton) touches one module; and its package comment names every
 * listener it adds beside the processes, so a reader of a model learns there what runs beside it.
 */
class EngineAdapterRuleTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jiuzhu");

    @Test
    void onlyTheEngineModuleUsesTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage("org.jiuzhu.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("the engine's internals are the engine module's alone (docs/architecture.md)")
                .check(MAIN);
    }

    @Test
    void thePackageCommentNamesEveryListenerBesideTheProcesses() throws IOException {
        String packageComment = Files.readString(Path.of("src/main/java/org/jiuzhu/engine/package-info.java"));
        List<String> listeners = MAIN.stream()
                .filter(type -> !type.isInterface() && (type.isAssignableTo(CaseProcessListener.class)
                        || type.isAssignableTo(UserTaskListener.class) || type.isAssignableTo(StartDeclarations.class)
                        || type.isAssignableTo(DeploymentCheck.class) || type.isAssignableTo(SupervisorGroups.class)
                        || type.isAssignableTo(IdentityRules.class)))
                .map(JavaClass::getName)
                .toList();

        assertThat(listeners).isNotEmpty();
        assertThat(listeners).allSatisfy(name -> assertThat(packageComment)
                .as("org/jiuzhu/engine/package-info.java 应列出 " + name).contains("{@link " + name + "}"));
    }
}
