package org.jiuzhu.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.IsolatedApplication;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
        String url = IsolatedApplication.freshDatabase(DATABASE);
        String original = Files.readString(Path.of("processes", "dibao-application.bpmn"));
        String newer = original.replace("name=\"最低生活保障申请审核\"", "name=\"最低生活保障申请审核（管理员修改）\"");
        assertThat(newer).isNotEqualTo(original);

        try (ConfigurableApplicationContext first = IsolatedApplication.start(url)) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            assertThat(latestVersion(repository)).isEqualTo(1);
            // As Camunda Modeler deploys: the BPMN alone, over REST.
            var modeler = new WebSession(IsolatedApplication.port(first));
            var response = modeler.postMultipartWithBasic("/engine-rest/deployment/create",
                    Map.of("deployment-name", "dibao-application", "deployment-source", "Camunda Modeler"),
                    Map.of("dibao-application.bpmn", newer.getBytes(StandardCharsets.UTF_8)),
                    DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(latestVersion(repository)).isEqualTo(2);
        }

        try (ConfigurableApplicationContext second = IsolatedApplication.start(url)) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            assertThat(latestVersion(repository)).isEqualTo(2);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("dibaoApplication").count()).isEqualTo(2);
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey("dibaoApplication")
                    .latestVersion().singleResult();
            assertThat(latest.getName()).isEqualTo("最低生活保障申请审核（管理员修改）");
            // Deployed without its forms, the new version still finds them.
            try (var startForm = second.getBean(FormService.class).getDeployedStartForm(latest.getId())) {
                assertThat(new String(startForm.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"dibao-start\"");
            }
        }
    }

    private static int latestVersion(RepositoryService repository) {
        return repository.createProcessDefinitionQuery().processDefinitionKey("dibaoApplication").latestVersion()
                .singleResult().getVersion();
    }
}
