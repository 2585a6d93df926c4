package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.dibao.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.RecipientRegistry;
import org.jiuzhu.notice.NoticeBoard;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.SwitchableVerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@JiuzhuIntegrationTest
class DibaoApplicationProcessTest {

    private static int nextSequence = 100;

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ApplicationService applicationService;
    @Autowired ApplicationRepository applications;
    @Autowired RecipientRegistry registry;
    @Autowired CaseRecords records;
    @Autowired NoticeBoard board;
    @Autowired SwitchableVerificationService verification;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @AfterEach
    void resetClockAndVerification() {
        ClockUtil.reset();
        verification.reset();
    }

    @Test
    void enrolsAnEligibleHouseholdAfterEveryStage() {
        ProcessInstance pi = submit();
        DibaoApplication application = applicationOf(pi);
        assertThat(pi).isStarted().hasBusinessKey(application.applicationNo());

        execute(job());
        assertThat(pi).isWaitingAt("Task_Acceptance");
        assertThat(task()).hasCandidateGroup("township-341899001000").hasDueDate(task().getDueDate());
        complete(task(), withVariables("acceptanceDecision", "accept"));

        execute(job());
        assertThat(pi).isWaitingAt("Task_HomeInvestigation");
        assertThat(task()).hasCandidateGroup("village-341899001001");
        complete(task(), homeInvestigation(900));

        assertThat(pi).isWaitingAt("Task_DemocraticEvaluation");
        complete(task(), withVariables("evaluationDate", "2026-11-23", "participantCount", 9, "agreeCount", 8,
                "disagreeCount", 1, "evaluationResult", "agree", "dissent", "一人认为应再核实子女就学补助"));

        execute(job());
        assertThat(pi).variables().containsEntry("eligible", true);
        execute(job());
        assertThat(pi).isWaitingAt("Event_NoticePeriodEnded");
        Assertions.assertThat(board.activeForApplication(application.id())).isPresent();

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
        execute(job());
        execute(job());
        Assertions.assertThat(board.activeForApplication(application.id())).isEmpty();
        assertThat(pi).isWaitingAt("Task_TownshipApproval");
        complete(task(), withVariables("approvalDecision", "approve"));

        assertThat(pi).isWaitingAt("Task_CountyFiling");
        assertThat(task()).hasCandidateGroup("county-341899000000");
        complete(task(), withVariables("countyDecision", "file"));

        execute(job());
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_Enrolled");
        Assertions.assertThat(registry.findByApplication(application.id())).isPresent();
        Assertions.assertThat(applications.get(application.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
        Assertions.assertThat(records.writtenNotice(application.id())).hasValueSatisfying(n ->
                Assertions.assertThat(n.content()).contains("已批准"));
    }

    private ProcessInstance submit() {
        String applicationNo = applicationService.submitPublic(Households.poorFamily(nextSequence += 10));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult();
    }

    private DibaoApplication applicationOf(ProcessInstance pi) {
        return applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
    }

    private static Map<String, Object> homeInvestigation(int verifiedIncome) {
        return withVariables("investigators", "王芳、李强", "investigationDate", "2026-11-20",
                "findings", "住房狭小，家中一人在读，妻子打零工", "verifiedMonthlyIncome", verifiedIncome,
                "investigatorsSigned", true);
    }
}
