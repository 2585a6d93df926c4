package org.jiuzhu.supervision;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.organisation.OfficialRole;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.OrganisationService;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.TestCounty;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Cockpit plugin 逾期案件: its summary and pages respect authorizations, officials of a township or
 * county see the late work of their unit's cases, users without Cockpit are refused, and supervisors
 * find late cases in Cockpit. The late work is in a county of this test's own (逾期县), so that the cases other
 * tests leave in the shared database change neither the counts nor the pages.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueCasesPluginTest {

    private static final String RESOURCE = "/camunda/api/cockpit/plugin/overdue-cases/default/overdue-tasks";
    static final TestCounty YUQI = new TestCounty("341895", "逾期县");
    static final String COUNTY = YUQI.code();
    static final String BEIHU_TOWNSHIP = YUQI.township(1);
    static final String BEIHU_VILLAGE = YUQI.village(1, 1);
    static final String NANHU_TOWNSHIP = YUQI.township(2);
    static final String NANHU_VILLAGE = YUQI.village(2, 1);
    static final String SUPERVISOR = "yq_supervisor";
    static final String OTHER_COUNTYS_SUPERVISOR = "jiangan_supervisor";
    static final String BEIHU_TOWNSHIP_OFFICER = "yq_beihu";
    static final String COUNTY_OFFICER = "yq_county";
    static final String BEIHU_VILLAGE_OFFICER = "yq_beihucun";
    static final String PASSWORD = "secret-123";

    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired DibaoProcessDriver driver;
    @Autowired OverdueEscalation escalation;
    @Autowired OrganisationService organisation;
    @Autowired OfficialService officials;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    /** 北湖镇 accepts late; the earliest due of the county's cases. */
    ProcessInstance firstAcceptance;
    /** 北湖村 investigates late. */
    ProcessInstance investigation;
    /** 北湖镇 accepts late, due after the investigation. */
    ProcessInstance secondAcceptance;
    /** 南湖乡 accepts late, due last. */
    ProcessInstance nanhuAcceptance;
    /** A task of no case for the county's supervisors: no case's late work, so counted nowhere. */
    String noUnitTaskId;

    /**
     * Four late dibao tasks of 逾期县, escalated (which lets the county's supervisors see them), each
     * due a day after the other, and an older one of no unit; 江岸区 has a supervisor and no cases.
     */
    @BeforeAll
    void lateWorkOfTheTestCounty() {
        init(processEngine);
        YUQI.register(organisation, BEIHU_TOWNSHIP, "北湖镇", BEIHU_VILLAGE, "北湖村", NANHU_TOWNSHIP, "南湖乡",
                NANHU_VILLAGE, "南湖村");
        officials.ensureOfficial(SUPERVISOR, "督", "办", PASSWORD, COUNTY, OfficialRole.SUPERVISOR);
        officials.ensureOfficial(BEIHU_TOWNSHIP_OFFICER, "北", "镇", PASSWORD, BEIHU_TOWNSHIP, OfficialRole.OFFICER);
        officials.ensureOfficial(COUNTY_OFFICER, "逾", "县", PASSWORD, COUNTY, OfficialRole.OFFICER);
        officials.ensureOfficial(BEIHU_VILLAGE_OFFICER, "北", "村", PASSWORD, BEIHU_VILLAGE, OfficialRole.OFFICER);
        organisation.addUnit("420102000000", "江岸区");
        officials.ensureOfficial(OTHER_COUNTYS_SUPERVISOR, "江", "督", PASSWORD, "420102000000", OfficialRole.SUPERVISOR);

        firstAcceptance = waitingForAcceptance(BEIHU_VILLAGE, 10);
        investigation = driver.submit(family(BEIHU_VILLAGE, 20));
        driver.toHomeInvestigation(investigation);
        secondAcceptance = waitingForAcceptance(BEIHU_VILLAGE, 30);
        nanhuAcceptance = waitingForAcceptance(NANHU_VILLAGE, 40);
        Instant now = Instant.now();
        dueDaysAgo(task(firstAcceptance), 4, now);
        dueDaysAgo(task(investigation), 3, now);
        dueDaysAgo(task(secondAcceptance), 2, now);
        dueDaysAgo(task(nanhuAcceptance), 1, now);
        escalation.escalateOverdueTasks();
        taskService.setAssignee(task(firstAcceptance).getId(), BEIHU_TOWNSHIP_OFFICER);

        Task noUnit = taskService.newTask();
        noUnit.setName("核对督办台账");
        dueDaysAgo(noUnit, 10, now);
        taskService.addCandidateGroup(noUnit.getId(), "county-" + COUNTY + "-supervisors");
        noUnitTaskId = noUnit.getId();
    }

    @AfterAll
    void removeTheTaskOfNoUnit() {
        taskService.deleteTask(noUnitTaskId, true);
    }

    @Test
    void summarisesTheSupervisorsLateTasksByTownshipAndStage() {
        JsonNode summary = get(SUPERVISOR, RESOURCE + "/summary");

        Assertions.assertThat(summary.get("total").asLong()).as("not the task of no case").isEqualTo(4);
        Assertions.assertThat(summary.get("escalated").asLong()).isEqualTo(4);
        JsonNode townships = summary.get("townships");
        Assertions.assertThat(townships).hasSize(2);
        Assertions.assertThat(townships.get(0).toString()).isEqualTo("""
                {"townshipCode":"341895001000","townshipName":"北湖镇","count":3,"stages":[\
                {"stage":"乡镇受理","count":2},{"stage":"入户调查","count":1}]}""");
        Assertions.assertThat(townships.get(1).toString()).isEqualTo("""
                {"townshipCode":"341895002000","townshipName":"南湖乡","count":1,"stages":[{"stage":"乡镇受理","count":1}]}""");
    }

    @Test
    void showsAnotherCountysSupervisorNothing() {
        JsonNode summary = get(OTHER_COUNTYS_SUPERVISOR, RESOURCE + "/summary");
        JsonNode page = get(OTHER_COUNTYS_SUPERVISOR, RESOURCE);

        Assertions.assertThat(summary.toString()).isEqualTo("{\"total\":0,\"escalated\":0,\"townships\":[]}");
        Assertions.assertThat(page.get("total").asLong()).isZero();
        Assertions.assertThat(page.get("tasks")).isEmpty();
    }

    @Test
    void showsATownshipOfficerTheLateWorkOfTheTownshipsCasesAlsoAtItsVillages() {
        JsonNode summary = get(BEIHU_TOWNSHIP_OFFICER, RESOURCE + "/summary");
        JsonNode page = get(BEIHU_TOWNSHIP_OFFICER, RESOURCE);

        Assertions.assertThat(summary.get("total").asLong()).isEqualTo(3);
        Assertions.assertThat(summary.get("escalated").asLong()).isEqualTo(3);
        Assertions.assertThat(summary.get("townships").toString()).isEqualTo("""
                [{"townshipCode":"341895001000","townshipName":"北湖镇","count":3,"stages":[\
                {"stage":"乡镇受理","count":2},{"stage":"入户调查","count":1}]}]""");
        Assertions.assertThat(page.get("total").asLong()).isEqualTo(3);
        Assertions.assertThat(taskIds(page)).containsExactly(task(firstAcceptance).getId(), task(investigation).getId(),
                task(secondAcceptance).getId());
    }

    @Test
    void showsACountyOfficerTheLateWorkOfEveryCaseOfTheCountyPageByPage() {
        JsonNode summary = get(COUNTY_OFFICER, RESOURCE + "/summary");
        JsonNode first = get(COUNTY_OFFICER, RESOURCE + "?maxResults=3");
        JsonNode rest = get(COUNTY_OFFICER, RESOURCE + "?firstResult=3&maxResults=3");
        JsonNode nanhu = get(COUNTY_OFFICER, RESOURCE + "?townshipCode=" + NANHU_TOWNSHIP);

        Assertions.assertThat(summary.get("total").asLong()).as("not the supervisors' task of no case").isEqualTo(4);
        Assertions.assertThat(summary.get("townships").findValuesAsText("townshipName")).containsExactly("北湖镇", "南湖乡");
        Assertions.assertThat(first.get("total").asLong()).isEqualTo(4);
        Assertions.assertThat(taskIds(first)).containsExactly(task(firstAcceptance).getId(), task(investigation).getId(),
                task(secondAcceptance).getId());
        Assertions.assertThat(rest.get("total").asLong()).isEqualTo(4);
        Assertions.assertThat(taskIds(rest)).containsExactly(task(nanhuAcceptance).getId());
        Assertions.assertThat(nanhu.get("total").asLong()).isOne();
        Assertions.assertThat(taskIds(nanhu)).containsExactly(task(nanhuAcceptance).getId());
        Assertions.assertThat(get(COUNTY_OFFICER, RESOURCE + "?firstResult=10").get("tasks")).isEmpty();
    }

    @Test
    void refusesUsersWithoutCockpitInChinese() {
        WebSession village = cockpitSession(BEIHU_VILLAGE_OFFICER, PASSWORD);

        for (String path : List.of(RESOURCE, RESOURCE + "/summary")) {
            HttpResponse<String> refused = village.get(path);
            Assertions.assertThat(refused.statusCode()).as(path).isEqualTo(403);
            Assertions.assertThat(json(refused).get("message").asText()).as(path).startsWith("没有权限").contains("流程监控");
        }
    }

    @Test
    void pagesTheListMostOverdueFirst() {
        JsonNode all = get(SUPERVISOR, RESOURCE);
        JsonNode first = get(SUPERVISOR, RESOURCE + "?firstResult=0&maxResults=2");
        JsonNode rest = get(SUPERVISOR, RESOURCE + "?firstResult=2&maxResults=2");
        JsonNode last = get(SUPERVISOR, RESOURCE + "?firstResult=4&maxResults=2");

        Assertions.assertThat(all.get("total").asLong()).isEqualTo(4);
        Assertions.assertThat(all.get("firstResult").asInt()).isZero();
        Assertions.assertThat(all.get("maxResults").asInt()).isEqualTo(50);
        Assertions.assertThat(taskIds(all)).containsExactly(task(firstAcceptance).getId(),
                task(investigation).getId(), task(secondAcceptance).getId(), task(nanhuAcceptance).getId());
        Assertions.assertThat(first.get("total").asLong()).isEqualTo(4);
        Assertions.assertThat(taskIds(first)).containsExactly(task(firstAcceptance).getId(), task(investigation).getId());
        Assertions.assertThat(taskIds(rest)).containsExactly(task(secondAcceptance).getId(), task(nanhuAcceptance).getId());
        Assertions.assertThat(rest.get("firstResult").asInt()).isEqualTo(2);
        Assertions.assertThat(taskIds(last)).isEmpty();
        // Every page tells the same total.
        Assertions.assertThat(rest.get("total").asLong()).isEqualTo(4);
        Assertions.assertThat(last.get("total").asLong()).isEqualTo(4);
        JsonNode beyond = get(SUPERVISOR, RESOURCE + "?firstResult=10&maxResults=2");
        Assertions.assertThat(taskIds(beyond)).isEmpty();
        Assertions.assertThat(beyond.get("total").asLong()).isEqualTo(4);
        Assertions.assertThat(get(SUPERVISOR, RESOURCE + "?maxResults=1000").get("maxResults").asInt()).isEqualTo(200);
    }

    @Test
    void narrowsTheListToATownshipAndItsVillages() {
        JsonNode beihu = get(SUPERVISOR, RESOURCE + "?townshipCode=" + BEIHU_TOWNSHIP + "&maxResults=2");
        JsonNode beihuRest = get(SUPERVISOR, RESOURCE + "?townshipCode=" + BEIHU_TOWNSHIP + "&firstResult=2&maxResults=2");
        JsonNode nanhu = get(SUPERVISOR, RESOURCE + "?townshipCode=" + NANHU_TOWNSHIP);
        JsonNode chengguan = get(SUPERVISOR, RESOURCE + "?townshipCode=" + DemoOrganisation.TOWNSHIP_CHENGGUAN);

        Assertions.assertThat(beihu.get("total").asLong()).isEqualTo(3);
        Assertions.assertThat(taskIds(beihu)).containsExactly(task(firstAcceptance).getId(), task(investigation).getId());
        Assertions.assertThat(taskIds(beihuRest)).containsExactly(task(secondAcceptance).getId());
        Assertions.assertThat(nanhu.get("total").asLong()).isOne();
        Assertions.assertThat(taskIds(nanhu)).containsExactly(task(nanhuAcceptance).getId());
        Assertions.assertThat(chengguan.get("total").asLong()).isZero();
        Assertions.assertThat(chengguan.get("tasks")).isEmpty();
    }

    @Test
    void describesEachLateTask() {
        JsonNode row = get(SUPERVISOR, RESOURCE + "?maxResults=2").get("tasks").get(0);

        Assertions.assertThat(row.get("taskId").asText()).isEqualTo(task(firstAcceptance).getId());
        Assertions.assertThat(row.get("taskName").asText()).isEqualTo("乡镇受理");
        Assertions.assertThat(row.get("processInstanceId").asText()).isEqualTo(firstAcceptance.getId());
        Assertions.assertThat(row.get("processName").asText()).isEqualTo(processEngine.getRepositoryService()
                .getProcessDefinition(firstAcceptance.getProcessDefinitionId()).getName());
        Assertions.assertThat(row.get("businessKey").asText()).isEqualTo(firstAcceptance.getBusinessKey());
        Assertions.assertThat(row.get("daysOverdue").asLong()).isEqualTo(5);
        // Shown as Beijing time, whatever zone the supervisor's browser is in.
        Assertions.assertThat(row.get("dueDateText").asText()).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").format(java.time.Instant.parse(row.get("dueDate").asText())
                        .atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        Assertions.assertThat(row.get("candidateGroup").asText()).isEqualTo("township-" + BEIHU_TOWNSHIP);
        Assertions.assertThat(row.get("unitName").asText()).isEqualTo("北湖镇");
        Assertions.assertThat(row.get("townshipCode").asText()).isEqualTo(BEIHU_TOWNSHIP);
        Assertions.assertThat(row.get("townshipName").asText()).isEqualTo("北湖镇");
        Assertions.assertThat(row.get("escalated").asBoolean()).isTrue();
        Assertions.assertThat(row.get("assignee").asText()).isEqualTo(BEIHU_TOWNSHIP_OFFICER);
        Assertions.assertThat(row.get("assigneeName").asText()).as("named, not by login").isEqualTo("北镇");
    }

    @Test
    void refusesBadPagingParametersAndUnknownTownshipsInChinese() {
        WebSession session = cockpitSession(SUPERVISOR, PASSWORD);

        for (String query : List.of("?firstResult=-1", "?maxResults=0", "?maxResults=abc", "?firstResult=1.5",
                "?townshipCode=341895009000", "?townshipCode=" + BEIHU_VILLAGE, "?townshipCode=abc")) {
            HttpResponse<String> refused = session.get(RESOURCE + query);
            Assertions.assertThat(refused.statusCode()).as(query).isEqualTo(400);
            Assertions.assertThat(json(refused).get("message").asText()).as(query)
                    .matches(query.startsWith("?township") ? "未登记的乡镇（街道）代码：.+" : "分页参数无效：.+");
        }
    }

    @Test
    void servesTheFrontEnd() {
        HttpResponse<String> script = cockpitSession(DemoOrganisation.SUPERVISOR, DemoOrganisation.PASSWORD)
                .get("/camunda/api/cockpit/plugin/overdue-cases/static/app/plugin.js");

        Assertions.assertThat(script.statusCode()).isEqualTo(200);
        Assertions.assertThat(script.body()).contains("cockpit.dashboard", "逾期案件");
    }

    @Nested
    class InCockpit extends BrowserTest {

        @Test
        void showsTheLateCaseOnTheCockpitDashboard() {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys(SUPERVISOR);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));

            browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".overdue-cases-list"),
                    firstAcceptance.getBusinessKey()));
            Assertions.assertThat(browser.findElement(By.cssSelector(".overdue-cases h3")).getText()).isEqualTo("逾期案件（4）");
            Assertions.assertThat(browser.findElement(By.cssSelector(".overdue-cases-escalated")).getText())
                    .contains("已督办 4 件");
            Assertions.assertThat(browser.findElement(By.cssSelector(".overdue-cases-summary")).getText())
                    .contains("北湖镇", "乡镇受理 2、入户调查 1", "南湖乡").doesNotContain("未归属单位");
            Assertions.assertThat(browser.findElement(By.cssSelector(".overdue-cases-range")).getText())
                    .isEqualTo("第 1–4 条，共 4 条");
            Assertions.assertThat(browser.findElement(By.cssSelector(".overdue-cases-list")).getText())
                    .contains("北镇").doesNotContain(BEIHU_TOWNSHIP_OFFICER);
            browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(".overdue-cases")));
            screenshot("cockpit-overdue-cases");

            browser.findElement(By.xpath("//table[contains(@class,'overdue-cases-summary')]//button[text()='南湖乡']")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".overdue-cases-range"),
                    "第 1–1 条，共 1 条"));
            Assertions.assertThat(browser.findElement(By.cssSelector(".overdue-cases-list")).getText())
                    .contains(nanhuAcceptance.getBusinessKey()).doesNotContain(firstAcceptance.getBusinessKey());
            screenshot("cockpit-overdue-cases-nanhu");
        }
    }

    private ProcessInstance waitingForAcceptance(String village, int household) {
        ProcessInstance pi = driver.submit(family(village, household));
        driver.checkMaterials(pi);
        return pi;
    }

    private static ApplicationForm family(String village, int sequence) {
        ApplicationForm form = Households.poorFamilyBornIn(1963, sequence);
        form.unitCode = village;
        return form;
    }

    private void dueDaysAgo(Task task, int days, Instant now) {
        task.setDueDate(Date.from(now.minus(Duration.ofDays(days))));
        taskService.saveTask(task);
    }

    private JsonNode get(String user, String path) {
        HttpResponse<String> response = cockpitSession(user, PASSWORD).get(path);
        Assertions.assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json(response);
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static List<String> taskIds(JsonNode page) {
        return page.get("tasks").findValuesAsText("taskId");
    }

    private WebSession cockpitSession(String user, String password) {
        WebSession session = new WebSession(port);
        session.login(user, password);
        session.get("/camunda/app/cockpit/default/");
        return session;
    }
}
