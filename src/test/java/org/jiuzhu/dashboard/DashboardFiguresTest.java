package org.jiuzhu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.moveClock;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencyReason;
import org.jiuzhu.organisation.OfficialRole;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.OrganisationService;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.TestCounty;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures of /dashboard/data for cases of a county of this test's own (看板县), so that the cases
 * other tests add to the shared database do not change them: stages, overdue work, durations from
 * task_completion, same-day compliance and applications per month, each within the user's scope.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFiguresTest {

    static final TestCounty KANBAN = new TestCounty("341897", "看板县");
    static final String COUNTY = KANBAN.code();
    static final String DONGHU_TOWNSHIP = KANBAN.township(1);
    static final String DONGHU_VILLAGE = KANBAN.village(1, 1);
    static final String XIHU_VILLAGE = KANBAN.village(1, 2);
    static final String NANSHAN_TOWNSHIP = KANBAN.township(2);
    static final String NANSHAN_VILLAGE = KANBAN.village(2, 1);
    static final String PASSWORD = "secret-123";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired OrganisationService organisation;
    @Autowired OfficialService officials;
    @Autowired DibaoProcessDriver driver;
    @Autowired ApplicationRepository applications;
    @Autowired EmergencyPeriods periods;
    @Autowired EmergencyArchive archive;
    @Autowired ObjectMapper json;

    /** 40 days ago at 09:00: last month or the one before, always within the 12 months shown. */
    final Instant dayOne = LocalDate.now().minusDays(40).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant();
    ProcessInstance investigated;
    ProcessInstance accepted;
    ProcessInstance waitingForAcceptance;
    ProcessInstance justApplied;
    long emergency;

    /**
     * 东湖村: one case accepted after 2 days and investigated after 1 more, now at the democratic
     * evaluation; one accepted after 4 days, now at the home investigation. 西湖村: one case waiting for
     * acceptance since day one. All three are late by now. 南山村: a case submitted today (not late) and
     * four same-day applications pledged on day one — filed by the county that day, the next day, not yet
     * (approved and paid by the township), and never (refused).
     */
    @BeforeAll
    void casesOfTheTestCounty() {
        init(processEngine);
        KANBAN.register(organisation, DONGHU_TOWNSHIP, "东湖镇", DONGHU_VILLAGE, "东湖村", XIHU_VILLAGE, "西湖村",
                NANSHAN_TOWNSHIP, "南山乡", NANSHAN_VILLAGE, "南山村");
        officials.ensureOfficial("kb_county", "看", "板", PASSWORD, COUNTY, OfficialRole.OFFICER);
        officials.ensureOfficial("kb_supervisor", "督", "办", PASSWORD, COUNTY, OfficialRole.SUPERVISOR);
        officials.ensureOfficial("kb_donghu_town", "东", "镇", PASSWORD, DONGHU_TOWNSHIP, OfficialRole.OFFICER);
        officials.ensureOfficial("kb_donghu", "东", "湖", PASSWORD, DONGHU_VILLAGE, OfficialRole.OFFICER);
        officials.ensureOfficial("kb_xihu", "西", "湖", PASSWORD, XIHU_VILLAGE, OfficialRole.OFFICER);
        try {
            ClockUtil.setCurrentTime(Date.from(dayOne));
            investigated = driver.submit(family(DONGHU_VILLAGE, 10));
            driver.checkMaterials(investigated);
            moveClock(Duration.ofDays(2));
            complete(task(investigated), withVariables("acceptanceDecision", "accept"));
            execute(job(investigated));
            moveClock(Duration.ofDays(1));
            driver.investigate(investigated, 900);

            ClockUtil.setCurrentTime(Date.from(dayOne));
            accepted = driver.submit(family(DONGHU_VILLAGE, 20));
            driver.checkMaterials(accepted);
            moveClock(Duration.ofDays(4));
            complete(task(accepted), withVariables("acceptanceDecision", "accept"));
            execute(job(accepted));

            ClockUtil.setCurrentTime(Date.from(dayOne));
            waitingForAcceptance = driver.submit(family(XIHU_VILLAGE, 30));
            driver.checkMaterials(waitingForAcceptance);

            emergency = periods.declare(NANSHAN_TOWNSHIP, EmergencyReason.NATURAL_DISASTER, "山洪（看板测试）", "kb_county");
            long filedTheSameDay = pledge(40);
            long filedTheNextDay = pledge(50);
            archive.granted(pledge(60), new BigDecimal("2340.00"));
            archive.outcome(pledge(80), EmergencyArchive.Outcome.REJECTED);
            ClockUtil.setCurrentTime(Date.from(dayOne.plus(Duration.ofHours(6))));
            archive.file(filedTheSameDay, UnitLevel.COUNTY, "kb_county");
            ClockUtil.setCurrentTime(Date.from(dayOne.plus(Duration.ofHours(25))));
            archive.file(filedTheNextDay, UnitLevel.COUNTY, "kb_county");
        } finally {
            ClockUtil.reset();
        }
        justApplied = driver.submit(family(NANSHAN_VILLAGE, 70));
        driver.checkMaterials(justApplied);
    }

    @AfterAll
    void endTheEmergency() {
        if (periods.find(emergency).orElseThrow().active()) {
            periods.end(emergency, "test");
        }
        ClockUtil.reset();
    }

    private static ApplicationForm family(String village, int sequence) {
        ApplicationForm form = Households.poorFamilyBornIn(1961, sequence);
        form.unitCode = village;
        return form;
    }

    /** A same-day application of 南山村 on day one, in the archive with its pledge (the emergency process
     * itself is tested in EmergencySameDayProcessTest; the test county has no dibao standard to pay by). */
    private long pledge(int sequence) {
        ApplicationForm form = family(NANSHAN_VILLAGE, sequence);
        long id = applications.insert("KB-" + COUNTY.substring(0, 6) + "-" + sequence, COUNTY, NANSHAN_TOWNSHIP, form,
                "PUBLIC", null, dayOne, null);
        archive.open(id, emergency, "本人承诺所填情况属实", NANSHAN_VILLAGE, NANSHAN_TOWNSHIP, COUNTY);
        return id;
    }

    @Test
    void countsTheOpenCasesOfTheCountyByStageInTheOrderOfTheProcess() {
        JsonNode figures = figuresOf("kb_county");

        assertThat(figures.get("scope").asText()).isEqualTo("看板县");
        assertThat(stages(figures, "openByStage", "count")).containsExactly(
                Map.entry("乡镇受理", 2.0), Map.entry("入户调查", 1.0), Map.entry("民主评议", 1.0));
        assertThat(figures.get("openByStage").findValuesAsText("processKey")).containsOnly("dibaoApplication");
    }

    @Test
    void countsLateTasksByTheTownshipOfTheirCaseListingTownshipsWithNone() {
        JsonNode figures = figuresOf("kb_county");

        assertThat(townships(figures)).containsExactly(Map.entry("东湖镇", 3L), Map.entry("南山乡", 0L));
        assertThat(figures.get("overdueTotal").asLong()).isEqualTo(3);
    }

    @Test
    void averagesTheDaysPerStageOverTheCompletedTasks() {
        JsonNode figures = figuresOf("kb_county");

        assertThat(stages(figures, "averageDaysByStage", "averageDays")).containsExactly(
                Map.entry("乡镇受理", 3.0), Map.entry("入户调查", 1.0));
        assertThat(stages(figures, "averageDaysByStage", "completed")).containsExactly(
                Map.entry("乡镇受理", 2.0), Map.entry("入户调查", 1.0));
    }

    @Test
    void measuresSameDayFilingOfTheEmergencyCases() {
        JsonNode sameDay = figuresOf("kb_county").get("emergencySameDay");

        assertThat(sameDay.get("filed").asLong()).isEqualTo(2);
        assertThat(sameDay.get("sameDay").asLong()).isEqualTo(1);
        assertThat(sameDay.get("inReview").asLong()).isEqualTo(1);
        assertThat(sameDay.get("rate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void countsApplicationsPerMonthForTwelveMonths() {
        JsonNode figures = figuresOf("kb_county");

        Map<String, Long> months = new LinkedHashMap<>();
        figures.get("applicationsPerMonth").forEach(m -> months.put(m.get("month").asText(), m.get("count").asLong()));
        YearMonth thisMonth = YearMonth.now();
        String monthOfDayOne = YearMonth.from(LocalDate.ofInstant(dayOne, ZoneId.systemDefault())).toString();
        assertThat(months).hasSize(12);
        assertThat(months.keySet()).first().isEqualTo(thisMonth.minusMonths(11).toString());
        assertThat(months.keySet()).last().isEqualTo(thisMonth.toString());
        assertThat(months.get(monthOfDayOne)).isEqualTo(7);
        assertThat(months.get(thisMonth.toString())).isEqualTo(1);
        assertThat(months.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
    }

    @Test
    void showsAVillageOnlyItsOwnCases() {
        JsonNode donghu = figuresOf("kb_donghu");
        JsonNode xihu = figuresOf("kb_xihu");

        assertThat(donghu.get("scope").asText()).isEqualTo("东湖村");
        assertThat(stages(donghu, "openByStage", "count")).containsExactly(
                Map.entry("入户调查", 1.0), Map.entry("民主评议", 1.0));
        assertThat(townships(donghu)).containsExactly(Map.entry("东湖镇", 2L));
        assertThat(stages(donghu, "averageDaysByStage", "averageDays")).containsExactly(
                Map.entry("乡镇受理", 3.0), Map.entry("入户调查", 1.0));
        assertThat(donghu.get("emergencySameDay").get("filed").asLong()).isZero();
        assertThat(donghu.get("emergencySameDay").get("rate").isNull()).isTrue();

        assertThat(stages(xihu, "openByStage", "count")).containsExactly(Map.entry("乡镇受理", 1.0));
        assertThat(townships(xihu)).containsExactly(Map.entry("东湖镇", 1L));
        assertThat(xihu.get("averageDaysByStage")).isEmpty();
        assertThat(xihu.get("applicationsPerMonth").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(1);
    }

    @Test
    void showsATownshipTheCasesOfItsVillagesAlsoWhereTheCountyWorksOnThem() {
        JsonNode township = figuresOf("kb_donghu_town");

        assertThat(township.get("scope").asText()).isEqualTo("东湖镇");
        assertThat(stages(township, "openByStage", "count")).containsExactly(
                Map.entry("乡镇受理", 1.0), Map.entry("入户调查", 1.0), Map.entry("民主评议", 1.0));
        assertThat(townships(township)).containsExactly(Map.entry("东湖镇", 3L));
        assertThat(township.get("emergencySameDay").get("filed").asLong()).isZero();
    }

    @Test
    void showsTheCountysSupervisorTheWholeCounty() {
        JsonNode supervisor = figuresOf("kb_supervisor");

        assertThat(supervisor.get("scope").asText()).isEqualTo("看板县");
        assertThat(townships(supervisor)).containsExactly(Map.entry("东湖镇", 3L), Map.entry("南山乡", 0L));
        assertThat(supervisor.get("emergencySameDay").get("filed").asLong()).isEqualTo(2);
    }

    @Test
    void showsAnotherCountyNoneOfTheseCasesAndAnAdministratorAll() {
        JsonNode qingyuan = figuresOf(DemoOrganisation.COUNTY_OFFICER);
        JsonNode administrator = figuresOf(DemoOrganisation.ADMINISTRATOR);

        assertThat(qingyuan.get("scope").asText()).isEqualTo("清源县");
        assertThat(qingyuan.get("overdueByTownship").findValuesAsText("code"))
                .doesNotContain(DONGHU_TOWNSHIP, NANSHAN_TOWNSHIP).contains(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        assertThat(administrator.get("scope").asText()).isEqualTo("全部地区");
        assertThat(townships(administrator)).containsEntry("东湖镇", 3L).containsKey("城关街道");
    }

    @Test
    void countsTheCasesOfAProcessAddedFromTheModelerButNotTheSupervisionOfLateTasks() {
        String county = "341896000000";
        String township = "341896001000";
        String village = "341896001001";
        organisation.addUnit(county, "新增流程县");
        organisation.addUnit(township, "新增流程镇");
        organisation.addUnit(village, "新增流程村");
        officials.ensureOfficial("kb_added_county", "新", "增", PASSWORD, county, OfficialRole.OFFICER);
        processEngine.getRepositoryService().createDeployment().name("dashboard-added-case")
                .addClasspathResource("dashboard/dashboard-added-case.bpmn").deploy();
        for (int i = 0; i < 3; i++) {
            ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("dashboardAddedCase",
                    Map.of("unitCode", village, "taskGroup", "village-" + village));
            if (i == 0) {
                org.camunda.bpm.engine.task.Task late = task(pi);
                late.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(1))));
                processEngine.getTaskService().saveTask(late);
            }
        }
        processEngine.getRuntimeService().startProcessInstanceByKey(
                org.jiuzhu.supervision.OverdueEscalation.ESCALATION_PROCESS, Map.of("escalatedTo", "township-" + township,
                        "supervisionSummary", "逾期任务：村级审查", "caseLink", "/", "lateTaskId", "none",
                        "unitCode", village));

        JsonNode figures = figuresOf("kb_added_county");

        assertThat(figures.get("processes").findValuesAsText("key")).contains("dashboardAddedCase")
                .doesNotContain(org.jiuzhu.supervision.OverdueEscalation.ESCALATION_PROCESS, "overdueScan");
        assertThat(figures.get("processes").findValuesAsText("key").subList(0, 3))
                .containsExactly("dibaoApplication", "emergencySameDay", "temporaryAssistance");
        assertThat(stages(figures, "openByStage", "count")).containsExactly(Map.entry("村级审查", 3.0));
        assertThat(townships(figures)).containsExactly(Map.entry("新增流程镇", 1L));
        assertThat(figures.get("overdueTotal").asLong()).isEqualTo(1);
        // The other counties do not count these cases.
        assertThat(figuresOf("kb_county").get("openByStage").findValuesAsText("processKey")).containsOnly("dibaoApplication");
    }

    @Test
    void refusesUsersWithoutAUnit() {
        if (identityService.createUserQuery().userId("kb_nobody").count() == 0) {
            User user = identityService.newUser("kb_nobody");
            user.setFirstName("无");
            user.setLastName("单位");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        WebSession session = new WebSession(port);
        session.login("kb_nobody", PASSWORD);

        assertThat(session.get("/dashboard/data").statusCode()).isEqualTo(403);
        assertThat(session.get("/dashboard").statusCode()).isEqualTo(403);
    }

    private JsonNode figuresOf(String user) {
        WebSession session = new WebSession(port);
        session.login(user, user.startsWith("kb_") ? PASSWORD : DemoOrganisation.PASSWORD);
        HttpResponse<String> response = session.get("/dashboard/data");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stage name → a number of each entry of the list, in the order given. */
    private static List<Map.Entry<String, Double>> stages(JsonNode figures, String list, String field) {
        return java.util.stream.StreamSupport.stream(figures.get(list).spliterator(), false)
                .map(s -> Map.entry(s.get("stage").asText(), s.get(field).asDouble())).toList();
    }

    private static Map<String, Long> townships(JsonNode figures) {
        Map<String, Long> townships = new LinkedHashMap<>();
        figures.get("overdueByTownship").forEach(t -> townships.put(t.get("name").asText(), t.get("count").asLong()));
        return townships;
    }
}
