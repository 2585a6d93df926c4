package org.jiuzhu.system.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An official's computer set to New York (the server runs in UTC): Tasklist and Cockpit show when a
 * task was created and when it is due in Beijing time, and their footer says so.
 */
@JiuzhuIntegrationTest
class WebappTimeZoneBrowserTest extends BrowserTest {

    /** 7 December 2026 23:30 in Beijing; 15:30 in UTC, 10:30 in New York. */
    private static final Instant CREATED = Instant.parse("2026-12-07T15:30:00Z");
    /** 10 December 2026 00:30 in Beijing; 9 December 16:30 in UTC, 11:30 in New York. */
    private static final Instant DUE = Instant.parse("2026-12-09T16:30:00Z");
    private static final String FOOTER = "日期和时间均为北京时间";

    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void tasklistAndCockpitShowBeijingTimeOnAComputerInNewYork() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(CREATED));
        ProcessInstance pi = driver.submit(Households.poorFamily(941));
        driver.checkMaterials(pi);
        ClockUtil.reset();
        String taskId = DibaoProcessDriver.task(pi).getId();
        taskService.setDueDate(taskId, Date.from(DUE));
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));

        logIn(CHENGGUAN_OFFICER);
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details h2.task")));
        assertThat(browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
                .isEqualTo("America/New_York");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("footer-timezone"), FOOTER));
        // The due date reads "in 2 days"; its tooltip has the date and time.
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector(".task-details .due-date [am-time-ago]"))).perform();
        String due = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tooltip"))).getText();
        screenshot("time-zone-tasklist");
        assertThat(due).contains("2026年12月10日", "00:30");
        assertThat(footer()).isEqualTo(FOOTER);
        assertThat(body()).doesNotContain("UTC", "New_York");

        browser.manage().deleteAllCookies();
        logIn(ADMINISTRATOR);
        browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + pi.getId() + "/runtime?tab=user-tasks-tab"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "乡镇受理"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("footer-timezone"), FOOTER));
        screenshot("time-zone-cockpit");
        String tasks = browser.findElement(By.cssSelector("[cam-tabs], .ctn-tabbed-content")).getText();
        // Created 23:30 on the 7th, due 00:30 on the 10th: not New York's 10:30 and 11:30, nor UTC's 15:30 and 16:30.
        assertThat(tasks).contains("2026-12-07T23:30:00", "2026-12-10T00:30:00")
                .doesNotContain("10:30", "11:30", "15:30", "16:30", "2026-12-09");
        assertThat(footer()).isEqualTo(FOOTER);
        assertThat(body()).doesNotContain("UTC", "New_York");
    }

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    private String footer() {
        return browser.findElement(By.id("footer-timezone")).getText().strip();
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
