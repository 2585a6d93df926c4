package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A village officer claims the home investigation in Tasklist, dates it on the Chinese calendar of the
 * form (yyyy-MM-dd typed in stays as typed), completes it, and finds the date on the case file.
 */
@JiuzhuIntegrationTest
class HomeInvestigationBrowserTest extends BrowserTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    @Test
    void villageOfficerDatesAndCompletesTheHomeInvestigationInTasklist() {
        init(processEngine);
        // The household applied five days ago: a visit two days ago is in the past and after the application.
        ProcessInstance pi;
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(5))));
        try {
            pi = driver.submit(Households.poorFamily(900));
            driver.toHomeInvestigation(pi);
        } finally {
            ClockUtil.reset();
        }
        String visit = CaseDates.daysFromToday(-2);
        String taskId = DibaoProcessDriver.task(pi).getId();

        logIn(DemoOrganisation.DONGMEN_OFFICER, "李秀英");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[(self::button or self::a) and contains(normalize-space(.), '认领')]")));
        claim.click();
        // Claiming re-renders the form: wait for that before typing, or the first entries are lost.
        wait.until(ExpectedConditions.stalenessOf(claim));
        wait.until(d -> processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee() != null);
        sleepBriefly();

        field("调查人员").sendKeys("王芳、李强");
        WebElement date = field("调查日期");
        Assertions.assertThat(date.getAttribute("placeholder")).contains("年-月-日");
        date.click();
        WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
        List<String> weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
                .map(e -> e.getText().strip()).toList();
        Assertions.assertThat(weekdays).containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
        String month = (String) browser.executeScript(
                "const s = arguments[0].querySelector('.flatpickr-monthDropdown-months');"
                        + "return s.options[s.selectedIndex].text;", calendar);
        Assertions.assertThat(month).matches("[一二三四五六七八九十]{1,2}月");
        Assertions.assertThat(calendar.getText()).doesNotContainPattern("(?i)january|february|march|april|may|june|july"
                + "|august|september|october|november|december|\\bsun\\b|\\bmon\\b");
        screenshot("tasklist-home-investigation-calendar");

        date.sendKeys(visit);
        date.sendKeys(Keys.TAB);
        Assertions.assertThat(date.getAttribute("value")).isEqualTo(visit);
        field("调查情况").sendKeys("住房狭小，家中一人在读，妻子打零工。");
        field("核实的家庭月总收入").sendKeys("900");
        WebElement signed = browser.findElement(By.xpath("//label[contains(., '调查人员均已在入户调查表上签字')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", signed);
        signed.click();
        Assertions.assertThat(date.getAttribute("value")).isEqualTo(visit);
        screenshot("tasklist-home-investigation-filled");

        WebElement complete = browser.findElement(By.xpath("//button[contains(normalize-space(.), '完成')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                !processEngine.getRuntimeService().getActiveActivityIds(pi.getId()).contains("Task_HomeInvestigation"));
        assertThat(pi).isWaitingAt("Task_DemocraticEvaluation");
        assertThat(pi).variables().containsEntry("investigators", "王芳、李强").containsEntry("investigationDate", visit);

        browser.get("http://localhost:" + port + "/cases/" + pi.getBusinessKey());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "调查日期：" + visit));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.xpath("//td[contains(., '调查日期：" + visit + "')]")));
        screenshot("case-file-investigation-date");
    }

    private void logIn(String user, String name) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), name));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The input of the form field with this label. */
    private WebElement field(String label) {
        List<By> candidates = List.of(
                By.xpath("//label[contains(normalize-space(.), '" + label + "')]/following::input[1]"),
                By.xpath("//label[contains(normalize-space(.), '" + label + "')]/following::textarea[1]"));
        return wait.until(d -> {
            for (By by : candidates) {
                List<WebElement> found = d.findElements(by);
                if (!found.isEmpty() && found.get(0).isDisplayed()) {
                    WebElement element = found.get(0);
                    String tag = element.getTagName();
                    if (label.equals("调查情况") && !"textarea".equals(tag)) {
                        continue;
                    }
                    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                    return element;
                }
            }
            return null;
        });
    }
}
