package org.jiuzhu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.moveClock;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.supervision.OverdueEscalation;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every completed task of a case is recorded once, with its case's units, in task_completion and in the
 * monthly sums of the case's village, township and county.
 */
@JiuzhuIntegrationTest
class DashboardTaskCompletionTest {

    private static int nextSequence = 100;

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired DibaoProcessDriver driver;
    @Autowired OverdueEscalation escalation;
    @Autowired TaskCompletions completions;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance aCaseOfDongmen() {
        ApplicationForm form = Households.poorFamilyBornIn(1962, nextSequence += 10);
        ProcessInstance pi = driver.submit(form);
        driver.checkMaterials(pi);
        return pi;
    }

    @Test
    void recordsTheAcceptanceWithItsDurationAndTheUnitsOfTheCase() {
        LocalDate day = LocalDate.of(2025, 3, 10);
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
        ProcessInstance pi = aCaseOfDongmen();
        List<String> chain = List.of(DemoOrganisation.VILLAGE_DONGMEN, DemoOrganisation.TOWNSHIP_CHENGGUAN,
                DemoOrganisation.COUNTY);
        List<long[]> before = chain.stream().map(unit -> monthOf(unit, day.withDayOfMonth(1), "Task_Acceptance")).toList();

        moveClock(Duration.ofHours(50));
        complete(task(pi), withVariables("acceptanceDecision", "accept"));

        assertThat(rowsOf(pi)).singleElement().satisfies(row -> {
            assertThat(row.get("task_definition_key")).isEqualTo("Task_Acceptance");
            assertThat(row.get("task_name")).isEqualTo("乡镇受理");
            assertThat(row.get("process_definition_key")).isEqualTo("dibaoApplication");
            assertThat(row.get("business_key")).isEqualTo(pi.getBusinessKey());
            assertThat(row.get("candidate_unit_code")).isEqualTo(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            assertThat(row.get("village_code")).isEqualTo(DemoOrganisation.VILLAGE_DONGMEN);
            assertThat(row.get("township_code")).isEqualTo(DemoOrganisation.TOWNSHIP_CHENGGUAN);
            assertThat(row.get("county_code")).isEqualTo(DemoOrganisation.COUNTY);
            assertThat(row.get("duration_seconds")).isEqualTo(50L * 3600);
            assertThat(row.get("due_date")).isNotNull();
        });
        // Summed for the case's own unit, the village; the township and the county add their villages up.
        assertThat(monthOf(chain.get(0), day.withDayOfMonth(1), "Task_Acceptance")).as(chain.get(0))
                .containsExactly(before.get(0)[0] + 1, before.get(0)[1] + 50L * 3600);
        for (int i = 1; i < chain.size(); i++) {
            assertThat(monthOf(chain.get(i), day.withDayOfMonth(1), "Task_Acceptance")).as(chain.get(i))
                    .containsExactly(before.get(i));
        }
    }

    @Test
    void recordsATaskOnlyOnce() {
        ProcessInstance pi = aCaseOfDongmen();
        String taskId = task(pi).getId();
        complete(task(pi), withVariables("acceptanceDecision", "accept"));
        long monthlyBefore = totalCompletedOfDongmen();

        boolean again = completions.record(new TaskCompletions.Completion(taskId, pi.getId(), "dibaoApplication",
                pi.getBusinessKey(), "Task_Acceptance", "乡镇受理", DemoOrganisation.TOWNSHIP_CHENGGUAN,
                DemoOrganisation.VILLAGE_DONGMEN, Instant.now(), Instant.now(), null, null));

        assertThat(again).isFalse();
        assertThat(rowsOf(pi)).hasSize(1);
        assertThat(totalCompletedOfDongmen()).isEqualTo(monthlyBefore);
    }

    @Test
    void leavesOutTheSupervisionTasks() {
        ProcessInstance pi = aCaseOfDongmen();
        String lateTaskId = task(pi).getId();
        moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();
        ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(OverdueEscalation.ESCALATION_PROCESS).variableValueEquals("lateTaskId", lateTaskId)
                .singleResult();

        complete(task(supervision), withVariables("supervisionAction", "phone", "supervisionNote", "已电话催办"));
        complete(task(pi), withVariables("acceptanceDecision", "accept"));

        assertThat(rowsOf(supervision)).isEmpty();
        assertThat(rowsOf(pi)).extracting(row -> row.get("task_definition_key")).containsExactly("Task_Acceptance");
    }

    private List<Map<String, Object>> rowsOf(ProcessInstance pi) {
        return jdbc.sql("select * from task_completion where process_instance_id = ? order by completed_at")
                .param(pi.getId()).query().listOfRows();
    }

    /** Completions and their seconds in a unit's monthly sums. */
    private long[] monthOf(String unit, LocalDate month, String taskKey) {
        return jdbc.sql("""
                select coalesce(sum(completed_count), 0) as completed, coalesce(sum(total_seconds), 0) as seconds
                from stage_duration_month where unit_code = ? and month_start = ? and task_definition_key = ?""")
                .params(unit, month, taskKey)
                .query((rs, row) -> new long[] {rs.getLong("completed"), rs.getLong("seconds")})
                .single();
    }

    private long totalCompletedOfDongmen() {
        return jdbc.sql("select coalesce(sum(completed_count), 0) from stage_duration_month where unit_code = ?")
                .param(DemoOrganisation.VILLAGE_DONGMEN).query(Long.class).single();
    }
}
