package org.jiuzhu.supervision;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.organisation.OfficialRole;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.OrganisationService;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Cockpit plugin 逾期案件: its resource respects authorizations, and supervisors find late cases in Cockpit. */
@JiuzhuIntegrationTest
class OverdueCasesPluginTest extends BrowserTest {

    private static final String RESOURCE = "/camunda/api/cockpit/plugin/overdue-cases/default/overdue-tasks";

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @Autowired OverdueEscalation escalation;
    @Autowired OrganisationService organisation;
    @Autowired OfficialService officials;
    @LocalServerPort int port;

    ProcessInstance lateCase;
    String lateTaskId;

    @BeforeEach
    void aLateEscalatedCase() {
        init(processEngine);
        lateCase = driver.submit(Households.poorFamily(970));
        driver.checkMaterials(lateCase);
        lateTaskId = task(lateCase).getId();
        DibaoProcessDriver.moveClock(Duration.ofDays(10));
        escalation.escalateOverdueTasks();
        organisation.addUnit("420102000000", "江岸区");
        officials.ensureOfficial("jiangan_supervisor", "江", "督", "secret-123", "420102000000", OfficialRole.SUPERVISOR);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void listsTheLateTaskForTheCountysSupervisorOnly() {
        HttpResponse<String> supervisor = cockpitSession(DemoOrganisation.SUPERVISOR, DemoOrganisation.PASSWORD).get(RESOURCE);
        HttpResponse<String> otherCounty = cockpitSession("jiangan_supervisor", "secret-123").get(RESOURCE);

        Assertions.assertThat(supervisor.statusCode()).isEqualTo(200);
        Assertions.assertThat(supervisor.body()).contains(lateTaskId, lateCase.getBusinessKey(), "城关街道", "乡镇受理",
                "\"processName\":\"" + processEngine.getRepositoryService().getProcessDefinition(lateCase.getProcessDefinitionId()).getName() + "\"",
                "\"escalated\":true", "\"daysOverdue\":");
        Assertions.assertThat(otherCounty.statusCode()).isEqualTo(200);
        Assertions.assertThat(otherCounty.body()).doesNotContain(lateTaskId);
    }

    @Test
    void servesTheFrontEnd() {
        HttpResponse<String> script = cockpitSession(DemoOrganisation.SUPERVISOR, DemoOrganisation.PASSWORD)
                .get("/camunda/api/cockpit/plugin/overdue-cases/static/app/plugin.js");

        Assertions.assertThat(script.statusCode()).isEqualTo(200);
        Assertions.assertThat(script.body()).contains("cockpit.dashboard", "逾期案件");
    }

    @Test
    void showsTheLateCaseOnTheCockpitDashboard() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoOrganisation.SUPERVISOR);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "郑燕"));

        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".overdue-cases"),
                lateCase.getBusinessKey()));
        screenshot("cockpit-overdue-cases");
    }

    private WebSession cockpitSession(String user, String password) {
        WebSession session = new WebSession(port);
        session.login(user, password);
        session.get("/camunda/app/cockpit/default/");
        return session;
    }
}
