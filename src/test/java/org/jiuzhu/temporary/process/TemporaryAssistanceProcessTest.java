package org.jiuzhu.temporary.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.newHousehold;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.startForm;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.ledger.PaymentLedger;
import org.jiuzhu.ledger.PaymentLedger.Kind;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through 临时救助审批 (temporaryAssistance). */
@JiuzhuIntegrationTest
class TemporaryAssistanceProcessTest {

    private static final String TOWNSHIP_GROUP = "township-" + DemoOrganisation.TOWNSHIP_CHENGGUAN;
    private static final String COUNTY_GROUP = "county-" + DemoOrganisation.COUNTY;

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TemporaryAssistanceCases cases;
    @Autowired PaymentLedger ledger;
    @Autowired CaseRecords records;

    TemporaryAssistanceDriver driver;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
        driver = new TemporaryAssistanceDriver(runtimeService, identityService, cases);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void grantsWithinTheTownshipLimitAfterEveryStage() {
        ProcessInstance pi = driver.start(startForm(newHousehold()));
        assertThat(pi).isWaitingAt("Task_SuggestAmount");
        Assertions.assertThat(pi.getBusinessKey()).matches("LS-341899-\\d{8}-\\d{4}");

        TemporaryAssistanceDriver.runJob(pi, "Task_SuggestAmount");
        // 火灾: 2 months of the urban standard 780 = 1560, capped at 1000 per person, × 3.
        assertThat(pi).variables().containsEntry("suggestedAmount", 3000.0);
        assertThat(pi).isWaitingAt("Task_TownshipReview");
        assertThat(task(pi)).hasCandidateGroup(TOWNSHIP_GROUP).hasName("乡镇审核");
        Assertions.assertThat(task(pi).getDueDate()).isAfter(ClockUtil.getCurrentTime());

        driver.reviewAndRoute(pi, 4999);
        assertThat(pi).isWaitingAt("Task_TownshipApproval");
        assertThat(task(pi)).hasCandidateGroup(TOWNSHIP_GROUP);
        Assertions.assertThat(task(pi).getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(pi).variables().containsEntry("approvalRoute", "TOWNSHIP").containsEntry("yearlyTotalBefore", 0.0);

        driver.loginAs(DemoOrganisation.CHENGGUAN_OFFICER);
        driver.approve(pi);
        identityService.clearAuthentication();
        driver.pay(pi);

        assertThat(pi).isEnded().hasPassedInOrder("Task_RegisterTemporaryAssistance", "Task_SuggestAmount",
                "Task_TownshipReview", "Task_DetermineRoute", "Task_TownshipApproval", "Task_RecordPayment",
                "Task_NotifyDecision", "EndEvent_Assisted");
        TemporaryAssistanceCase c = driver.caseOf(pi);
        Assertions.assertThat(ledger.ofCase(c.caseNo())).singleElement().satisfies(e -> {
            Assertions.assertThat(e.kind()).isEqualTo(Kind.TEMPORARY_ASSISTANCE);
            Assertions.assertThat(e.amount()).isEqualByComparingTo("4999");
            Assertions.assertThat(e.paymentKey()).isEqualTo(c.caseNo() + "-TEMPORARY_ASSISTANCE");
            Assertions.assertThat(e.recordedBy()).isEqualTo(DemoOrganisation.CHENGGUAN_OFFICER);
        });
        Assertions.assertThat(c.status()).isEqualTo(TemporaryAssistanceCase.Status.APPROVED);
        Assertions.assertThat(c.decidedAmount()).isEqualByComparingTo("4999");
        Assertions.assertThat(c.suggestedAmount()).isEqualByComparingTo("3000");
        Assertions.assertThat(c.approvalRoute()).isEqualTo("TOWNSHIP");
        Assertions.assertThat(c.decisionNotice()).contains("已批准", "4999");
        Assertions.assertThat(records.queuedCaseMessages(c.caseNo())).containsExactly(c.decisionNotice());
        Assertions.assertThat(cases.decisions(c.id())).extracting(TemporaryAssistanceCases.Decision::stage,
                TemporaryAssistanceCases.Decision::decision).containsExactly(
                Assertions.tuple("乡镇审核", "propose"), Assertions.tuple("乡镇审批", "approve"));
    }

    @ParameterizedTest(name = "{0} 元 → {1}")
    @CsvSource({
        "4999, Task_TownshipApproval, township-341899001000",
        "5000, Task_TownshipApproval, township-341899001000",
        "5001, Task_CountyApproval, county-341899000000"
    })
    void routesByTheTownshipLimit(double amount, String approvalTask, String group) {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));

        driver.reviewAndRoute(pi, amount);

        assertThat(pi).isWaitingAt(approvalTask);
        assertThat(task(pi)).hasCandidateGroup(group);
    }

    @Test
    void grantsAboveTheTownshipLimitAtTheCounty() {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
        driver.reviewAndRoute(pi, 8000);
        assertThat(task(pi)).hasName("县级审批");

        complete(task(pi), withVariables("approvalDecision", "changeAmount", "approvedAmount", 7000,
                "amountChangeReason", "已获保险理赔 1000 元，相应核减"));
        driver.pay(pi);

        assertThat(pi).isEnded().hasPassed("Task_CountyApproval", "EndEvent_Assisted");
        Assertions.assertThat(ledger.ofCase(driver.caseOf(pi).caseNo())).extracting(PaymentLedger.Entry::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("7000"));
    }

    @Nested
    class YearlyCap {

        @Test
        void crossedByThisCaseNeedsCaseByCaseDeliberation() {
            String household = newHousehold();
            earlierPayment(household, "16000");
            ProcessInstance pi = driver.startAndSuggest(startForm(household));

            driver.reviewAndRoute(pi, 4001);

            assertThat(pi).isWaitingAt("Task_CaseByCaseDeliberation");
            assertThat(task(pi)).hasCandidateGroup(COUNTY_GROUP).hasName("一事一议");
            assertThat(pi).variables().containsEntry("approvalRoute", "DELIBERATION")
                    .containsEntry("yearlyTotalBefore", 16000.0);
            Assertions.assertThat((String) taskService().getVariableLocal(task(pi).getId(), "caseSummary"))
                    .contains("家庭本年此前已获救助：16000 元", "超过年度上限 20000 元");

            driver.deliberate(pi, 4001);
            driver.pay(pi);

            assertThat(pi).isEnded().hasPassed("Task_CaseByCaseDeliberation", "EndEvent_Assisted");
            TemporaryAssistanceCase c = driver.caseOf(pi);
            Assertions.assertThat(ledger.yearlyTotal(household, LocalDate.now(), ZoneId.systemDefault()))
                    .isEqualByComparingTo("20001");
            Assertions.assertThat(cases.decisions(c.id())).last().satisfies(d -> {
                Assertions.assertThat(d.stage()).isEqualTo("一事一议");
                Assertions.assertThat(d.details()).contains(CaseDates.today(), "吴强、马静、县财政局李某", "同意按乡镇意见");
            });
        }

        @Test
        void reachedExactlyStaysWithTheTownship() {
            String household = newHousehold();
            earlierPayment(household, "16000");
            ProcessInstance pi = driver.startAndSuggest(startForm(household));

            driver.reviewAndRoute(pi, 4000);

            assertThat(pi).isWaitingAt("Task_TownshipApproval");
        }

        @Test
        void refusesASecondOpenCaseOfTheSameApplicantNamingTheFirst() {
            String household = newHousehold();
            ProcessInstance first = driver.startAndSuggest(startForm(household).putValue("urgent", true));
            driver.aidFirst(first, 1000);

            Assertions.assertThatThrownBy(() -> driver.startAndSuggest(startForm(household)
                            .putValue("assistanceType", "EXPENDITURE").putValue("reason", "MEDICAL")))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("已有正在办理的临时救助申请").hasMessageContaining(first.getBusinessKey());
            assertThat(first).isWaitingAt("Task_TownshipReview");
        }

        @Test
        void leavesOutTheCasesOwnAidFirstWhichIsPartOfItsAmount() {
            String household = newHousehold();
            earlierPayment(household, "16000");
            ProcessInstance pi = driver.startAndSuggest(startForm(household).putValue("urgent", true));
            driver.aidFirst(pi, 1000);

            driver.reviewAndRoute(pi, 4000);

            assertThat(pi).variables().containsEntry("yearlyTotalBefore", 16000.0);
            assertThat(pi).isWaitingAt("Task_TownshipApproval");
        }

        @Test
        void isNotCrossedByAnApprovalOfAnotherAuthority() {
            String household = newHousehold();
            earlierPayment(household, "12000");
            ProcessInstance pi = driver.startAndSuggest(startForm(household));
            driver.reviewAndRoute(pi, 7000);
            assertThat(pi).isWaitingAt("Task_CountyApproval");

            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("approvalDecision", "changeAmount",
                            "approvedAmount", 9000, "amountChangeReason", "另有医疗费用")))
                    .hasMessageContaining("须由“一事一议”决定");
            assertThat(pi).isWaitingAt("Task_CountyApproval");
        }

        private void earlierPayment(String household, String amount) {
            String caseNo = "EARLIER-" + UUID.randomUUID().toString().substring(0, 8);
            ledger.record(new PaymentLedger.Payment(caseNo + "-TEMPORARY_ASSISTANCE", caseNo,
                    Kind.TEMPORARY_ASSISTANCE, household, "张大山", DemoOrganisation.VILLAGE_DONGMEN,
                    DemoOrganisation.TOWNSHIP_CHENGGUAN, DemoOrganisation.COUNTY, new BigDecimal(amount),
                    "本年早些时候的临时救助", "test"), ClockUtil.getCurrentTime().toInstant());
        }
    }

    @Nested
    class AidFirst {

        @Test
        void isPaidAtOnceAndDeductedFromTheDecision() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()).putValue("urgent", true));
            assertThat(pi).isWaitingAt("Task_AidFirst");
            assertThat(task(pi)).hasCandidateGroup(TOWNSHIP_GROUP).hasName("先行救助");
            Assertions.assertThat(task(pi).getDueDate()).isAfter(ClockUtil.getCurrentTime());
            Assertions.assertThat(LocalDate.ofInstant(task(pi).getDueDate().toInstant(), ZoneId.systemDefault()))
                    .as("due the same day").isEqualTo(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                            ZoneId.systemDefault()));
            Assertions.assertThat(taskService().getVariableLocal(task(pi).getId(), "aidFirstMax")).isEqualTo(1000.0);
            String caseNo = pi.getBusinessKey();

            driver.aidFirst(pi, 800);
            Assertions.assertThat(ledger.ofCase(caseNo)).singleElement().satisfies(e -> {
                Assertions.assertThat(e.kind()).isEqualTo(Kind.AID_FIRST);
                Assertions.assertThat(e.paymentKey()).isEqualTo(caseNo + "-AID_FIRST");
                Assertions.assertThat(e.amount()).isEqualByComparingTo("800");
                Assertions.assertThat(e.reason()).contains("火灾当晚无处安身");
                Assertions.assertThat(e.recordedBy()).isNull();
            });
            assertThat(pi).isWaitingAt("Task_TownshipReview");
            Assertions.assertThat((String) taskService().getVariableLocal(task(pi).getId(), "caseSummary"))
                    .contains("先行救助：已发放 800 元");

            driver.reviewAndRoute(pi, 3000);
            driver.approve(pi);
            driver.pay(pi);

            assertThat(pi).isEnded().hasPassedInOrder("Task_AidFirst", "Task_TownshipReview", "Task_TownshipApproval",
                    "Task_RecordPayment");
            Assertions.assertThat(ledger.ofCase(caseNo)).extracting(PaymentLedger.Entry::kind, e -> e.amount().intValue())
                    .containsExactly(Assertions.tuple(Kind.AID_FIRST, 800), Assertions.tuple(Kind.TEMPORARY_ASSISTANCE, 2200));
            TemporaryAssistanceCase c = driver.caseOf(pi);
            Assertions.assertThat(c.decidedAmount()).isEqualByComparingTo("3000");
            Assertions.assertThat(c.decisionNotice()).contains("救助金额 3000 元", "先行救助 800 元已发放", "此次发放 2200 元");
        }

        @Test
        void thatCoversTheWholeDecisionPaysNothingMore() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()).putValue("urgent", true));
            driver.aidFirst(pi, 1000);
            driver.reviewAndRoute(pi, 1000);
            driver.approve(pi);
            driver.pay(pi);

            assertThat(pi).isEnded().hasPassed("EndEvent_Assisted");
            Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).extracting(PaymentLedger.Entry::kind)
                    .containsExactly(Kind.AID_FIRST);
        }

        @Test
        void aboveTheConfiguredMaximumIsRefused() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()).putValue("urgent", true));

            Assertions.assertThatThrownBy(() -> driver.aidFirst(pi, 1500)).hasMessageContaining("不能超过 1000 元");

            assertThat(pi).isWaitingAt("Task_AidFirst");
            Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).isEmpty();
        }

        @Test
        void mayBeSkippedWithAReason() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()).putValue("urgent", true));
            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("aidFirstDecision", "skip")))
                    .hasMessageContaining("情况说明");

            complete(task(pi), withVariables("aidFirstDecision", "skip", "aidFirstReason", "已由亲属安置，无需先行救助"));

            assertThat(pi).isWaitingAt("Task_TownshipReview");
            Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).isEmpty();
        }

        @Test
        void boundsTheProposedTotalFromBelow() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()).putValue("urgent", true));
            driver.aidFirst(pi, 900);

            Assertions.assertThatThrownBy(() -> driver.reviewAndRoute(pi, 500))
                    .hasMessageContaining("不能低于先行救助金额");
            assertThat(pi).isWaitingAt("Task_TownshipReview");
        }
    }

    @Nested
    class Refusal {

        @Test
        void atTheReview() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));

            complete(task(pi), withVariables("reviewFindings", "经核实，损失已由保险全额理赔", "reviewDecision", "reject",
                    "rejectionReason", "损失已由保险全额理赔，生活无明显困难。"));
            driver.issueRefusal(pi);

            assertRefused(pi, "乡镇审核", "损失已由保险全额理赔，生活无明显困难");
            Assertions.assertThat(driver.caseOf(pi).decisionNotice()).doesNotContain("困难。。");
        }

        @Test
        void atTheReviewNeedsAReason() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));

            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("reviewFindings", "已核实",
                    "reviewDecision", "reject"))).hasMessageContaining("请填写“理由”");
            assertThat(pi).isWaitingAt("Task_TownshipReview");
        }

        @Test
        void atTheTownshipApproval() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
            driver.reviewAndRoute(pi, 2000);

            complete(task(pi), withVariables("approvalDecision", "reject", "rejectionReason", "申请人家庭有稳定收入"));
            driver.issueRefusal(pi);

            assertRefused(pi, "乡镇审批", "申请人家庭有稳定收入");
        }

        @Test
        void atTheCountyApproval() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
            driver.reviewAndRoute(pi, 6000);

            complete(task(pi), withVariables("approvalDecision", "reject", "rejectionReason", "同一事由已获县级医疗救助"));
            driver.issueRefusal(pi);

            assertRefused(pi, "县级审批", "同一事由已获县级医疗救助");
        }

        @Test
        void atTheCaseByCaseDeliberation() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
            driver.reviewAndRoute(pi, 20001);
            assertThat(pi).isWaitingAt("Task_CaseByCaseDeliberation");

            complete(task(pi), withVariables("meetingDate", CaseDates.today(), "participants", "吴强、马静",
                    "meetingDecision", "超出年度上限且无特殊情形", "approvalDecision", "reject",
                    "rejectionReason", "家庭年度累计救助已超过上限，经一事一议不予救助"));
            driver.issueRefusal(pi);

            assertRefused(pi, "一事一议", "经一事一议不予救助");
            Assertions.assertThat(cases.decisions(driver.caseOf(pi).id())).last()
                    .satisfies(d -> Assertions.assertThat(d.details()).contains("参会人员：吴强、马静"));
        }

        @Test
        void ofADeliberationNeedsAtLeastTwoParticipants() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
            driver.reviewAndRoute(pi, 20001);

            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("meetingDate", CaseDates.today(),
                            "participants", "吴强", "meetingDecision", "同意", "approvalDecision", "approve",
                            "approvedAmount", 20001)))
                    .hasMessageContaining("至少两人");
        }

        private void assertRefused(ProcessInstance pi, String stage, String reason) {
            assertThat(pi).isEnded().hasPassed("Task_IssueRefusalNotice", "EndEvent_Refused")
                    .hasNotPassed("Task_RecordPayment");
            TemporaryAssistanceCase c = driver.caseOf(pi);
            Assertions.assertThat(c.status()).isEqualTo(TemporaryAssistanceCase.Status.REJECTED);
            Assertions.assertThat(c.decisionNotice()).contains("“" + stage + "”环节未获通过", reason);
            Assertions.assertThat(records.queuedCaseMessages(c.caseNo())).containsExactly(c.decisionNotice());
            Assertions.assertThat(ledger.ofCase(c.caseNo())).isEmpty();
        }
    }

    @Test
    void paysOnceWhenThePaymentRunsAgain() {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
        driver.reviewAndRoute(pi, 2500);
        driver.approve(pi);

        TemporaryAssistanceDriver.runJob(pi, "Task_RecordPayment");
        runtimeService.createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_RecordPayment").execute();
        for (Job job : jobQuery().processInstanceId(pi.getId()).activityId("Task_RecordPayment").list()) {
            execute(job);
        }

        Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).singleElement()
                .satisfies(e -> Assertions.assertThat(e.amount()).isEqualByComparingTo("2500"));
    }

    @Test
    void refusesAnAmountBeyondTheTownshipsAuthority() {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
        driver.reviewAndRoute(pi, 4000);

        Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("approvalDecision", "changeAmount",
                        "approvedAmount", 6000, "amountChangeReason", "损失大于审核认定")))
                .hasMessageContaining("须由“县级审批”决定").hasMessageContaining("超出乡镇审批权限");
        complete(task(pi), withVariables("approvalDecision", "changeAmount", "approvedAmount", 3500,
                "amountChangeReason", "已获村集体慰问金 500 元"));
        driver.pay(pi);

        Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).singleElement()
                .satisfies(e -> Assertions.assertThat(e.amount()).isEqualByComparingTo("3500"));
        Assertions.assertThat(cases.decisions(driver.caseOf(pi).id())).last()
                .satisfies(d -> Assertions.assertThat(d.details()).contains("已获村集体慰问金"));
    }

    @Test
    void suggestsSixMonthsOfTheStandardPerPersonForMedicalCosts() {
        VariableMap form = startForm(newHousehold()).putValue("assistanceType", "EXPENDITURE")
                .putValue("reason", "MEDICAL").putValue("householdSize", 2);

        ProcessInstance pi = driver.startAndSuggest(form);

        assertThat(pi).variables().containsEntry("suggestedAmount", 9360.0);
        Assertions.assertThat(driver.caseOf(pi).suggestionBasis()).contains("780", "6 个月", "× 2 人");
    }

    @Test
    void showsTheCaseSummaryOnEveryTask() {
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));

        String summary = (String) taskService().getVariableLocal(task(pi).getId(), "caseSummary");

        Assertions.assertThat(summary).contains("案件编号：" + pi.getBusinessKey(), "急难型（火灾）", "张大山",
                "本地户籍", "家庭人口：3 人", "清源县 城关街道 东门社区", "系统建议金额：3000");
    }
}
