package org.jiuzhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules (each top-level package under {@code org.jiuzhu}) have no cycles and use one
 * another only through their APIs and named interfaces; docs/modules holds the diagrams of the modules as
 * they are. After a change of the modules' dependencies, write the diagrams again with
 * {@code mvn test -Dtest=ModuleStructureTest -Djiuzhu.modules.write=true} and commit them.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(JiuzhuApplication.class);
    private static final Path COMMITTED = Path.of("docs/modules");

    @Test
    void modulesHaveNoCyclesAndReachOnlyOtherModulesInterfaces() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDiagramsAreCurrent() throws IOException {
        boolean write = Boolean.getBoolean("jiuzhu.modules.write");
        Path folder = write ? COMMITTED : Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        if (write) {
            return;
        }
        for (Path generated : diagrams(folder)) {
            Path committed = COMMITTED.resolve(generated.getFileName());
            assertThat(committed).as("docs/modules 中的模块图已过期：用 -Djiuzhu.modules.write=true 重新生成并提交")
                    .exists();
            // The Documenter lists the relations in no fixed order from one run to the next.
            assertThat(Files.readAllLines(committed)).as(committed.toString())
                    .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
        }
        assertThat(diagrams(COMMITTED)).hasSameSizeAs(diagrams(folder));
    }

    private static List<Path> diagrams(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".puml")).sorted().toList();
        }
    }
}
