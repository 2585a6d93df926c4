package org.jiuzhu.system.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official who loses the race for a task is told so in Chinese (409), on the REST API and on the webapps'
 * API that Tasklist calls; a task that is not theirs gets a Chinese 403. Never a 500 with the engine's words.
 */
@JiuzhuIntegrationTest
class ClaimConflictTest {

    @LocalServerPort int port;
    @Autowired DibaoProcessDriver driver;
    @Autowired TaskService taskService;

    @Test
    void tellsTheLoserOverRestThatTheTaskIsTaken() {
        String taskId = acceptanceClaimedByTheLeader(30);

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic("/engine-rest/task/" + taskId + "/claim",
                claimBy(DemoOrganisation.CHENGGUAN_OFFICER), DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"type\":\"TaskAlreadyClaimedException\"", "该任务已被他人认领")
                .doesNotContain("is already claimed");
    }

    @Test
    void tellsTheLoserInTasklistThatTheTaskIsTaken() {
        String taskId = acceptanceClaimedByTheLeader(40);
        WebSession tasklist = tasklistOf(DemoOrganisation.CHENGGUAN_OFFICER);

        HttpResponse<String> response = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/claim",
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", csrfToken(tasklist)),
                claimBy(DemoOrganisation.CHENGGUAN_OFFICER));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("该任务已被他人认领").doesNotContain("is already claimed");
    }

    @Test
    void refusesATaskOfAnotherUnitInChinese() {
        String taskId = acceptanceClaimedByTheLeader(50);
        WebSession tasklist = tasklistOf(DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER);

        HttpResponse<String> overRest = new WebSession(port).postJsonWithBasic("/engine-rest/task/" + taskId + "/claim",
                claimBy(DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER), DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER,
                DemoOrganisation.PASSWORD);
        HttpResponse<String> inTasklist = tasklist.send("POST",
                "/camunda/api/engine/engine/default/task/" + taskId + "/claim",
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", csrfToken(tasklist)),
                claimBy(DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER));

        for (HttpResponse<String> response : List.of(overRest, inTasklist)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"type\":\"AuthorizationException\"", "当前账号（liuhaiyan）没有", "权限，请联系系统管理员")
                    .doesNotContain("does not have");
        }
    }

    /** A case at 乡镇受理, claimed by the street's leader, who is in the street's group as well. */
    private String acceptanceClaimedByTheLeader(int sequence) {
        ProcessInstance pi = driver.submit(Households.poorFamilyBornIn(1966, sequence));
        driver.checkMaterials(pi);
        String taskId = task(pi).getId();
        taskService.claim(taskId, DemoOrganisation.CHENGGUAN_LEADER);
        return taskId;
    }

    private WebSession tasklistOf(String official) {
        WebSession session = new WebSession(port);
        session.login(official, DemoOrganisation.PASSWORD);
        return session;
    }

    /** The webapps' CSRF token, as Tasklist fetches it. */
    private static String csrfToken(WebSession session) {
        return session.send("GET", "/camunda/api/engine/engine/default/task/count", Map.of("X-XSRF-TOKEN", "Fetch"), null)
                .headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }

    private static String claimBy(String official) {
        return "{\"userId\": \"" + official + "\"}";
    }
}
