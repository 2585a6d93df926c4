package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The drill's authorization matrix, kept: every REST resource that shows a case (and the pages that do)
 * asked by the case's village, a village of the same township, a village of another township, the
 * township, another township, the county, a supervisor and anonymous. Each row names who sees the case;
 * everybody else must not — neither in a list nor by id — and nobody gets a 500. The writes an official
 * could try on a case that is not theirs, or that only the engine may make, are refused to all.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Who asks, with the login they ask with (null: anonymous). */
    enum Asker {
        VILLAGE_A(DONGMEN_OFFICER), VILLAGE_B(XIMEN_OFFICER), OTHER_VILLAGE(QINGSHAN_VILLAGE_OFFICER),
        TOWNSHIP(CHENGGUAN_OFFICER), OTHER_TOWNSHIP(QINGSHAN_TOWNSHIP_OFFICER), COUNTY(COUNTY_OFFICER),
        SUPERVISOR(org.jiuzhu.support.DemoOrganisation.SUPERVISOR), ANONYMOUS(null);

        final String userId;

        Asker(String userId) {
            this.userId = userId;
        }
    }

    private static final Set<Asker> CASE_READERS = Set.of(Asker.VILLAGE_A, Asker.TOWNSHIP, Asker.COUNTY, Asker.SUPERVISOR);
    private static final Set<Asker> TASK_WORKERS = Set.of(Asker.VILLAGE_A);

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    ProcessInstance pi;
    String taskId;
    String acceptanceTaskId;

    /** A case of 东门社区 waiting at the village's 入户调查, its 乡镇受理 done (so it has history). */
    @BeforeAll
    void aCaseAtTheVillage() {
        init(processEngine);
        pi = driver.submit(Households.poorFamily(610));
        driver.checkMaterials(pi);
        acceptanceTaskId = task(pi).getId();
        complete(task(pi), withVariables("acceptanceDecision", "accept"));
        execute(job(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_HomeInvestigation");
        taskId = task(pi).getId();
    }

    /** A GET, who may read what it answers, and something only a reader's answer contains. */
    record Read(String path, Set<Asker> readers, String marker) {
    }

    @TestFactory
    Stream<DynamicTest> readsOverRest() {
        String task = "/engine-rest/task/" + taskId;
        String instance = pi.getId();
        List<Read> rows = List.of(
                new Read("/engine-rest/task?processInstanceId=" + instance, TASK_WORKERS, taskId),
                new Read(task, TASK_WORKERS, "入户调查"),
                new Read(task + "/variables", TASK_WORKERS, "applicationId"),
                new Read(task + "/form-variables", TASK_WORKERS, "caseSummary"),
                new Read(task + "/identity-links", TASK_WORKERS, "village-" + VILLAGE_DONGMEN),
                new Read(task + "/deployed-form", TASK_WORKERS, "dibao-home-investigation"),
                new Read("/engine-rest/process-instance/" + instance, CASE_READERS, pi.getBusinessKey()),
                new Read("/engine-rest/process-instance?businessKey=" + pi.getBusinessKey(), CASE_READERS, instance),
                new Read("/engine-rest/process-instance/" + instance + "/variables", CASE_READERS, "applicationId"),
                new Read("/engine-rest/process-instance/" + instance + "/activity-instances", CASE_READERS,
                        "Task_HomeInvestigation"),
                new Read("/engine-rest/execution?processInstanceId=" + instance, CASE_READERS, instance),
                new Read("/engine-rest/variable-instance?processInstanceIdIn=" + instance, CASE_READERS, "applicationId"),
                new Read("/engine-rest/history/process-instance/" + instance, CASE_READERS, pi.getBusinessKey()),
                new Read("/engine-rest/history/process-instance?processInstanceBusinessKey=" + pi.getBusinessKey(),
                        CASE_READERS, instance),
                new Read("/engine-rest/history/task?processInstanceId=" + instance, CASE_READERS, "乡镇受理"),
                new Read("/engine-rest/history/activity-instance?processInstanceId=" + instance, CASE_READERS,
                        "Task_Acceptance"),
                new Read("/engine-rest/history/variable-instance?processInstanceId=" + instance, CASE_READERS,
                        "applicationId"),
                new Read("/engine-rest/history/detail?processInstanceId=" + instance, CASE_READERS, "applicationId"),
                new Read("/engine-rest/history/identity-link-log?taskId=" + acceptanceTaskId, CASE_READERS,
                        "township-" + TOWNSHIP_CHENGGUAN));
        return rows.stream().flatMap(row -> Stream.of(Asker.values()).map(asker ->
                DynamicTest.dynamicTest(asker + " GET " + row.path(),
                        () -> checkRead(asker, row.path(), row.marker(), row.readers().contains(asker)))));
    }

    @TestFactory
    Stream<DynamicTest> readsTheCaseFilePage() {
        String path = "/cases/" + pi.getBusinessKey();
        return Stream.of(Asker.values()).map(asker -> DynamicTest.dynamicTest(asker + " " + path, () -> {
            if (asker == Asker.ANONYMOUS) {
                HttpResponse<String> page = new WebSession(port).get(path);
                assertThat(page.statusCode()).isEqualTo(302);
                assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
                return;
            }
            WebSession session = new WebSession(port);
            session.login(asker.userId, PASSWORD);
            HttpResponse<String> page = session.get(path);
            if (CASE_READERS.contains(asker)) {
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains(pi.getBusinessKey());
            } else {
                assertThat(page.statusCode()).isEqualTo(404);
                assertThat(page.body()).doesNotContain("周建华");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> writesNoOfficialMayMake() {
        Map<String, String[]> writes = new LinkedHashMap<>();
        writes.put("claim another unit's task", new String[] {"POST", "/engine-rest/task/" + taskId + "/claim",
            "{\"userId\": \"%s\"}"});
        writes.put("set a task's due date", new String[] {"PUT", "/engine-rest/task/" + taskId,
            "{\"name\": \"入户调查\", \"due\": \"2030-01-01T00:00:00.000+0800\"}"});
        writes.put("add a candidate group", new String[] {"POST", "/engine-rest/task/" + taskId + "/identity-links",
            "{\"groupId\": \"village-" + VILLAGE_XIMEN + "\", \"type\": \"candidate\"}"});
        writes.put("set a case variable", new String[] {"POST", "/engine-rest/process-instance/" + pi.getId() + "/variables",
            "{\"modifications\": {\"unitCode\": {\"value\": \"" + VILLAGE_XIMEN + "\"}}}"});
        writes.put("delete the case", new String[] {"DELETE", "/engine-rest/process-instance/" + pi.getId(), ""});
        writes.put("suspend the case", new String[] {"PUT", "/engine-rest/process-instance/" + pi.getId() + "/suspended",
            "{\"suspended\": true}"});
        writes.put("move the case", new String[] {"POST", "/engine-rest/process-instance/" + pi.getId() + "/modification",
            "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_TownshipApproval\"}]}"});
        writes.put("send a message", new String[] {"POST", "/engine-rest/message",
            "{\"messageName\": \"Message_ObjectionLodged\", \"businessKey\": \"" + pi.getBusinessKey() + "\"}"});
        writes.put("send a signal", new String[] {"POST", "/engine-rest/signal", "{\"name\": \"Signal_Any\"}"});
        writes.put("start the monthly reports", new String[] {"POST",
            "/engine-rest/process-definition/key/monthlyReport/start", "{}"});
        writes.put("start the overdue scan", new String[] {"POST",
            "/engine-rest/process-definition/key/overdueScan/start", "{}"});
        writes.put("start a 督办", new String[] {"POST", "/engine-rest/process-definition/key/supervisionEscalation/start",
            "{\"variables\": {\"escalatedTo\": {\"value\": \"supervisors\"}}}"});
        List<DynamicTest> tests = new ArrayList<>();
        writes.forEach((what, request) -> {
            for (Asker asker : Asker.values()) {
                if (what.startsWith("claim") && asker == Asker.VILLAGE_A) {
                    continue; // the task is theirs to claim
                }
                tests.add(DynamicTest.dynamicTest(asker + " may not " + what, () -> {
                    String body = request[2].formatted(asker.userId);
                    HttpResponse<String> response = asker.userId == null
                            ? new WebSession(port).sendJson(request[0], request[1], body)
                            : new WebSession(port).sendWithBasic(request[0], request[1], body, asker.userId, PASSWORD);
                    assertThat(response.statusCode()).as(response.body()).isIn(401, 403, 404);
                }));
            }
        });
        tests.add(DynamicTest.dynamicTest("the case is untouched", () -> {
            BpmnAwareTests.assertThat(pi).isWaitingAt("Task_HomeInvestigation").isNotEnded();
            assertThat(task(pi).getId()).isEqualTo(taskId);
            assertThat(task(pi).getAssignee()).isNull();
            assertThat(task(pi).getDueDate()).isBefore("2030-01-01");
            assertThat(runtimeService().getVariable(pi.getId(), "unitCode")).isEqualTo(VILLAGE_DONGMEN);
        }));
        return tests.stream();
    }

    private void checkRead(Asker asker, String path, String marker, boolean reads) {
        HttpResponse<String> response = asker.userId == null
                ? new WebSession(port).get(path)
                : new WebSession(port).getWithBasic(path, asker.userId, PASSWORD);
        String answer = response.statusCode() + " " + response.body();
        if (asker == Asker.ANONYMOUS) {
            assertThat(response.statusCode()).as(answer).isEqualTo(401);
        } else if (reads) {
            assertThat(response.statusCode()).as(answer).isEqualTo(200);
            assertThat(response.body()).contains(marker);
        } else {
            // Refused, or a list without the case: never the case, never a server error.
            assertThat(response.statusCode()).as(answer).isIn(200, 400, 403, 404);
            assertThat(response.body()).as(answer).doesNotContain(marker);
        }
    }
}
