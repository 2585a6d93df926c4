package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Task forms submitted over REST (as Tasklist does) are checked by the engine on completion: 400 in Chinese. */
@JiuzhuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TaskFormRestTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @Test
    void refusesARefusalWithoutReasonWithA400InChinese() {
        ProcessInstance pi = caseAtAcceptance(700);

        HttpResponse<String> response = submitAcceptance(pi, "reject", DemoOrganisation.CHENGGUAN_OFFICER);

        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.body()).contains("请填写“理由”").doesNotContain("Exception:", "ENGINE-");
        assertThat(pi).isWaitingAt("Task_Acceptance");
    }

    @Test
    void logsARefusedFormAsNoServerError(CapturedOutput output) {
        ProcessInstance pi = caseAtAcceptance(730);

        HttpResponse<String> response = submitAcceptance(pi, "reject", DemoOrganisation.CHENGGUAN_OFFICER);

        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(output.getAll().lines().filter(line -> line.contains("请填写“理由”")))
                .noneMatch(line -> line.contains(" ERROR "));
    }

    @Test
    void answersTheSameFormSubmittedTwiceAtOnceWithoutAServerError() throws Exception {
        for (int round = 0; round < 3; round++) {
            ProcessInstance pi = caseAtAcceptance(740 + round);
            CountDownLatch ready = new CountDownLatch(2);
            ExecutorService officials = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpResponse<String>>> submissions = new ArrayList<>();
                for (int official = 0; official < 2; official++) {
                    submissions.add(officials.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return submitAcceptance(pi, "accept", DemoOrganisation.CHENGGUAN_OFFICER);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> submission : submissions) {
                    HttpResponse<String> response = submission.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() != 204) {
                        Assertions.assertThat(response.body()).doesNotContain("ServerError", "ENGINE-", "\tat ");
                    }
                }
                // The other is told the task is done (404, 409), or, when it is checked the moment the task's
                // grants go with it, that it may not work on it (403): never a server error.
                Assertions.assertThat(statuses).containsOnlyOnce(204)
                        .allMatch(status -> status == 204 || status == 403 || status == 404 || status == 409);
            } finally {
                officials.shutdownNow();
            }
            assertThat(pi).isWaitingAt("Task_EconomicVerification");
        }
    }

    @Test
    void refusesItThroughTasklistsOwnApiWithTheSameMessage() {
        ProcessInstance pi = caseAtAcceptance(705);
        WebSession tasklist = new WebSession(port);
        tasklist.login(DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        HttpResponse<String> response = tasklist.postJsonToWebapp("/camunda/api/engine/engine/default/task/"
                + task(pi).getId() + "/submit-form", "{\"variables\": {\"acceptanceDecision\": {\"value\": \"reject\"}}}");

        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.body()).contains("请填写“理由”").doesNotContain("Exception:", "ENGINE-");
        assertThat(pi).isWaitingAt("Task_Acceptance");
    }

    @Test
    void passesAValidSubmissionToTheEngine() {
        ProcessInstance pi = caseAtAcceptance(710);

        HttpResponse<String> response = submitAcceptance(pi, "accept", DemoOrganisation.CHENGGUAN_OFFICER);

        Assertions.assertThat(response.statusCode()).isEqualTo(204);
        assertThat(pi).isWaitingAt("Task_EconomicVerification");
    }

    @Test
    void givesNoVerdictOnATaskTheUserMayNotSee() {
        ProcessInstance pi = caseAtAcceptance(720);

        HttpResponse<String> response = submitAcceptance(pi, "reject", DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER);

        Assertions.assertThat(response.statusCode()).isNotEqualTo(400).isNotEqualTo(204);
        Assertions.assertThat(response.body()).doesNotContain("理由");
        assertThat(pi).isWaitingAt("Task_Acceptance");
    }

    private ProcessInstance caseAtAcceptance(int sequence) {
        ProcessInstance pi = driver.submit(Households.poorFamily(sequence));
        driver.checkMaterials(pi);
        return pi;
    }

    private HttpResponse<String> submitAcceptance(ProcessInstance pi, String decision, String official) {
        return new WebSession(port).postJsonWithBasic("/engine-rest/task/" + task(pi).getId() + "/submit-form",
                "{\"variables\": {\"acceptanceDecision\": {\"value\": \"" + decision + "\", \"type\": \"String\"}}}",
                official, DemoOrganisation.PASSWORD);
    }
}
