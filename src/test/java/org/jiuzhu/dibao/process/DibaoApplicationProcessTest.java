package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoSettings;
import org.jiuzhu.dibao.DisabilityKind;
import org.jiuzhu.casework.HouseholdType;
import org.jiuzhu.dibao.LabourAbility;
import org.jiuzhu.dibao.RecipientRegistry;
import org.jiuzhu.dibao.Relation;
import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ObjectionRepository;
import org.jiuzhu.portal.ObjectionService;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.SwitchableVerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path through 最低生活保障申请审核 (dibaoApplication). */
@JiuzhuIntegrationTest
class DibaoApplicationProcessTest {

    private static int nextSequence = 200;

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationService applicationService;
    @Autowired ApplicationRepository applications;
    @Autowired RecipientRegistry registry;
    @Autowired CaseRecords records;
    @Autowired NoticeBoard board;
    @Autowired ObjectionService objectionService;
    @Autowired ObjectionRepository objections;
    @Autowired SwitchableVerificationService verification;
    @Autowired DibaoProcessDriver driver;
    @Autowired DibaoSettings settings;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @AfterEach
    void resetClockAndVerification() {
        ClockUtil.reset();
        verification.reset();
    }

    static ApplicationForm family() {
        return Households.poorFamily(nextSequence += 10);
    }

    @Test
    void enrolsAnEligibleHouseholdAfterEveryStage() {
        ProcessInstance pi = driver.submit(family());
        DibaoApplication application = driver.applicationOf(pi);
        assertThat(pi).isStarted().hasBusinessKey(application.applicationNo());
        Assertions.assertThat(application.applicationNo()).matches("DB-341899-\\d{8}-\\d{4}");

        driver.checkMaterials(pi);
        assertThat(pi).isWaitingAt("Task_Acceptance");
        assertThat(task(pi)).hasCandidateGroup("township-341899001000");
        Assertions.assertThat(task(pi).getDueDate()).isAfter(ClockUtil.getCurrentTime());
        complete(task(pi), withVariables("acceptanceDecision", "accept"));

        execute(DibaoProcessDriver.job(pi));
        assertThat(pi).isWaitingAt("Task_HomeInvestigation");
        assertThat(task(pi)).hasCandidateGroup("village-341899001001");
        driver.investigate(pi, 900);

        assertThat(pi).isWaitingAt("Task_DemocraticEvaluation");
        assertThat(task(pi)).hasCandidateGroup("village-341899001001");
        driver.evaluate(pi, "agree");

        execute(DibaoProcessDriver.job(pi));
        assertThat(pi).variables().containsEntry("eligible", true).containsEntry("suggestedAmount", 1536.0);
        execute(DibaoProcessDriver.job(pi));
        assertThat(pi).isWaitingAt("Event_NoticePeriodEnded");
        Assertions.assertThat(board.activeForApplication(application.id())).hasValueSatisfying(n -> {
            Assertions.assertThat(n.maskedName()).isEqualTo("周*华");
            Assertions.assertThat(n.proposedAmount()).isEqualByComparingTo("1536");
        });

        driver.endNoticePeriod(pi);
        Assertions.assertThat(board.activeForApplication(application.id())).isEmpty();
        assertThat(pi).isWaitingAt("Task_TownshipApproval");
        complete(task(pi), withVariables("approvalDecision", "approve"));

        assertThat(pi).isWaitingAt("Task_CountyFiling");
        assertThat(task(pi)).hasCandidateGroup("county-341899000000");
        assertThat(pi).variables().containsEntry("requiresConfirmation", false);
        complete(task(pi), withVariables("countyDecision", "file"));

        driver.finishEnrolment(pi);
        assertThat(pi).isEnded().hasPassedInOrder("Task_CheckMaterials", "Task_Acceptance",
                "Task_EconomicVerification", "Task_HomeInvestigation", "Task_DemocraticEvaluation",
                "Task_AssessEligibility", "Task_PublishNotice", "Task_EndNotice", "Task_TownshipApproval",
                "Task_CountyFiling", "Task_EnrolHousehold", "Task_NotifyApproval", "EndEvent_Enrolled");
        RecipientRegistry.Recipient recipient = registry.findByApplication(application.id()).orElseThrow();
        Assertions.assertThat(recipient.monthlyAmount()).isEqualByComparingTo("1536");
        Assertions.assertThat(recipient.startMonth())
                .as("benefits start the month after the decision")
                .isEqualTo(java.time.YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.systemDefault()))
                        .plusMonths(1).toString());
        Assertions.assertThat(applications.get(application.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
        Assertions.assertThat(records.writtenNotice(application.id())).hasValueSatisfying(n ->
                Assertions.assertThat(n.content()).contains("已批准", "1536"));
        Assertions.assertThat(records.queuedMessages(application.id())).hasSize(1);
        Assertions.assertThat(records.decisions(application.id())).extracting(CaseRecords.Decision::decision)
                .containsExactly("accept", "investigated", "agree", "approve", "filed");
    }

    @Test
    void enrolsAtMostOnceWhenTheEnrolmentRunsAgain() {
        ProcessInstance pi = driver.submit(family());
        driver.toTownshipApproval(pi);
        complete(task(pi), withVariables("approvalDecision", "approve"));
        complete(task(pi), withVariables("countyDecision", "file"));
        long applicationId = driver.applicationOf(pi).id();

        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_EnrolHousehold").singleResult());
        runtimeService.createProcessInstanceModification(pi.getId())
                .startBeforeActivity("Task_EnrolHousehold").execute();
        for (Job job : jobQuery().processInstanceId(pi.getId()).activityId("Task_EnrolHousehold").list()) {
            execute(job);
        }

        Assertions.assertThat(jdbc.sql("select count(*) from recipient where application_id = ?")
                .param(applicationId).query(Long.class).single()).isOne();
    }

    @Nested
    class Refusal {

        @Test
        void atAcceptanceEndsWithAWrittenNotice() {
            ProcessInstance pi = driver.submit(family());
            driver.checkMaterials(pi);

            complete(task(pi), withVariables("acceptanceDecision", "reject", "rejectionReason", "申请人户籍不在本街道"));
            driver.issueRejection(pi);

            assertRefused(pi, "乡镇受理", "申请人户籍不在本街道");
        }

        @Test
        void atAcceptanceNeedsAReason() {
            ProcessInstance pi = driver.submit(family());
            driver.checkMaterials(pi);

            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("acceptanceDecision", "reject")))
                    .hasMessageContaining("请填写“理由”");
            assertThat(pi).isWaitingAt("Task_Acceptance");
        }

        @Test
        void atVillageReviewEndsWithAWrittenNotice() {
            ProcessInstance pi = driver.submit(family());
            driver.toHomeInvestigation(pi);
            driver.investigate(pi, 900);

            driver.evaluate(pi, "disagree");
            driver.issueRejection(pi);

            assertRefused(pi, "民主评议", "评议认为家庭实际收入高于申报");
        }

        @Test
        void atTownshipApprovalEndsWithAWrittenNoticeAndASnapshot() {
            ProcessInstance pi = driver.submit(family());
            driver.toTownshipApproval(pi);

            complete(task(pi), withVariables("approvalDecision", "reject", "rejectionReason", "家庭有赡养能力的子女未计入"));
            driver.issueRejection(pi);

            assertRefused(pi, "乡镇审批", "家庭有赡养能力的子女未计入");
            Assertions.assertThat(jdbc.sql("select snapshot from case_decision where stage = '乡镇审批' and application_id = ?")
                    .param(driver.applicationOf(pi).id()).query(String.class).single()).contains("周建华", "assessment");
        }

        @Test
        void atCountyConfirmationEndsWithAWrittenNotice() {
            ProcessInstance pi = driver.submit(family());
            driver.toTownshipApproval(pi);
            complete(task(pi), withVariables("approvalDecision", "approve"));

            complete(task(pi), withVariables("countyDecision", "reject", "rejectionReason", "抽查发现家庭有经营收入"));
            driver.issueRejection(pi);

            assertRefused(pi, "县级备案/确认", "抽查发现家庭有经营收入");
        }

        @Test
        void ofAHouseholdAlreadySupportedHappensAtTheMaterialsCheck() {
            ApplicationForm form = family();
            form.members.add(Households.member("钱秀兰", "341899196608121428", Relation.PARENT, LabourAbility.NONE));

            ProcessInstance pi = driver.submit(form);
            driver.checkMaterials(pi);
            assertThat(pi).isWaitingAt("Task_IssueRejectionNotice");
            driver.issueRejection(pi);

            assertRefused(pi, "材料完整性与身份核验", "钱秀兰已享受最低生活保障");
        }

        private void assertRefused(ProcessInstance pi, String stage, String reason) {
            assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_EnrolHousehold");
            DibaoApplication application = driver.applicationOf(pi);
            Assertions.assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
            Assertions.assertThat(records.writtenNotice(application.id())).hasValueSatisfying(n -> {
                Assertions.assertThat(n.stage()).isEqualTo(stage);
                Assertions.assertThat(n.content()).contains(stage, reason);
            });
            Assertions.assertThat(records.queuedMessages(application.id())).hasSize(1);
            Assertions.assertThat(board.activeForApplication(application.id())).isEmpty();
            Assertions.assertThat(registry.findByApplication(application.id())).isEmpty();
        }
    }

    @Nested
    class Correction {

        @Test
        void ofABadIdNumberLoopsUntilTheCheckPasses() {
            ApplicationForm form = family();
            String good = form.members.get(2).idNumber;
            form.members.get(2).idNumber = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');

            ProcessInstance pi = driver.submit(form);
            driver.checkMaterials(pi);

            assertThat(pi).isWaitingAt("Task_CorrectMaterials");
            assertThat(task(pi)).hasCandidateGroup("township-341899001000");
            Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), "missingItems"))
                    .contains("周小雨", "校验位不正确");

            complete(task(pi), withVariables("correctionDecision", "corrected"));
            driver.checkMaterials(pi);
            assertThat(pi).isWaitingAt("Task_CorrectMaterials");

            form.members.get(2).idNumber = good;
            applicationService.correct(driver.applicationOf(pi).id(), form);
            complete(task(pi), withVariables("correctionDecision", "corrected"));
            driver.checkMaterials(pi);

            assertThat(pi).isWaitingAt("Task_Acceptance");
            assertThat(pi).variables().containsEntry("materialsComplete", true);
        }

        @Test
        void endsInARefusalWhenTheApplicantDoesNotCorrect() {
            ApplicationForm form = family();
            form.members.get(1).idNumber = form.members.get(0).idNumber;

            ProcessInstance pi = driver.submit(form);
            driver.checkMaterials(pi);
            Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), "missingItems")).contains("重复出现");

            complete(task(pi), withVariables("correctionDecision", "reject", "rejectionReason", "申请人逾期未补正"));
            driver.issueRejection(pi);

            assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
        }
    }

    @Nested
    class PublicNotice {

        @Test
        void lastsTheConfiguredSevenDays() {
            ProcessInstance pi = driver.submit(family());
            driver.toNoticePeriod(pi, 900);

            DibaoProcessDriver.moveClock(Duration.ofDays(6));
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().executable().count()).isZero();
            DibaoProcessDriver.moveClock(Duration.ofDays(1).plusMinutes(1));
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().executable().count()).isOne();
        }

        @Test
        void continuesAfterAnUnfoundedObjection() {
            ProcessInstance pi = driver.submit(family());
            driver.toNoticePeriod(pi, 900);
            long noticeId = board.activeForApplication(driver.applicationOf(pi).id()).orElseThrow().id();

            objectionService.lodge(noticeId, "该户家中有人在外地经商，收入较高", "13900001111");

            assertThat(pi).isWaitingAt("Task_CheckObjection", "Event_NoticePeriodEnded");
            Assertions.assertThat(taskService().getVariable(task(pi).getId(), "objectionText")).isEqualTo("该户家中有人在外地经商，收入较高");
            complete(task(pi), withVariables("checkFindings", "经核实，其子在外地务工，收入已计入", "objectionOutcome", "unfounded"));

            assertThat(pi).isWaitingAt("Event_NoticePeriodEnded");
            Assertions.assertThat(objections.forApplication(driver.applicationOf(pi).id()))
                    .extracting(ObjectionRepository.Objection::outcome).containsExactly("unfounded");
            driver.endNoticePeriod(pi);
            assertThat(pi).isWaitingAt("Task_TownshipApproval");
        }

        @Test
        void goesBackToTheVillageAfterAFoundedObjection() {
            ProcessInstance pi = driver.submit(family());
            driver.toNoticePeriod(pi, 900);
            long applicationId = driver.applicationOf(pi).id();
            long noticeId = board.activeForApplication(applicationId).orElseThrow().id();

            objectionService.lodge(noticeId, "该户有一辆货车", null);
            complete(task(pi), withVariables("checkFindings", "经核实确有货车一辆", "objectionOutcome", "reinvestigate"));

            assertThat(pi).isWaitingAt("Task_WithdrawNotice");
            execute(DibaoProcessDriver.job(pi));
            assertThat(pi).isWaitingAt("Task_HomeInvestigation");
            Assertions.assertThat(board.find(noticeId)).hasValueSatisfying(n ->
                    Assertions.assertThat(n.status()).isEqualTo(NoticeBoard.Status.WITHDRAWN));
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        }

        @Test
        void endsInARefusalWhenAFoundedObjectionExcludesTheHousehold() {
            ProcessInstance pi = driver.submit(family());
            driver.toNoticePeriod(pi, 900);
            long noticeId = board.activeForApplication(driver.applicationOf(pi).id()).orElseThrow().id();

            objectionService.lodge(noticeId, "该户在县城另有商铺出租", null);
            complete(task(pi), withVariables("checkFindings", "经核实有商铺出租收入", "objectionOutcome", "reject",
                    "rejectionReason", "家庭有商铺出租收入，人均收入高于标准"));
            execute(DibaoProcessDriver.job(pi));
            driver.issueRejection(pi);

            assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
            Assertions.assertThat(records.writtenNotice(driver.applicationOf(pi).id())).hasValueSatisfying(n ->
                    Assertions.assertThat(n.stage()).isEqualTo("核查异议"));
        }

        @Test
        void checksEveryObjectionOnItsOwnAndWaitsForAllBeforeApproval() {
            ProcessInstance pi = driver.submit(family());
            driver.toNoticePeriod(pi, 900);
            long applicationId = driver.applicationOf(pi).id();
            long noticeId = board.activeForApplication(applicationId).orElseThrow().id();

            long first = objectionService.lodge(noticeId, "该户有一辆货车", null);
            long second = objectionService.lodge(noticeId, "该户儿子在外地有稳定工作", "13900002222");

            List<Task> checks = taskService().createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("Task_CheckObjection").list();
            Assertions.assertThat(checks).hasSize(2);
            Assertions.assertThat(checks).extracting(t -> taskService().getVariable(t.getId(), "objectionText"))
                    .containsExactlyInAnyOrder("该户有一辆货车", "该户儿子在外地有稳定工作");
            Task firstCheck = checks.stream().filter(t -> Long.valueOf(first)
                    .equals(taskService().getVariable(t.getId(), "objectionId"))).findFirst().orElseThrow();
            Task secondCheck = checks.stream().filter(t -> t != firstCheck).findFirst().orElseThrow();

            complete(firstCheck, withVariables("checkFindings", "车辆为亲戚所有，已出具证明", "objectionOutcome", "unfounded"));
            // The notice period ends while the second objection is still being checked: no approval yet.
            DibaoProcessDriver.moveClock(Duration.ofDays(8));
            execute(jobQuery().processInstanceId(pi.getId()).timers().singleResult());
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).activityId("Task_EndNotice").count()).isZero();
            assertThat(pi).isWaitingAt("Task_CheckObjection");

            complete(secondCheck, withVariables("checkFindings", "其子打零工，收入已计入", "objectionOutcome", "unfounded"));
            execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_EndNotice").singleResult());

            assertThat(pi).isWaitingAt("Task_TownshipApproval");
            Assertions.assertThat(objections.forApplication(applicationId))
                    .extracting(ObjectionRepository.Objection::id, ObjectionRepository.Objection::outcome,
                            ObjectionRepository.Objection::findings)
                    .containsExactly(Tuple.tuple(first, "unfounded", "车辆为亲戚所有，已出具证明"),
                            Tuple.tuple(second, "unfounded", "其子打零工，收入已计入"));
        }

        @Test
        void recordsTheOtherOpenObjectionsAsTakenOverWhenOneIsFounded() {
            ProcessInstance pi = driver.submit(family());
            driver.toNoticePeriod(pi, 900);
            long applicationId = driver.applicationOf(pi).id();
            long noticeId = board.activeForApplication(applicationId).orElseThrow().id();
            long first = objectionService.lodge(noticeId, "该户有一辆货车", null);
            long second = objectionService.lodge(noticeId, "该户在县城有商铺", null);

            Task firstCheck = taskService().createTaskQuery().processInstanceId(pi.getId()).list().stream()
                    .filter(t -> Long.valueOf(first).equals(taskService().getVariable(t.getId(), "objectionId")))
                    .findFirst().orElseThrow();
            complete(firstCheck, withVariables("checkFindings", "经核实确有货车一辆", "objectionOutcome", "reinvestigate"));
            execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_WithdrawNotice").singleResult());

            assertThat(pi).isWaitingAt("Task_HomeInvestigation");
            Assertions.assertThat(objections.forApplication(applicationId))
                    .extracting(ObjectionRepository.Objection::id, ObjectionRepository.Objection::outcome)
                    .containsExactly(Tuple.tuple(first, "reinvestigate"), Tuple.tuple(second, "superseded"));
        }

        @Test
        void refusesAnObjectionOnceTheNoticeHasEnded() {
            ProcessInstance pi = driver.submit(family());
            driver.toTownshipApproval(pi);
            long applicationId = driver.applicationOf(pi).id();
            long noticeId = jdbc.sql("select id from public_notice where application_id = ?").param(applicationId)
                    .query(Long.class).single();

            Assertions.assertThatThrownBy(() -> objectionService.lodge(noticeId, "迟到的异议", null))
                    .isInstanceOf(ObjectionService.ObjectionRefusedException.class).hasMessageContaining("已结束");
            Assertions.assertThat(objections.forApplication(applicationId)).isEmpty();
        }
    }

    @Nested
    class EconomicVerification {

        @Test
        void failingServiceBecomesAnIncidentAndSucceedsAfterRetry() {
            ProcessInstance pi = driver.submit(family());
            driver.checkMaterials(pi);
            complete(task(pi), withVariables("acceptanceDecision", "accept"));
            verification.failNext(100);

            int failures = 0;
            Job job = DibaoProcessDriver.job(pi);
            while (job.getRetries() > 0) {
                String id = job.getId();
                Assertions.assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("核对平台");
                failures++;
                job = DibaoProcessDriver.job(pi);
            }

            Assertions.assertThat(failures).isEqualTo(3);
            Assertions.assertThat(job.getExceptionMessage()).contains("核对平台");
            Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
            assertThat(pi).isWaitingAt("Task_EconomicVerification");

            verification.reset();
            managementService.setJobRetries(job.getId(), 1);
            execute(DibaoProcessDriver.job(pi));

            assertThat(pi).isWaitingAt("Task_HomeInvestigation");
            Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
            Assertions.assertThat(jdbc.sql("select count(*) from economic_verification where application_id = ?")
                    .param(driver.applicationOf(pi).id()).query(Long.class).single()).isOne();
        }

        @Test
        void excludesAHouseholdWithAVehicleFromTheNotice() {
            ApplicationForm form = family();
            form.applicantName = "赵大勇";
            form.applicantIdNumber = "34189919800721111X";
            form.members = new java.util.ArrayList<>(List.of(
                    Households.member("赵大勇", "34189919800721111X", Relation.SELF, LabourAbility.FULL),
                    Households.member("钱玉芬", "341899198204101120", Relation.SPOUSE, LabourAbility.FULL)));
            form.incomes.get(0).memberIdNumber = null;

            ProcessInstance pi = driver.submit(form);
            driver.toAssessment(pi, 900);

            assertThat(pi).isWaitingAt("Task_TownshipApproval").hasNotPassed("Task_PublishNotice");
            assertThat(pi).variables().containsEntry("eligible", false).containsEntry("suggestedAmount", 0.0);
            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("approvalDecision", "approve")))
                    .hasMessageContaining("系统测算不符合条件");
        }
    }

    @Nested
    class CountyConfirmation {

        @Test
        void isRequiredForRelativesOfOfficialsAndMaySendTheCaseBack() {
            ApplicationForm form = family();
            form.relativeOfOfficial = true;
            form.relativeDeclaration = "申请人之妻林秀梅系东门社区居委会委员周某之妹";

            ProcessInstance pi = driver.submit(form);
            driver.toTownshipApproval(pi);
            complete(task(pi), withVariables("approvalDecision", "approve"));

            assertThat(pi).variables().containsEntry("requiresConfirmation", true);
            Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), "confirmationReasons")).contains("近亲属");
            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("countyDecision", "sendBack")))
                    .hasMessageContaining("退回理由");
            complete(task(pi), withVariables("countyDecision", "sendBack", "countyOpinion", "请补充入户调查照片后重新审批"));

            assertThat(pi).isWaitingAt("Task_TownshipApproval");
            complete(task(pi), withVariables("approvalDecision", "approve"));
            complete(task(pi), withVariables("countyDecision", "file", "countyOpinion", "已入户核实"));
            driver.finishEnrolment(pi);

            assertThat(pi).isEnded().hasPassed("EndEvent_Enrolled");
            Assertions.assertThat(records.decisions(driver.applicationOf(pi).id()))
                    .extracting(CaseRecords.Decision::decision).containsSubsequence("sendBack", "approve", "confirmed");
        }

        @Test
        void isRequiredWhenTheTownshipChangesTheAmount() {
            ProcessInstance pi = driver.submit(family());
            driver.toTownshipApproval(pi);

            complete(task(pi), withVariables("approvalDecision", "changeAmount", "approvedAmount", 1200,
                    "amountChangeReason", "子女享受助学金，按实际困难程度核减"));

            assertThat(pi).variables().containsEntry("requiresConfirmation", true).containsEntry("approvedAmount", 1200.0);
            complete(task(pi), withVariables("countyDecision", "file"));
            driver.finishEnrolment(pi);
            Assertions.assertThat(registry.findByApplication(driver.applicationOf(pi).id()).orElseThrow().monthlyAmount())
                    .isEqualByComparingTo("1200");
        }
    }

    /** A disabled mother (grade 1) applying alone in her son's household, 1500 yuan his income. */
    private static ApplicationForm motherAlone(String motherId, String sonId) {
        ApplicationForm form = family();
        form.unitCode = "341899200202";
        form.householdType = HouseholdType.RURAL;
        form.applicantName = "徐桂芝";
        form.applicantIdNumber = motherId;
        ApplicationForm.MemberForm mother = Households.member("徐桂芝", motherId, Relation.SELF, LabourAbility.NONE);
        mother.disabilityGrade = 1;
        mother.disabilityKind = DisabilityKind.PHYSICAL;
        form.members = new java.util.ArrayList<>(List.of(mother,
                Households.member("徐志刚", sonId, Relation.CHILD, LabourAbility.FULL)));
        form.incomes.get(0).memberIdNumber = sonId;
        form.incomes.get(0).monthlyAmount = new BigDecimal("1500");
        form.singlePerson = true;
        form.singlePersonIdNumber = motherId;
        return form;
    }

    /** The same household with people of their own, not met by other tests or the demo records. */
    private static ApplicationForm anotherMotherAlone() {
        return motherAlone(Households.unusedIdNumber("19580617"), Households.unusedIdNumber("19850302"));
    }

    @Test
    void includesASeverelyDisabledMemberAlone() {
        // The son's income and the mother's house are in the demo verification records.
        ProcessInstance pi = driver.submit(motherAlone("341899195806171229", "341899198503021219"));
        driver.toNoticePeriod(pi, 1500);

        // 1500 / 2 = 750 per head, below 1.5 × the rural standard 620: the mother alone, class A (+30%).
        assertThat(pi).variables().containsEntry("eligible", true).containsEntry("suggestedAmount", 806.0);
        driver.endNoticePeriod(pi);
        complete(task(pi), withVariables("approvalDecision", "approve"));
        complete(task(pi), withVariables("countyDecision", "file"));
        driver.finishEnrolment(pi);

        long recipientId = registry.findByApplication(driver.applicationOf(pi).id()).orElseThrow().id();
        Assertions.assertThat(jdbc.sql("select name from recipient_member where recipient_id = ?").param(recipientId)
                .query(String.class).list()).containsExactly("徐桂芝");
    }

    @Test
    void asksToCorrectASinglePersonApplicationForAMemberTheTableDoesNotAdmit() {
        ApplicationForm form = anotherMotherAlone();
        form.members.get(0).disabilityGrade = 3;

        ProcessInstance pi = driver.submit(form);
        driver.checkMaterials(pi);

        assertThat(pi).isWaitingAt("Task_CorrectMaterials");
        Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), "missingItems"))
                .contains("单人保仅适用于一、二级残疾，三级智力、精神残疾或患重特大疾病的成员；徐桂芝不符合");
    }

    @Test
    void startsBenefitsInTheDecisionMonthWhenTheSettingSaysSo() {
        settings.setBenefitStart(DibaoSettings.BenefitStart.DECISION_MONTH);
        try {
            ProcessInstance pi = driver.submit(anotherMotherAlone());
            driver.toNoticePeriod(pi, 1500);
            driver.endNoticePeriod(pi);
            complete(task(pi), withVariables("approvalDecision", "approve"));
            complete(task(pi), withVariables("countyDecision", "file"));
            driver.finishEnrolment(pi);

            Assertions.assertThat(registry.findByApplication(driver.applicationOf(pi).id()).orElseThrow().startMonth())
                    .isEqualTo(java.time.YearMonth.from(ClockUtil.getCurrentTime().toInstant()
                            .atZone(java.time.ZoneId.systemDefault())).toString());
        } finally {
            settings.setBenefitStart(DibaoSettings.BenefitStart.NEXT_MONTH);
        }
    }

    @Nested
    class TaskForms {

        @Test
        void refuseAHomeInvestigationBySingleOfficial() {
            ProcessInstance pi = driver.submit(family());
            driver.toHomeInvestigation(pi);

            java.util.Map<String, Object> variables = DibaoProcessDriver.homeInvestigation(900);
            variables.put("investigators", "王芳");

            Assertions.assertThatThrownBy(() -> complete(task(pi), variables))
                    .hasMessageContaining("至少两名");
            assertThat(pi).isWaitingAt("Task_HomeInvestigation");
        }

        @Test
        void refuseAnEvaluationWithMoreVotesThanParticipants() {
            ProcessInstance pi = driver.submit(family());
            driver.toHomeInvestigation(pi);
            driver.investigate(pi, 900);

            Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("evaluationDate", CaseDates.today(),
                            "participantCount", 5, "agreeCount", 5, "disagreeCount", 1, "evaluationResult", "agree")))
                    .hasMessageContaining("不能超过参加评议人数");
        }

        @Test
        void showTheCaseSummaryAndLink() {
            ProcessInstance pi = driver.submit(family());
            driver.checkMaterials(pi);

            String taskId = task(pi).getId();
            Assertions.assertThat((String) taskService().getVariableLocal(taskId, "caseSummary"))
                    .contains("申请编号：" + pi.getBusinessKey(), "周建华", "清源县 城关街道 东门社区", "家庭人口：3 人");
            Assertions.assertThat(taskService().getVariableLocal(taskId, "caseLink")).isEqualTo("/cases/" + pi.getBusinessKey());
        }
    }

    @Test
    void keepsOnlyIdsAndRoutingValuesAsVariables() {
        ProcessInstance pi = driver.submit(family());

        Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys(
                "applicationId", "unitCode", "townshipCode", "countyCode", "relativeOfOfficial", "singlePerson", "catchUpFormalities",
                "caseNo", "applicantMasked", "placeName");
        Assertions.assertThat(DemoOrganisation.VILLAGE_DONGMEN).isEqualTo(runtimeService.getVariable(pi.getId(), "unitCode"));
    }
}
