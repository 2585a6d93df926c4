package org.jiuzhu.emergency;

import org.jiuzhu.casework.Refusals;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.moveClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.ApplicationService.InvalidApplicationException;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.dibao.CaseProgress;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.RecipientRegistry;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive.Outcome;
import org.jiuzhu.emergency.process.CheckPledgeDelegate;
import org.jiuzhu.ledger.PaymentLedger;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.supervision.OverdueEscalation;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 急难救助当日审批 (emergencySameDay): the same day, the escalation, and every way the catch-up ends. */
@JiuzhuIntegrationTest
class EmergencySameDayProcessTest {

    private static int nextSequence = 600;
    /** One month at the urban standard of 清源县 (780) for a family of three. */
    private static final BigDecimal ONE_MONTH_FOR_THREE = new BigDecimal("2340.00");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ApplicationService applicationService;
    @Autowired ApplicationRepository applications;
    @Autowired EmergencyPeriods periods;
    @Autowired EmergencyArchive archive;
    @Autowired LiabilityRecords liabilities;
    @Autowired PaymentLedger ledger;
    @Autowired RecipientRegistry registry;
    @Autowired CaseRecords records;
    @Autowired CaseProgress progress;
    @Autowired OverdueEscalation escalation;
    @Autowired DibaoProcessDriver driver;
    @Autowired JdbcClient jdbc;

    private final List<Long> declared = new ArrayList<>();

    @BeforeEach
    void startTheDayAtEight() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(LocalDate.now().atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }

    @AfterEach
    void endEmergenciesAndResetClock() {
        declared.stream().filter(id -> periods.find(id).orElseThrow().active()).forEach(id -> periods.end(id, "test"));
        ClockUtil.reset();
    }

    private long declare(String unitCode) {
        long id = periods.declare(unitCode, EmergencyReason.NATURAL_DISASTER, "暴雨引发山洪（测试）", DemoOrganisation.COUNTY_OFFICER);
        declared.add(id);
        return id;
    }

    private static ApplicationForm family(String villageCode) {
        ApplicationForm form = Households.poorFamilyBornIn(1976, nextSequence += 10);
        form.unitCode = villageCode;
        form.sameDay = true;
        return form;
    }

    private ProcessInstance apply(ApplicationForm form) {
        String no = applicationService.submitPublic(form, EmergencyVariables.PROCESS_KEY);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no)
                .processDefinitionKey(EmergencyVariables.PROCESS_KEY).singleResult();
    }

    private DibaoApplication applicationOf(ProcessInstance pi) {
        return applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private void runJob(ProcessInstance pi, String activityId) {
        execute(jobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult());
    }

    private void villageAgrees(ProcessInstance pi) {
        complete(task(pi, "Task_VillageReview"), withVariables("hardshipConfirmed", true,
                "reviewFindings", "房屋被洪水冲毁，全家暂住安置点，已视频核实", "villageDecision", "agree"));
    }

    /** Checked, reviewed by the village, approved by the township, paid and filed by the county. */
    private void approveTheSameDay(ProcessInstance pi) {
        runJob(pi, "Task_CheckMaterials");
        villageAgrees(pi);
        complete(task(pi, "Task_TownshipApproval"), withVariables("townshipDecision", "approve", "townshipOpinion", "同意"));
        runJob(pi, "Task_GrantAssistance");
        complete(task(pi, "Task_CountyFiling"), withVariables("filingConfirmed", true, "filingRemarks", "予以备案"));
    }

    /** Approved the same day; then the emergency ends and the verification and the pledge check run. */
    private void throughTheCatchUpCheck(ProcessInstance pi, long emergency) {
        approveTheSameDay(pi);
        periods.end(emergency, DemoOrganisation.COUNTY_OFFICER);
        runJob(pi, "Task_EconomicVerification");
        runJob(pi, "Task_CheckPledge");
        runJob(pi, "Task_AssessCatchUpEligibility");
    }

    @Test
    void showsTheTownshipAndTheCountyWhatTheVillageFound() {
        declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
        runJob(pi, "Task_CheckMaterials");
        villageAgrees(pi);

        Task township = task(pi, "Task_TownshipApproval");
        Assertions.assertThat((String) taskService.getVariableLocal(township.getId(), "decisionBasis"))
                .contains("【村级审核（当日）】", "房屋被洪水冲毁，全家暂住安置点");
        complete(township, withVariables("townshipDecision", "approve", "townshipOpinion", "情况属实，同意"));
        runJob(pi, "Task_GrantAssistance");
        Assertions.assertThat((String) taskService.getVariableLocal(task(pi, "Task_CountyFiling").getId(), "decisionBasis"))
                .contains("【村级审核（当日）】", "【乡镇审批（当日）】", "情况属实，同意");
    }

    @Test
    void approvesTheSameDayAndGrantsOneMonthAtTheUrbanStandard() {
        declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
        DibaoApplication application = applicationOf(pi);
        Date endOfToday = Date.from(LocalDate.now().atTime(LocalTime.MAX).atZone(ZoneId.systemDefault()).toInstant());

        runJob(pi, "Task_CheckMaterials");
        Task village = task(pi, "Task_VillageReview");
        Assertions.assertThat(village.getDueDate()).isEqualTo(endOfToday);
        assertThat(village).hasCandidateGroup("village-" + DemoOrganisation.VILLAGE_DONGMEN);
        villageAgrees(pi);
        Task township = task(pi, "Task_TownshipApproval");
        Assertions.assertThat(township.getDueDate()).isEqualTo(endOfToday);
        assertThat(township).hasCandidateGroup("township-" + DemoOrganisation.TOWNSHIP_CHENGGUAN);
        moveClock(Duration.ofHours(2));
        complete(township, withVariables("townshipDecision", "approve"));
        runJob(pi, "Task_GrantAssistance");
        Task county = task(pi, "Task_CountyFiling");
        Assertions.assertThat(county.getDueDate()).isEqualTo(endOfToday);
        assertThat(county).hasCandidateGroup("county-" + DemoOrganisation.COUNTY);
        complete(county, withVariables("filingConfirmed", true));

        assertThat(pi).hasPassedInOrder("Task_RegisterApplication", "Task_RegisterEmergencyCase", "Task_CheckMaterials",
                "Task_VillageReview", "Task_TownshipApproval", "Task_GrantAssistance", "Task_CountyFiling");
        assertThat(pi).isWaitingAt("Gateway_AwaitCatchUp");
        List<PaymentLedger.Entry> payments = ledger.ofCase(pi.getBusinessKey());
        Assertions.assertThat(payments).singleElement().satisfies(p -> {
            Assertions.assertThat(p.kind()).isEqualTo(PaymentLedger.Kind.EMERGENCY_SAME_DAY);
            Assertions.assertThat(p.amount()).isEqualByComparingTo(ONE_MONTH_FOR_THREE);
            Assertions.assertThat(p.householdIdNumber()).isEqualTo(application.applicantIdNumber());
        });
        EmergencyArchive.ArchivedCase archived = archive.find(application.id()).orElseThrow();
        Assertions.assertThat(archived.villageFiledAt()).isNotNull();
        Assertions.assertThat(archived.townshipFiledAt()).isNotNull();
        Assertions.assertThat(archived.countyFiledAt()).isNotNull();
        Assertions.assertThat(archived.countyFiledAt()).isBefore(endOfToday.toInstant());
        Assertions.assertThat(archived.outcome()).isEqualTo(Outcome.ASSISTED);
        Assertions.assertThat(archived.pledgeText()).contains("本人承诺");
        Assertions.assertThat(archive.filedAt(UnitLevel.COUNTY, List.of(DemoOrganisation.VILLAGE_DONGMEN)))
                .extracting(EmergencyArchive.ArchivedCase::applicationNo).contains(pi.getBusinessKey());
        Assertions.assertThat(archive.filedAt(UnitLevel.COUNTY, List.of(DemoOrganisation.VILLAGE_XIMEN)))
                .extracting(EmergencyArchive.ArchivedCase::applicationNo).doesNotContain(pi.getBusinessKey());
        Assertions.assertThat(records.queuedMessages(application.id())).anyMatch(m -> m.contains("2340.00 元"));
        Assertions.assertThat(progress.of(application).currentStages()).containsExactly("等待补办手续");
    }

    @Test
    void paysOnlyOnceWhenTheGrantRunsAgain() {
        declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
        runJob(pi, "Task_CheckMaterials");
        villageAgrees(pi);
        complete(task(pi, "Task_TownshipApproval"), withVariables("townshipDecision", "approve"));
        runJob(pi, "Task_GrantAssistance");
        // The same step once more, as after a crash between payment and commit of the next state.
        runtimeService.createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_GrantAssistance")
                .cancelAllForActivity("Task_CountyFiling").execute();
        runJob(pi, "Task_GrantAssistance");

        Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).hasSize(1);
    }

    @Test
    void refusesTheSameDayPathOutsideAnEmergency() {
        ApplicationForm form = family(DemoOrganisation.VILLAGE_QINGSHAN);
        String applicant = form.applicantIdNumber;

        Assertions.assertThatThrownBy(() -> apply(form)).hasMessageContaining("不在紧急状态范围内");
        Assertions.assertThat(jdbc.sql("select count(*) from dibao_application where applicant_id_number = ?")
                .param(applicant).query(Long.class).single()).isZero();
    }

    @Test
    void anOfficialStartsItInTasklistOnlyDuringAnEmergency() {
        var identity = processEngine.getIdentityService();
        identity.setAuthentication(DemoOrganisation.DONGMEN_OFFICER, List.of("village-" + DemoOrganisation.VILLAGE_DONGMEN));
        try {
            Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(EmergencyVariables.PROCESS_KEY,
                    Households.asStartForm(family(DemoOrganisation.VILLAGE_DONGMEN))))
                    .hasMessageContaining("不在紧急状态范围内");
            declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);

            ProcessInstance pi = runtimeService.startProcessInstanceByKey(EmergencyVariables.PROCESS_KEY,
                    Households.asStartForm(family(DemoOrganisation.VILLAGE_DONGMEN)));

            Assertions.assertThat(pi.getBusinessKey()).startsWith("DB-341899-");
            Assertions.assertThat(archive.find(applicationOf(pi).id())).isPresent();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theVillageCannotAgreeWhenTheMaterialsCheckFailed() {
        declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        ApplicationForm form = family(DemoOrganisation.VILLAGE_DONGMEN);
        form.members.get(2).idNumber = Households.withWrongChecksum(form.members.get(2).idNumber);
        ProcessInstance pi = apply(form);
        runJob(pi, "Task_CheckMaterials");

        Assertions.assertThatThrownBy(() -> villageAgrees(pi)).hasMessageContaining("材料核验未通过");
        complete(task(pi, "Task_VillageReview"), withVariables("reviewFindings", "身份证号有误", "villageDecision", "reject",
                "rejectionReason", "周小雨的身份证号校验位有误，请核对户口簿后重新申请"));
        runJob(pi, "Task_IssueRejectionNotice");

        assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
        DibaoApplication application = applicationOf(pi);
        Assertions.assertThat(records.writtenNotice(application.id()).orElseThrow().content())
                .contains("村级审核（当日）").contains("校验位有误");
        Assertions.assertThat(archive.find(application.id()).orElseThrow().outcome()).isEqualTo(Outcome.REJECTED);
        Assertions.assertThat(ledger.ofCase(pi.getBusinessKey())).isEmpty();
    }

    @Test
    void theTownshipMayRefuseWithAWrittenNotice() {
        declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
        runJob(pi, "Task_CheckMaterials");
        villageAgrees(pi);
        complete(task(pi, "Task_TownshipApproval"), withVariables("townshipDecision", "reject",
                "rejectionReason", "家庭住房未受灾，不属于因灾陷入困境"));
        runJob(pi, "Task_IssueRejectionNotice");

        assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_GrantAssistance");
        Assertions.assertThat(applicationOf(pi).status()).isEqualTo(ApplicationStatus.REJECTED);
    }

    @Nested
    class Escalation {

        @Test
        void aTaskOpenForFourHoursGoesToTheTownshipLeadersOnce() {
            declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
            runJob(pi, "Task_CheckMaterials");
            Task village = task(pi, "Task_VillageReview");
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().activityId("Event_VillageReviewOpenTooLong").count())
                    .isOne();

            moveClock(Duration.ofHours(3).plusMinutes(59));
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().executable().count()).isZero();
            moveClock(Duration.ofMinutes(2));
            execute(jobQuery().processInstanceId(pi.getId()).timers().executable().singleResult());
            runJob(pi, "Task_EscalateSameDay");

            List<ProcessInstance> supervision = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey("supervisionEscalation").processInstanceBusinessKey(pi.getBusinessKey()).list();
            Assertions.assertThat(supervision).hasSize(1);
            Task supervise = taskService.createTaskQuery().processInstanceId(supervision.get(0).getId()).singleResult();
            assertThat(supervise).hasCandidateGroup("township-" + DemoOrganisation.TOWNSHIP_CHENGGUAN + "-leaders");
            Assertions.assertThat(task(pi, "Task_VillageReview").getId()).isEqualTo(village.getId());
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count()).isZero();

            // Past the due date the overdue scan does not escalate it a second time.
            moveClock(Duration.ofHours(13));
            escalation.escalateOverdueTasks();
            Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("supervisionEscalation")
                    .processInstanceBusinessKey(pi.getBusinessKey()).count()).isOne();

            // Done late: the 督办 ends by itself.
            villageAgrees(pi);
            Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(supervision.get(0).getId())
                    .count()).isZero();
        }
    }

    @Nested
    class CatchUpFormalities {

        @Test
        void endingTheEmergencyStartsTheCatchUpOfItsOpenCasesAndOnlyThose() {
            long chengguan = declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            declare(DemoOrganisation.TOWNSHIP_QINGSHAN);
            ProcessInstance dongmen = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
            ProcessInstance ximen = apply(family(DemoOrganisation.VILLAGE_XIMEN));
            ProcessInstance qingshan = apply(family(DemoOrganisation.VILLAGE_QINGSHAN));
            approveTheSameDay(dongmen);
            approveTheSameDay(ximen);
            approveTheSameDay(qingshan);

            Assertions.assertThat(periods.end(chengguan, DemoOrganisation.COUNTY_OFFICER)).isEqualTo(2);

            assertThat(dongmen).isWaitingAt("Task_EconomicVerification");
            assertThat(ximen).isWaitingAt("Task_EconomicVerification");
            assertThat(qingshan).isWaitingAt("Gateway_AwaitCatchUp");
        }

        @Test
        void aCaseFiledAfterItsEmergencyEndedGoesStraightToTheCatchUp() {
            long chengguan = declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
            runJob(pi, "Task_CheckMaterials");
            villageAgrees(pi);
            periods.end(chengguan, DemoOrganisation.COUNTY_OFFICER);
            complete(task(pi, "Task_TownshipApproval"), withVariables("townshipDecision", "approve"));
            runJob(pi, "Task_GrantAssistance");
            complete(task(pi, "Task_CountyFiling"), withVariables("filingConfirmed", true));

            assertThat(pi).isWaitingAt("Task_EconomicVerification");
        }

        @Test
        void theCatchUpStartsAtTheLatestAfterTheConfiguredMaximum() {
            declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
            approveTheSameDay(pi);

            moveClock(Duration.ofDays(90).plusMinutes(1));
            execute(jobQuery().processInstanceId(pi.getId()).timers().activityId("Event_CatchUpDue").singleResult());

            assertThat(pi).isWaitingAt("Task_EconomicVerification");
        }

        @Test
        void anHonestEligibleHouseholdIsEnrolledThroughTheRegularProcedureWithoutApplyingAgain() {
            long chengguan = declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ApplicationForm form = family(DemoOrganisation.VILLAGE_DONGMEN);
            ProcessInstance pi = apply(form);
            DibaoApplication application = applicationOf(pi);
            throughTheCatchUpCheck(pi, chengguan);
            runJob(pi, "CallActivity_RegularProcedure");

            ProcessInstance regular = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
            Assertions.assertThat(regular.getBusinessKey()).isEqualTo(pi.getBusinessKey());
            assertThat(regular).isWaitingAt("Task_HomeInvestigation")
                    .hasNotPassed("Task_CheckMaterials", "Task_Acceptance", "Task_EconomicVerification");
            Assertions.assertThat(archive.find(application.id()).orElseThrow().outcome()).isEqualTo(Outcome.HANDED_OVER);
            Assertions.assertThat(progress.of(application).currentStages()).containsExactly("入户调查");

            driver.investigate(regular, 900);
            driver.evaluate(regular, "agree");
            runJob(regular, "Task_AssessEligibility");
            runJob(regular, "Task_PublishNotice");
            driver.endNoticePeriod(regular);
            complete(task(regular, "Task_TownshipApproval"), withVariables("approvalDecision", "approve"));
            complete(task(regular, "Task_CountyFiling"), withVariables("countyDecision", "file"));
            driver.finishEnrolment(regular);

            assertThat(regular).isEnded().hasPassed("EndEvent_Enrolled");
            assertThat(pi).isEnded().hasPassed("EndEvent_CatchUpCompleted");
            Assertions.assertThat(registry.findByApplication(application.id())).isPresent();
            Assertions.assertThat(jdbc.sql("select count(*) from dibao_application where applicant_id_number = ?")
                    .param(form.applicantIdNumber).query(Long.class).single()).isOne();
            Assertions.assertThat(archive.find(application.id()).orElseThrow().outcome()).isEqualTo(Outcome.ENROLLED);
        }

        @Test
        void aFalsePledgeOpensARecoveryTaskAndALiabilityRecord() {
            long chengguan = declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ApplicationForm form = family(DemoOrganisation.VILLAGE_DONGMEN);
            ProcessInstance pi = apply(form);
            DibaoApplication application = applicationOf(pi);
            jdbc.sql("insert into verification_record (id_number, kind, description, amount, source) values (?, 'VEHICLE', '小型轿车 皖P·12345', 0, 'test')")
                    .param(form.applicantIdNumber).update();
            throughTheCatchUpCheck(pi, chengguan);
            runJob(pi, "Task_RecordLiability");

            LiabilityRecords.Liability liability = liabilities.find(pi.getBusinessKey()).orElseThrow();
            Assertions.assertThat(liability.finding()).contains("未申报的机动车辆");
            Assertions.assertThat(liability.amountToRecover()).isEqualByComparingTo(ONE_MONTH_FOR_THREE);
            Task recover = task(pi, "Task_RecoverFunds");
            assertThat(recover).hasCandidateGroup("township-" + DemoOrganisation.TOWNSHIP_CHENGGUAN);
            Assertions.assertThatThrownBy(() -> complete(recover, withVariables("recoveredAmount", 3000, "recoveryNote", "多收")))
                    .hasMessageContaining("已追回金额应在 0 至应追回金额");
            complete(recover, withVariables("recoveredAmount", 2340, "recoveryNote", "申请人已于当日退回全部救助金"));
            runJob(pi, "Task_IssueRecoveryNotice");

            assertThat(pi).isEnded().hasPassed("EndEvent_FundsRecovered").hasNotPassed("CallActivity_RegularProcedure");
            Assertions.assertThat(liabilities.find(pi.getBusinessKey()).orElseThrow().recoveredAmount())
                    .isEqualByComparingTo("2340");
            Assertions.assertThat(records.writtenNotice(application.id()).orElseThrow().content()).contains("个人承诺");
            Assertions.assertThat(archive.find(application.id()).orElseThrow().outcome()).isEqualTo(Outcome.RECOVERY);
            Assertions.assertThat(registry.findByApplication(application.id())).isEmpty();
        }

        @Test
        void anIneligibleHouseholdThatToldTheTruthGetsAWrittenNoticeThatAssistanceStops() {
            long chengguan = declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ApplicationForm form = family(DemoOrganisation.VILLAGE_DONGMEN);
            form.incomes.get(0).monthlyAmount = new BigDecimal("4200");
            ProcessInstance pi = apply(form);
            DibaoApplication application = applicationOf(pi);
            throughTheCatchUpCheck(pi, chengguan);
            runJob(pi, "Task_IssueStopNotice");

            assertThat(pi).isEnded().hasPassed("EndEvent_AssistanceStopped").hasNotPassed("Task_RecordLiability");
            Assertions.assertThat(records.writtenNotice(application.id()).orElseThrow().content())
                    .contains("补办手续").contains("不符合最低生活保障条件");
            Assertions.assertThat(archive.find(application.id()).orElseThrow().outcome()).isEqualTo(Outcome.STOPPED);
            HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                    .singleResult();
            Assertions.assertThat(finished.getEndTime()).isNotNull();
        }
    }

    /**
     * A case started on a model deployed before 2026-12-07 checks the pledge and the eligibility in one
     * service task on {@code ${checkPledge}}. That model cannot be deployed any more (a condition of it calls
     * a method), so the bean runs where its step stood, before 核查个人承诺 of a current case, and must leave
     * the case as 核查个人承诺 and 认定低保资格 leave its twin, which then goes the same way.
     */
    @Nested
    class CheckPledgeOfTheEarlierModel {

        @Autowired ApplicationContext context;

        @ParameterizedTest(name = "未申报车辆 {0} → {1}")
        @CsvSource({"false, CallActivity_RegularProcedure", "true, Task_RecordLiability"})
        void decidesAsTheCurrentSteps(boolean undeclaredVehicle, String next) {
            long chengguan = declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            ProcessInstance current = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
            ProcessInstance earlier = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
            for (ProcessInstance pi : List.of(current, earlier)) {
                if (undeclaredVehicle) {
                    jdbc.sql("insert into verification_record (id_number, kind, description, amount, source) values (?, 'VEHICLE', '小型轿车 皖P·12345', 0, 'test')")
                            .param(applicationOf(pi).applicantIdNumber()).update();
                }
                approveTheSameDay(pi);
            }
            periods.end(chengguan, DemoOrganisation.COUNTY_OFFICER);
            runJob(current, "Task_EconomicVerification");
            runJob(earlier, "Task_EconomicVerification");

            runJob(current, "Task_CheckPledge");
            runJob(current, "Task_AssessCatchUpEligibility");
            runAtTheCheckPledge(earlier, context.getBean("checkPledge", CheckPledgeDelegate.class));

            List<String> outcome = List.of(EmergencyVariables.PLEDGE_TRUTHFUL, EmergencyVariables.PLEDGE_FINDINGS,
                    DibaoVariables.ELIGIBLE, DibaoVariables.ELIGIBILITY_REASON, Refusals.STAGE,
                    Refusals.REASON);
            Assertions.assertThat(runtimeService.getVariables(earlier.getId(), outcome))
                    .containsEntry(EmergencyVariables.PLEDGE_TRUTHFUL, !undeclaredVehicle)
                    .isEqualTo(runtimeService.getVariables(current.getId(), outcome));
            Assertions.assertThat(runtimeService.getVariables(earlier.getId())).doesNotContainKey("undeclaredVehicles");
            Assertions.assertThat(archive.find(applicationOf(earlier).id()).orElseThrow())
                    .satisfies(a -> Assertions.assertThat(a.catchUpStartedAt()).isNotNull())
                    .extracting(EmergencyArchive.ArchivedCase::outcome)
                    .isEqualTo(archive.find(applicationOf(current).id()).orElseThrow().outcome());

            runtimeService.createProcessInstanceModification(earlier.getId()).startBeforeActivity("Gateway_CatchUpResult")
                    .cancelAllForActivity("Task_CheckPledge").execute();
            Assertions.assertThat(jobQuery().processInstanceId(earlier.getId()).activityId(next).count()).isOne();
            Assertions.assertThat(jobQuery().processInstanceId(current.getId()).activityId(next).count()).isOne();
        }

        /** Runs the bean on the execution waiting before 核查个人承诺, in a transaction as the job would. */
        private void runAtTheCheckPledge(ProcessInstance pi, CheckPledgeDelegate delegate) {
            String executionId = jobQuery().processInstanceId(pi.getId()).activityId("Task_CheckPledge").singleResult()
                    .getExecutionId();
            ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(commandContext -> {
                        delegate.execute(commandContext.getExecutionManager().findExecutionById(executionId));
                        return null;
                    });
        }
    }

    @Test
    void isVisibleToItsUnitsAndNotToAnotherVillage() {
        declare(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        ProcessInstance pi = apply(family(DemoOrganisation.VILLAGE_DONGMEN));
        runJob(pi, "Task_CheckMaterials");
        var identity = processEngine.getIdentityService();
        try {
            identity.setAuthentication(DemoOrganisation.XIMEN_OFFICER, List.of("village-" + DemoOrganisation.VILLAGE_XIMEN));
            Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
            Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
            identity.setAuthentication(DemoOrganisation.DONGMEN_OFFICER, List.of("village-" + DemoOrganisation.VILLAGE_DONGMEN));
            Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isOne();
        } finally {
            identity.clearAuthentication();
        }
    }

}
