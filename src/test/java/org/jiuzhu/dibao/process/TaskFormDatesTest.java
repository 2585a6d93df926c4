package org.jiuzhu.dibao.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dates of the home investigation and the democratic evaluation, as the village officer submits
 * them through the REST API (what Tasklist does): the day something happened, neither in the future
 * nor before the township accepted the application, in yyyy-MM-dd; refused in Chinese naming the field.
 */
@JiuzhuIntegrationTest
class TaskFormDatesTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired DibaoProcessDriver driver;
    @Autowired CaseRecords records;
    @LocalServerPort int port;

    ProcessInstance pi;

    @BeforeEach
    void caseAppliedThreeDaysAgoAndAcceptedTwoDaysAgo() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3))));
        try {
            pi = driver.submit(Households.poorFamily(970));
            ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(2))));
            driver.toHomeInvestigation(pi);
        } finally {
            ClockUtil.reset();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void refusesAnInvestigationDatedInTheFuture() {
        HttpResponse<String> response = submitInvestigation(CaseDates.daysFromToday(1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("调查日期", "不能晚于今天");
        assertThat(DibaoProcessDriver.task(pi).getTaskDefinitionKey()).isEqualTo("Task_HomeInvestigation");
    }

    @Test
    void refusesAnInvestigationBeforeTheAcceptance() {
        HttpResponse<String> response = submitInvestigation(CaseDates.daysFromToday(-3));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("调查日期", "不能早于受理日期", CaseDates.daysFromToday(-2));
        assertThat(DibaoProcessDriver.task(pi).getTaskDefinitionKey()).isEqualTo("Task_HomeInvestigation");
    }

    @Test
    void refusesADateInAnotherFormat() {
        HttpResponse<String> response = submitInvestigation("12/06/2026");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("调查日期", "年-月-日");
    }

    @Test
    void keepsAGoodDateAsTypedAndRecordsItOnTheCase() {
        String visit = CaseDates.daysFromToday(-1);

        HttpResponse<String> response = submitInvestigation(visit);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(pi.getId(), "investigationDate")).isEqualTo(visit);
        long applicationId = driver.applicationOf(pi).id();
        assertThat(records.decisions(applicationId)).last()
                .satisfies(d -> assertThat(d.reason()).startsWith("调查日期：" + visit));
    }

    @Test
    void refusesAnEvaluationDatedInTheFutureAndAcceptsToday() {
        driver.investigate(pi, 900);
        String taskId = DibaoProcessDriver.task(pi).getId();
        String evaluation = """
                {"variables": {"evaluationDate": {"value": "%s"}, "participantCount": {"value": 9},
                  "agreeCount": {"value": 8}, "disagreeCount": {"value": 1}, "evaluationResult": {"value": "agree"}}}""";

        HttpResponse<String> future = submit(taskId, evaluation.formatted(CaseDates.daysFromToday(1)));
        HttpResponse<String> today = submit(taskId, evaluation.formatted(CaseDates.today()));

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("评议日期", "不能晚于今天");
        assertThat(today.statusCode()).as(today.body()).isEqualTo(204);
        assertThat(records.decisions(driver.applicationOf(pi).id())).last()
                .satisfies(d -> assertThat(d.reason()).startsWith("评议日期：" + CaseDates.today()));
    }

    private HttpResponse<String> submitInvestigation(String date) {
        return submit(DibaoProcessDriver.task(pi).getId(), """
                {"variables": {"investigators": {"value": "王芳、李强"}, "investigationDate": {"value": "%s"},
                  "findings": {"value": "住房狭小"}, "investigatorsSigned": {"value": true},
                  "verifiedMonthlyIncome": {"value": 900}}}""".formatted(date));
    }

    private HttpResponse<String> submit(String taskId, String json) {
        return new WebSession(port).postJsonWithBasic("/engine-rest/task/" + taskId + "/submit-form", json,
                DemoOrganisation.DONGMEN_OFFICER, DemoOrganisation.PASSWORD);
    }
}
