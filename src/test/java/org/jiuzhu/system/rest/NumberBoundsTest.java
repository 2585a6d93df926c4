package org.jiuzhu.system.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Numbers larger than our amount columns hold are refused with a Chinese 400 naming the field, not a 500. */
@JiuzhuIntegrationTest
class NumberBoundsTest {

    @LocalServerPort int port;
    @Autowired DibaoProcessDriver driver;
    @Autowired TaskService taskService;

    @Test
    void refusesAHugeNumberInATaskForm() {
        ProcessInstance pi = driver.submit(Households.poorFamilyBornIn(1966, 70));
        driver.toHomeInvestigation(pi);

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic("/engine-rest/task/" + task(pi).getId()
                        + "/submit-form", """
                {"variables": {"investigators": {"value": "王芳、李强"}, "investigationDate": {"value": "2026-11-20"},
                  "findings": {"value": "住房狭小"}, "investigatorsSigned": {"value": true},
                  "verifiedMonthlyIncome": {"value": 1e13, "type": "Double"}}}""".replace("2026-11-20", CaseDates.today()),
                DemoOrganisation.DONGMEN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("核实的家庭月总收入", "数值过大").doesNotContain("SQL", "numeric");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_HomeInvestigation");
    }

    @Test
    void refusesAHugeAmountInAStartForm() {
        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/temporaryAssistance/submit-form", """
                {"variables": {"assistanceType": {"value": "SUDDEN"}, "reason": {"value": "FIRE"},
                  "applicantName": {"value": "刘建军"}, "applicantIdNumber": {"value": "341899197909082017"},
                  "applicantPhone": {"value": "13800005678"}, "householdSize": {"value": 3, "type": "Integer"},
                  "resident": {"value": true}, "unitCode": {"value": "341899001001"},
                  "hardshipDescription": {"value": "夜间住房失火"}, "urgent": {"value": false},
                  "requestedAmount": {"value": 1e13, "type": "Double"}}}""",
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("申请金额最多 10 位整数");
    }
}
