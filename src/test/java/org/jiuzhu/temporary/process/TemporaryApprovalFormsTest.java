package org.jiuzhu.temporary.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.newHousehold;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.startForm;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the 临时救助 approval forms show of the case, and the date of a case-by-case deliberation. */
@JiuzhuIntegrationTest
class TemporaryApprovalFormsTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired TemporaryAssistanceCases cases;

    TemporaryAssistanceDriver driver;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
        driver = new TemporaryAssistanceDriver(runtimeService, identityService, cases);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void theApprovalShowsTheTownshipsReview() {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
        driver.reviewAndRoute(pi, 3000);
        assertThat(pi).isWaitingAt("Task_TownshipApproval");

        String basis = (String) taskService.getVariableLocal(TemporaryAssistanceDriver.task(pi).getId(),
                TemporaryAssistanceVariables.DECISION_BASIS);

        Assertions.assertThat(basis).contains("【乡镇审核】", CaseDates.today(), "金额 3000", "住房及生活用品损毁严重");
    }

    @Test
    void refusesADeliberationDatedInTheFuture() {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
        driver.reviewAndRoute(pi, 20001);
        assertThat(pi).isWaitingAt("Task_CaseByCaseDeliberation");

        Assertions.assertThatThrownBy(() -> complete(TemporaryAssistanceDriver.task(pi), withVariables(
                        "meetingDate", CaseDates.daysFromToday(1), "participants", "吴强、马静",
                        "meetingDecision", "同意", "approvalDecision", "approve", "approvedAmount", 20001)))
                .hasMessageContaining("会议日期").hasMessageContaining("不能晚于今天");
        Assertions.assertThat((String) taskService.getVariableLocal(TemporaryAssistanceDriver.task(pi).getId(),
                TemporaryAssistanceVariables.DECISION_BASIS)).contains("【乡镇审核】", "金额 20001");
    }
}
