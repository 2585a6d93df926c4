package org.jiuzhu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three places that count overdue work — /dashboard (统计分析), Cockpit's 逾期案件 and Tasklist's filter
 * 已逾期 — give each user the same number for the same cases (OverdueWork): late tasks of the cases of the
 * user's unit and below, whoever works on them; not a suspended case's, not one still in time, not a 督办.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueCountsAgreeTest {

    static final TestCounty DUIZHANG = new TestCounty("341891", "对账县");
    static final String JIA_TOWNSHIP = DUIZHANG.township(1);
    static final String JIA_VILLAGE = DUIZHANG.village(1, 1);
    static final String YI_TOWNSHIP = DUIZHANG.township(2);
    static final String YI_VILLAGE = DUIZHANG.village(2, 1);
    static final String PASSWORD = "secret-123";

    static final String COUNTY_OFFICER = "dz_county";
    static final String SUPERVISOR = "dz_supervisor";
    static final String JIA_OFFICER = "dz_jia";
    static final String JIA_LEADER = "dz_jia_leader";
    static final String JIA_VILLAGE_OFFICER = "dz_jiacun";
    static final String YI_OFFICER = "dz_yi";

    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired FilterService filterService;
    @Autowired DibaoProcessDriver driver;
    @Autowired OverdueEscalation escalation;
    @Autowired OrganisationService organisation;
    @Autowired OfficialService officials;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    /** A case late at 甲镇's acceptance. */
    ProcessInstance jiaAcceptance;

    /**
     * 甲村: a case late at 甲镇's acceptance, one late at the village's home investigation, one late at
     * acceptance but suspended. 乙村: one late at 乙乡's acceptance, one due tomorrow. The scan escalates
     * what is late, and the 督办 of the home investigation (甲镇's leaders') is itself late.
     */
    @BeforeAll
    void lateWorkOfTheTestCounty() {
        init(processEngine);
        DUIZHANG.register(organisation, JIA_TOWNSHIP, "甲镇", JIA_VILLAGE, "甲村", YI_TOWNSHIP, "乙乡", YI_VILLAGE, "乙村");
        officials.ensureOfficial(COUNTY_OFFICER, "对", "县", PASSWORD, DUIZHANG.code(), OfficialRole.OFFICER);
        officials.ensureOfficial(SUPERVISOR, "对", "督", PASSWORD, DUIZHANG.code(), OfficialRole.SUPERVISOR);
        officials.ensureOfficial(JIA_OFFICER, "甲", "镇", PASSWORD, JIA_TOWNSHIP, OfficialRole.OFFICER);
        officials.ensureOfficial(JIA_LEADER, "甲", "领", PASSWORD, JIA_TOWNSHIP, OfficialRole.LEADER);
        officials.ensureOfficial(JIA_VILLAGE_OFFICER, "甲", "村", PASSWORD, JIA_VILLAGE, OfficialRole.OFFICER);
        officials.ensureOfficial(YI_OFFICER, "乙", "乡", PASSWORD, YI_TOWNSHIP, OfficialRole.OFFICER);

        Instant now = Instant.now();
        jiaAcceptance = waitingForAcceptance(JIA_VILLAGE, 1);
        ProcessInstance jiaInvestigation = driver.submit(family(JIA_VILLAGE, 2));
        driver.toHomeInvestigation(jiaInvestigation);
        ProcessInstance suspended = waitingForAcceptance(JIA_VILLAGE, 3);
        ProcessInstance yiAcceptance = waitingForAcceptance(YI_VILLAGE, 4);
        ProcessInstance inTime = waitingForAcceptance(YI_VILLAGE, 5);
        due(task(jiaAcceptance), now.minus(Duration.ofDays(3)));
        due(task(jiaInvestigation), now.minus(Duration.ofDays(2)));
        due(task(suspended), now.minus(Duration.ofDays(2)));
        due(task(yiAcceptance), now.minus(Duration.ofDays(1)));
        due(task(inTime), now.plus(Duration.ofDays(1)));
        runtimeService.suspendProcessInstanceById(suspended.getId());

        escalation.escalateOverdueTasks();

        Task supervise = taskService.createTaskQuery().taskDefinitionKey(OverdueEscalation.SUPERVISE_TASK)
                .taskCandidateGroup("township-" + JIA_TOWNSHIP + "-leaders").singleResult();
        due(supervise, now.minus(Duration.ofHours(1)));
    }

    @Test
    void givesACountyOfficerTheSameCountInAllThree() {
        assertThat(counts(COUNTY_OFFICER)).containsExactly(3L, 3L, 3L);
    }

    @Test
    void givesTheCountysSupervisorTheSameCountInAllThree() {
        assertThat(counts(SUPERVISOR)).containsExactly(3L, 3L, 3L);
    }

    @Test
    void givesATownshipOfficerTheLateWorkOfTheTownshipsCasesInAllThree() {
        assertThat(counts(JIA_OFFICER)).containsExactly(2L, 2L, 2L);
        assertThat(counts(YI_OFFICER)).containsExactly(1L, 1L, 1L);
    }

    @Test
    void leavesTheLeadersOwnLate督办OutOfAllThree() {
        assertThat(counts(JIA_LEADER)).containsExactly(2L, 2L, 2L);
    }

    @Test
    void givesAVillageOfficerTheLateWorkOfTheVillagesCasesOnTheDashboardAndInTasklist() {
        WebSession session = session(JIA_VILLAGE_OFFICER);

        assertThat(List.of(dashboard(session), tasklist(session))).containsExactly(2L, 2L);
    }

    /** A supervisor's Cockpit, in a Chinese browser: 逾期案件 first, with the dashboard's count; nothing to change. */
    @Nested
    class InCockpit extends BrowserTest {

        /**
         * Words of Latin letters on a page: ids are hexadecimal, numbers digits. Left aside: the footer (the time zone
         * helper's), and what the engine stores as it is — variable names and raw values, the process key.
         */
        private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

        @Test
        void showsTheSupervisor逾期案件FirstAndACaseWithNothingToChange() {
            long dashboard = dashboard(session(SUPERVISOR));
            logIn(SUPERVISOR, PASSWORD);

            browser.get(url("/camunda/app/cockpit/default/#/dashboard"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".overdue-cases-list"),
                    jiaAcceptance.getBusinessKey()));
            wait.until(d -> browser.findElement(By.cssSelector(".overdue-cases")).getLocation().getY()
                    < browser.findElement(By.cssSelector("section.actual")).getLocation().getY());
            screenshot("cockpit-supervisor-dashboard");

            assertThat(browser.findElement(By.cssSelector(".overdue-cases h3")).getText()).isEqualTo("逾期案件（" + dashboard + "）").isEqualTo("逾期案件（3）");
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).isEmpty();
            assertThat(englishWords()).isEmpty();

            browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + jiaAcceptance.getId()
                    + "/runtime?tab=variables-tab"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.actions")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".definition-key"), "dibaoApplication"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".placeholder-content")));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//td[contains(@class, 'col-name')][normalize-space(.) = 'applicationId']")));
            screenshot("cockpit-supervisor-process-instance");

            // Cockpit renders its actions (cancel, suspend, add variable, edit or delete a variable), hidden.
            assertThat(browser.findElements(By.cssSelector(".ctn-toolbar view, .ctn-toolbar [provider]"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector(".ctn-toolbar"))).isNotEmpty().noneMatch(WebElement::isDisplayed);
            assertThat(browser.findElements(By.cssSelector("td.actions"))).isNotEmpty().noneMatch(WebElement::isDisplayed);
            assertThat(visibleButtons()).noneMatch(text -> text.matches("(?s).*(取消|删除|挂起|激活|修改|编辑|迁移|添加变量).*"));
            assertThat(englishWords()).isEmpty();

            browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + jiaAcceptance.getId()
                    + "/runtime?tab=user-tasks-tab"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.action")));
            screenshot("cockpit-supervisor-user-tasks");
            assertThat(browser.findElements(By.cssSelector("td.action"))).noneMatch(WebElement::isDisplayed);
            assertThat(englishWords()).isEmpty();
        }

        @Test
        void refusesTheSupervisorInChineseWhereCockpitAsksForMore() {
            logIn(SUPERVISOR, PASSWORD);

            for (String page : List.of("processes", "decisions", "tasks", "repository", "batch")) {
                browser.get(url("/camunda/app/cockpit/default/#/" + page));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ctn-view, .ctn-fixed-view, .page-header, main, [ng-view] > *")));
                // Cockpit loads each view's data after it shows the view.
                sleepABit();
                screenshot("cockpit-supervisor-" + page);
                assertThat(englishWords()).as(page).isEmpty();
            }
        }

        private void sleepABit() {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Test
        void leavesTheActionsToAnAdministrator() {
            logIn(DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);

            browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + jiaAcceptance.getId()
                    + "/runtime?tab=variables-tab"));

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ctn-toolbar")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("td.actions")));
        }

        private void logIn(String user, String password) {
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys(user);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(url("/")));
        }

        private List<String> visibleButtons() {
            return browser.findElements(By.cssSelector("button, a.btn")).stream().filter(WebElement::isDisplayed)
                    .map(button -> button.getText() + " " + button.getAttribute("uib-tooltip") + " "
                            + button.getAttribute("title"))
                    .toList();
        }

        private List<String> englishWords() {
            String text = (String) browser.executeScript(
                    "const copy = document.body.cloneNode(true);"
                    + "copy.querySelectorAll('footer, [cam-widget-footer], .bjs-powered-by, td.col-name, td.col-value, .definition-key, .definition-id').forEach(e => e.remove());"
                    + "document.body.appendChild(copy); copy.style.position = 'absolute';"
                    + "const text = copy.innerText; copy.remove(); return text;");
            List<String> words = new ArrayList<>();
            Matcher matcher = WORD.matcher(text);
            while (matcher.find()) {
                if (!matcher.group().matches("[a-fA-F]+")) {
                    words.add(matcher.group());
                }
            }
            return words;
        }

        private String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    /** Dashboard, Cockpit's 逾期案件, Tasklist's 已逾期. */
    private List<Long> counts(String user) {
        WebSession session = session(user);
        return List.of(dashboard(session), cockpit(session), tasklist(session));
    }

    private long dashboard(WebSession session) {
        return read(session.get("/dashboard/data")).get("overdueTotal").asLong();
    }

    private long cockpit(WebSession session) {
        session.get("/camunda/app/cockpit/default/");
        return read(session.get("/camunda/api/cockpit/plugin/overdue-cases/default/overdue-tasks/summary"))
                .get("total").asLong();
    }

    private long tasklist(WebSession session) {
        session.get("/camunda/app/tasklist/default/");
        String filterId = filterService.createTaskFilterQuery().filterName(OverdueTasklistFilter.NAME).singleResult().getId();
        return read(session.get("/camunda/api/engine/engine/default/filter/" + filterId + "/count")).get("count").asLong();
    }

    private WebSession session(String user) {
        WebSession session = new WebSession(port);
        session.login(user, PASSWORD);
        return session;
    }

    private JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private ProcessInstance waitingForAcceptance(String village, int household) {
        ProcessInstance pi = driver.submit(family(village, household));
        driver.checkMaterials(pi);
        return pi;
    }

    private static ApplicationForm family(String village, int sequence) {
        ApplicationForm form = Households.poorFamilyBornIn(1958, sequence);
        form.unitCode = village;
        return form;
    }

    private void due(Task task, Instant due) {
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
    }
}
