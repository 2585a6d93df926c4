package org.jiuzhu.supervision;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.organisation.OfficialRole;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.OrganisationService;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.casework.WorkingCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Late work escalates by itself, once, to the level above; finishing it clears the mark, not the record. */
@JiuzhuIntegrationTest
class OverdueEscalationTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired OverdueEscalation escalation;
    @Autowired SupervisionRecords records;
    @Autowired DibaoProcessDriver driver;
    @Autowired WorkingCalendar calendar;
    @Autowired OrganisationService organisation;
    @Autowired OfficialService officials;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @AfterEach
    void reset() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void escalatesALateAcceptanceOnceToTheCountyLeaders() {
        ProcessInstance pi = driver.submit(Households.poorFamily(930));
        driver.checkMaterials(pi);
        Task late = task(pi);

        DibaoProcessDriver.moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();
        escalation.escalateOverdueTasks();

        Assertions.assertThat(records.forProcessInstance(pi.getId())).singleElement().satisfies(r -> {
            Assertions.assertThat(r.taskId()).isEqualTo(late.getId());
            Assertions.assertThat(r.escalatedTo()).isEqualTo("county-341899000000-leaders");
            Assertions.assertThat(r.townshipCode()).isEqualTo(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            Assertions.assertThat(r.resolvedAt()).isNull();
        });
        assertThat(pi).variables().containsEntry("overdue", true).containsKey("overdueSince");
        ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("supervisionEscalation").variableValueEquals("lateTaskId", late.getId()).singleResult();
        assertThat(supervision).isWaitingAt("Task_Supervise");
        assertThat(task(supervision)).hasCandidateGroup("county-341899000000-leaders");
        Assertions.assertThat((String) runtimeService.getVariable(supervision.getId(), "supervisionSummary"))
                .contains(pi.getBusinessKey(), "乡镇受理", "城关街道");
        // The 督办 task's entry in Tasklist names the late case like the case's own tasks.
        assertThat(supervision).variables().containsEntry("caseNo", pi.getBusinessKey())
                .containsEntry("applicantMasked", "周*华").containsEntry("placeName", "城关街道 东门社区");
    }

    @Test
    void takesThe督办OnlyWithItsWayAndNote() {
        ProcessInstance pi = driver.submit(Households.poorFamily(936));
        driver.checkMaterials(pi);
        Task late = task(pi);
        DibaoProcessDriver.moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();
        ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("supervisionEscalation").variableValueEquals("lateTaskId", late.getId()).singleResult();

        Assertions.assertThatThrownBy(() -> complete(task(supervision), withVariables("supervisionNote", "已电话催办")))
                .hasMessageContaining("请选择“督办方式”");
        complete(task(supervision), withVariables("supervisionAction", "phone", "supervisionNote", "已电话催办"));
        assertThat(supervision).isEnded().hasPassed("EndEvent_Supervised");
    }

    @Test
    void namesTheOfficialWhoHasTheLateTaskInThe督办ByNameNotByLogin() {
        ProcessInstance pi = driver.submit(Households.poorFamily(935));
        driver.checkMaterials(pi);
        Task late = task(pi);
        processEngine.getTaskService().claim(late.getId(), DemoOrganisation.CHENGGUAN_OFFICER);

        DibaoProcessDriver.moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();

        ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("supervisionEscalation").variableValueEquals("lateTaskId", late.getId()).singleResult();
        Assertions.assertThat((String) runtimeService.getVariable(supervision.getId(), "supervisionSummary"))
                .contains("办理人：陈志强").doesNotContain(DemoOrganisation.CHENGGUAN_OFFICER);
    }

    @Test
    void showsTheLateTaskInTheOverdueFilterOfTheLeadersButNotToAnotherCounty() {
        ProcessInstance pi = driver.submit(Households.poorFamily(940));
        driver.checkMaterials(pi);
        String lateTaskId = task(pi).getId();
        DibaoProcessDriver.moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();
        String overdueFilter = filterService.createTaskFilterQuery().filterName("已逾期").singleResult().getId();
        organisation.addUnit("420102000000", "江岸区");
        officials.ensureOfficial("jiangan_supervisor", "江", "督", "secret-123", "420102000000", OfficialRole.SUPERVISOR);

        loginAs("majing");
        List<Task> leaderSees = filterService.list(overdueFilter);
        loginAs("jiangan_supervisor");
        List<Task> otherCountySees = filterService.list(overdueFilter);

        Assertions.assertThat(leaderSees).extracting(Task::getId).contains(lateTaskId);
        Assertions.assertThat(otherCountySees).extracting(Task::getId).doesNotContain(lateTaskId);
    }

    @Test
    void completingTheLateTaskClearsTheMarkEndsTheSupervisionAndKeepsTheRecord() {
        ProcessInstance pi = driver.submit(Households.poorFamily(950));
        driver.checkMaterials(pi);
        DibaoProcessDriver.moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();
        ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("supervisionEscalation").variableValueEquals("lateTaskId", task(pi).getId())
                .singleResult();

        complete(task(pi), withVariables("acceptanceDecision", "accept"));

        assertThat(pi).variables().containsEntry("overdue", false);
        assertThat(supervision).isEnded().hasPassed("EndEvent_Resolved");
        Assertions.assertThat(records.forProcessInstance(pi.getId())).singleElement()
                .satisfies(r -> Assertions.assertThat(r.resolvedAt()).isNotNull());
    }

    @Test
    void runsAsTheScheduledScan() {
        ProcessInstance pi = driver.submit(Households.poorFamily(960));
        driver.checkMaterials(pi);
        DibaoProcessDriver.moveClock(Duration.ofDays(10));

        execute(jobQuery().processDefinitionKey("overdueScan").timers().singleResult());
        // A batch per job, as many as the late work of the whole (shared) database takes.
        for (var batch = jobQuery().processDefinitionKey("overdueScan").activityId("Task_ScanOverdueTasks").singleResult();
             batch != null;
             batch = jobQuery().processDefinitionKey("overdueScan").activityId("Task_ScanOverdueTasks").singleResult()) {
            execute(batch);
        }

        Assertions.assertThat(records.forProcessInstance(pi.getId())).hasSize(1);
        Assertions.assertThat(jobQuery().processDefinitionKey("overdueScan").timers().count())
                .as("the next scan is scheduled").isOne();
    }

    @Test
    void countsWorkingDaysAcrossAWeekendAHolidayAndAMakeUpDay() {
        LocalDate friday = LocalDate.of(2031, 1, 3);
        Assertions.assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 1, 6));

        calendar.put(LocalDate.of(2031, 1, 6), false, "测试节假日");
        Assertions.assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 1, 7));

        calendar.put(LocalDate.of(2031, 1, 4), true, "测试调休上班");
        Assertions.assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 1, 4));
        Assertions.assertThat(calendar.addWorkingDays(friday, 3)).isEqualTo(LocalDate.of(2031, 1, 8));
        calendar.remove(LocalDate.of(2031, 1, 4));
        calendar.remove(LocalDate.of(2031, 1, 6));
    }

    private void loginAs(String userId) {
        identityService.clearAuthentication();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }
}
