package org.jiuzhu.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.jiuzhu.JiuzhuApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A version an administrator deployed from the Modeler stays the newest across a restart: the
 * process application redeploys only classpath models that changed. Starts the application twice
 * on one file database, so it runs in a JVM of its own (tag "isolated").
 */
@Tag("isolated")
class RestartKeepsModelerVersionTest {

    private static final Path DATABASE = Path.of("target", "restart-test");

    @Test
    void keepsTheModelerVersionOnTopAfterARestart() throws IOException {
        deleteDatabase();
        String url = "jdbc:h2:file:" + DATABASE.toAbsolutePath().resolve("jiuzhu");
        String newer = Files.readString(Path.of("processes", "dibao-application.bpmn"))
                .replace("最低生活保障审核确认：", "最低生活保障审核确认（管理员修改）：");

        try (ConfigurableApplicationContext first = start(url)) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            assertThat(latestVersion(repository)).isEqualTo(1);
            repository.createDeployment().name("dibao-application").source("Camunda Modeler")
                    .addString("dibao-application.bpmn", newer).deploy();
            assertThat(latestVersion(repository)).isEqualTo(2);
        }

        try (ConfigurableApplicationContext second = start(url)) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            assertThat(latestVersion(repository)).isEqualTo(2);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("dibaoApplication").count()).isEqualTo(2);
        }
    }

    private static int latestVersion(RepositoryService repository) {
        return repository.createProcessDefinitionQuery().processDefinitionKey("dibaoApplication").latestVersion()
                .singleResult().getVersion();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(JiuzhuApplication.class).run("--spring.datasource.url=" + url,
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    private static void deleteDatabase() throws IOException {
        if (Files.exists(DATABASE)) {
            try (Stream<Path> files = Files.walk(DATABASE)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
