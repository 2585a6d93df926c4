package org.jiuzhu.system.time;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencyReason;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.report.MonthlyReports;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.jiuzhu.casework.DueDates;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The servers run in UTC (so does this test's JVM); the day of a case, its same-day deadline, a due date
 * over working days, a report's month and the engine's own timers and expressions are Beijing's.
 */
@JiuzhuIntegrationTest
class BeijingTimeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Thursday 9 January 2031, 23:30 in Beijing, 15:30 in UTC. */
    private static final Instant THURSDAY_2330 = Instant.parse("2031-01-09T15:30:00Z");
    /** Friday 10 January 2031, 00:30 in Beijing, still Thursday 16:30 in UTC. */
    private static final Instant FRIDAY_0030 = Instant.parse("2031-01-09T16:30:00Z");

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired FilterService filterService;
    @Autowired ApplicationService applicationService;
    @Autowired DibaoProcessDriver driver;
    @Autowired EmergencyPeriods emergencies;
    @Autowired MonthlyReports reports;
    @Autowired DueDates dueDates;
    @Autowired Clock clock;

    private final List<Long> declared = new ArrayList<>();

    @BeforeEach
    void initAssertions() {
        init(processEngine);
    }

    @AfterEach
    void resetClock() {
        declared.stream().filter(id -> emergencies.find(id).orElseThrow().active()).forEach(id -> emergencies.end(id, "test"));
        ClockUtil.reset();
    }

    @Test
    void theEngineTheDatabaseAndTheClockRunInTheSettingsZoneOnAUtcServer() {
        Assertions.assertThat(clock.getZone()).isEqualTo(BEIJING);
        Assertions.assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
        Assertions.assertThat(DateTimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aCaseSubmittedAt2330BeijingCarriesThatDayAndOneAt0030TheNext() {
        at(THURSDAY_2330);
        ProcessInstance late = driver.submit(Households.poorFamilyBornIn(1983, 71));
        at(FRIDAY_0030);
        ProcessInstance early = driver.submit(Households.poorFamilyBornIn(1983, 72));

        Assertions.assertThat(late.getBusinessKey()).matches("DB-341899-20310109-\\d{4}");
        Assertions.assertThat(early.getBusinessKey()).matches("DB-341899-20310110-\\d{4}");
    }

    @Test
    void aSameDayDeadlineIsTheEndOfTheDayInBeijing() {
        at(THURSDAY_2330);
        Assertions.assertThat(dueDates.sameDay().toInstant()).isEqualTo(endOfBeijingDay(2031, 1, 9));
        at(FRIDAY_0030);
        Assertions.assertThat(dueDates.sameDay().toInstant()).isEqualTo(endOfBeijingDay(2031, 1, 10));
    }

    @Test
    void anEmergencyCaseAfterMidnightInBeijingIsDueAtTheEndOfThatDay() {
        // The decision tables hold the standards of this year: Friday 4 December 2026, 00:30 in Beijing.
        Instant fridayAfterMidnight = Instant.parse("2026-12-03T16:30:00Z");
        at(fridayAfterMidnight);
        declared.add(emergencies.declare(TOWNSHIP_CHENGGUAN, EmergencyReason.EPIDEMIC, "疫情封控（时区测试）", COUNTY_OFFICER));
        ApplicationForm household = Households.poorFamilyBornIn(1983, 73);
        household.sameDay = true;
        String caseNo = applicationService.submitPublic(household, EmergencyVariables.PROCESS_KEY);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(EmergencyVariables.PROCESS_KEY).singleResult();
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_CheckMaterials").singleResult());

        Task villageReview = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(caseNo).contains("-20261204-");
        Assertions.assertThat(villageReview.getTaskDefinitionKey()).isEqualTo("Task_VillageReview");
        Assertions.assertThat(villageReview.getDueDate().toInstant()).isEqualTo(endOfBeijingDay(2026, 12, 4));
        Assertions.assertThat(villageReview.getCreateTime().toInstant()).isEqualTo(fridayAfterMidnight);
    }

    @Test
    void workingDaysAreCountedFromTheDayInBeijing() {
        // Acceptance: 3 working days. From Thursday: Fri, Mon, Tue. From Friday: Mon, Tue, Wed.
        at(THURSDAY_2330);
        ProcessInstance thursday = driver.submit(Households.poorFamilyBornIn(1983, 74));
        driver.checkMaterials(thursday);
        at(FRIDAY_0030);
        ProcessInstance friday = driver.submit(Households.poorFamilyBornIn(1983, 75));
        driver.checkMaterials(friday);

        Assertions.assertThat(dueOf(thursday)).isEqualTo(endOfBeijingDay(2031, 1, 14));
        Assertions.assertThat(dueOf(friday)).isEqualTo(endOfBeijingDay(2031, 1, 15));
    }

    @Test
    void aCaseSubmittedAfterMidnightInBeijingCountsForTheNewMonth() {
        // A month no other test submits in: 30 June 2030 23:30 and 1 July 2030 00:30 in Beijing.
        at(Instant.parse("2030-06-30T15:30:00Z"));
        driver.submit(Households.poorFamilyBornIn(1983, 76));
        at(Instant.parse("2030-06-30T16:30:00Z"));
        driver.submit(Households.poorFamilyBornIn(1983, 77));
        driver.submit(Households.poorFamilyBornIn(1983, 78));
        Assertions.assertThat(reports.previousMonth()).isEqualTo(YearMonth.of(2030, 6));

        reports.generate(YearMonth.of(2030, 6), "test");
        reports.generate(YearMonth.of(2030, 7), "test");

        Assertions.assertThat(reports.find(TOWNSHIP_CHENGGUAN, YearMonth.of(2030, 6)).orElseThrow().figures()
                .applicationsReceived()).isEqualTo(1);
        Assertions.assertThat(reports.find(TOWNSHIP_CHENGGUAN, YearMonth.of(2030, 7)).orElseThrow().figures()
                .applicationsReceived()).isEqualTo(2);
    }

    @Test
    void theMonthlyReportTimerFiresAtTwoInTheMorningInBeijing() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("monthlyReport")
                .latestVersion().singleResult().getId();
        Job timer = managementService.createJobQuery().processDefinitionId(definitionId).timers().singleResult();

        // 02:00 on the 8th in Beijing is 18:00 on the 7th in UTC.
        ZonedDateTime dueInUtc = timer.getDuedate().toInstant().atZone(ZoneId.of("UTC"));
        Assertions.assertThat(dueInUtc.getDayOfMonth()).isEqualTo(7);
        Assertions.assertThat(dueInUtc.getHour()).isEqualTo(18);
    }

    @Test
    void theEnginesDateExpressionsOfTasklistFiltersCountInBeijingDays() {
        // Just after midnight in Beijing a task due tonight is due "today" (今日到期: before tomorrow's
        // start); counted in UTC days it would still be tomorrow's.
        at(FRIDAY_0030);
        ProcessInstance pi = driver.submit(Households.poorFamilyBornIn(1983, 79));
        driver.checkMaterials(pi);
        Task acceptance = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.setDueDate(acceptance.getId(), Date.from(endOfBeijingDay(2031, 1, 10)));
        Filter filter = filterService.saveFilter(filterService.newTaskFilter("时区测试").setQuery(taskService
                .createTaskQuery().processInstanceId(pi.getId())
                .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")));
        try {
            Assertions.assertThat(filterService.count(filter.getId())).isEqualTo(1);
        } finally {
            filterService.deleteFilter(filter.getId());
        }
    }

    @Test
    void pagesShowTimesInBeijing() {
        at(FRIDAY_0030);
        declared.add(emergencies.declare(TOWNSHIP_CHENGGUAN, EmergencyReason.EPIDEMIC, "疫情封控（时区页面）", COUNTY_OFFICER));
        WebSession county = new WebSession(port);
        county.login(COUNTY_OFFICER, PASSWORD);

        String page = county.get("/emergencies").body();

        Assertions.assertThat(page).contains("疫情封控（时区页面）").contains("2031-01-10 00:30")
                .doesNotContain("2031-01-09 16:30");
    }

    @Test
    void theWebappsLearnTheZoneFromTheServer() {
        WebSession official = new WebSession(port);
        official.login(CHENGGUAN_OFFICER, PASSWORD);

        var response = official.get("/camunda/app/jiuzhu/time-zone.json", "application/json");

        Assertions.assertThat(response.statusCode()).isEqualTo(200);
        Assertions.assertThat(response.body()).contains("\"zone\":\"Asia/Shanghai\"").contains("\"name\":\"北京时间\"");
    }

    private Instant dueOf(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate().toInstant();
    }

    private static Instant endOfBeijingDay(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 23, 59, 59, 999_000_000, BEIJING).toInstant();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
