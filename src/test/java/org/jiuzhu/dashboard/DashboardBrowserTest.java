package org.jiuzhu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.moveClock;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A county officer opens 统计分析 and sees every chart drawn. */
@JiuzhuIntegrationTest
class DashboardBrowserTest extends BrowserTest {

    private static final List<String> CHARTS = List.of("chart-open-by-stage", "chart-overdue-by-township",
            "chart-average-days", "chart-same-day", "chart-applications");
    /** 柳溪乡 柳溪村: no other test works there. */
    private static final String LIUXI_VILLAGE = "341899200201";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;

    @Test
    void drawsEveryChartForACountyOfficer() {
        aFewCasesOfLiuxi();
        browser.manage().window().setSize(new Dimension(1280, 1700));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoOrganisation.COUNTY_OFFICER);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "吴强"));

        browser.findElement(By.cssSelector("a.tile[href='/dashboard']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "统计分析"));
        for (String chart : CHARTS) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        }
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("kpi-open"), "—")));
        assertThat(browser.findElement(By.id("dashboard-error")).isDisplayed()).isFalse();
        assertThat(Integer.parseInt(browser.findElement(By.id("kpi-open")).getText())).isPositive();
        screenshot("dashboard-county");

        browser.manage().window().setSize(new Dimension(420, 2600));
        screenshot("dashboard-narrow");
    }

    /** Some cases for the charts: one late at the democratic evaluation, one just applied. */
    private void aFewCasesOfLiuxi() {
        init(processEngine);
        try {
            ClockUtil.setCurrentTime(Date.from(LocalDate.now().minusDays(20).atTime(9, 0)
                    .atZone(ZoneId.systemDefault()).toInstant()));
            ProcessInstance late = driver.submit(familyOfLiuxi(10));
            driver.checkMaterials(late);
            moveClock(Duration.ofDays(1));
            complete(task(late), withVariables("acceptanceDecision", "accept"));
            execute(job(late));
            moveClock(Duration.ofDays(2));
            driver.investigate(late, 900);
        } finally {
            ClockUtil.reset();
        }
        driver.checkMaterials(driver.submit(familyOfLiuxi(20)));
    }

    private static ApplicationForm familyOfLiuxi(int sequence) {
        ApplicationForm form = Households.poorFamilyBornIn(1963, sequence);
        form.unitCode = LIUXI_VILLAGE;
        return form;
    }
}
