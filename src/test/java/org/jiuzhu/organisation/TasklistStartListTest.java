package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 发起流程 in Tasklist lists what the user may start: the case processes, never 月报生成, 逾期巡查 or 逾期督办,
 * also after an administrator deploys a new version of one of them from the Modeler (where
 * "startable in Tasklist" is ticked by default).
 */
@JiuzhuIntegrationTest
class TasklistStartListTest {

    private static final List<String> SYSTEM_PROCESSES = List.of("monthlyReport", "overdueScan", "supervisionEscalation");
    private static final List<String> CASE_PROCESSES = List.of("dibaoApplication", "emergencySameDay", "temporaryAssistance");
    /** Tasklist's own request when the dialog opens (camunda-tasklist-bootstrap.js, camProcessStartModalCtrl's caller). */
    private static final String TASKLIST_QUERY = "/camunda/api/engine/engine/default/process-definition"
            + "?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15";

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired ObjectMapper json;

    @Test
    void offersAnOfficialInTasklistOnlyTheCaseProcesses() throws Exception {
        for (String official : List.of(DONGMEN_OFFICER, CHENGGUAN_OFFICER, COUNTY_OFFICER)) {
            assertThat(tasklistStartList(official)).as(official).containsExactlyInAnyOrderElementsOf(CASE_PROCESSES);
        }
        assertThat(tasklistStartList(SUPERVISOR)).isEmpty();
    }

    @Test
    void marksNoSystemProcessStartableInTasklistSoAdministratorsAreNotOfferedThemEither() throws Exception {
        assertThat(tasklistStartList(ADMINISTRATOR)).doesNotContainAnyElementsOf(SYSTEM_PROCESSES)
                .containsAll(CASE_PROCESSES);
        for (String process : SYSTEM_PROCESSES) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
                    .singleResult().isStartableInTasklist()).as(process).isFalse();
        }
    }

    @Test
    void keepsAVersionDeployedFromTheModelerOutOfTheList() throws Exception {
        // The Modeler's XML without the attribute (its checkbox ticked), changed so that it is a new version.
        String model = Files.readString(Path.of("processes", "monthly-report.bpmn"), StandardCharsets.UTF_8)
                .replace(" camunda:isStartableInTasklist=\"false\"", "")
                .replace("</bpmn:definitions>", "<!-- " + System.nanoTime() + " --></bpmn:definitions>");
        int before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("monthlyReport")
                .latestVersion().singleResult().getVersion();

        HttpResponse<String> deployed = new WebSession(port).postMultipartWithBasic("/engine-rest/deployment/create",
                Map.of("deployment-name", "monthly-report", "deployment-source", "Camunda Modeler",
                        "enable-duplicate-filtering", "true"),
                Map.of("monthly-report.bpmn", model.getBytes(StandardCharsets.UTF_8)), ADMINISTRATOR, PASSWORD);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("monthlyReport")
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isGreaterThan(before);
        assertThat(latest.isStartableInTasklist()).isFalse();
        assertThat(tasklistStartList(ADMINISTRATOR)).doesNotContain("monthlyReport");
        assertThat(tasklistStartList(CHENGGUAN_OFFICER)).containsExactlyInAnyOrderElementsOf(CASE_PROCESSES);
    }

    /** The keys Tasklist's 发起流程 dialog lists for the user, asked as Tasklist asks in its session. */
    private List<String> tasklistStartList(String user) throws Exception {
        WebSession tasklist = new WebSession(port);
        tasklist.login(user, PASSWORD);
        HttpResponse<String> response = tasklist.get(TASKLIST_QUERY, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).findValuesAsText("key").stream()
                .filter(key -> !key.startsWith("Test_"))
                .toList();
    }
}
