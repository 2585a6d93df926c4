package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.BrowserTest;
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

/** A village officer claims the home investigation in Tasklist, fills the Camunda Form and completes it. */
@JiuzhuIntegrationTest
class HomeInvestigationBrowserTest extends BrowserTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    @Test
    void villageOfficerCompletesTheHomeInvestigationInTasklist() {
        init(processEngine);
        ProcessInstance pi = driver.submit(Households.poorFamily(900));
        driver.toHomeInvestigation(pi);
        String taskId = DibaoProcessDriver.task(pi).getId();

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoOrganisation.DONGMEN_OFFICER);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "李秀英"));

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[(self::button or self::a) and contains(normalize-space(.), '认领')]")));
        screenshot("tasklist-home-investigation-unclaimed");
        claim.click();
        // Claiming re-renders the form: wait for that before typing, or the first entries are lost.
        wait.until(ExpectedConditions.stalenessOf(claim));
        wait.until(d -> processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee() != null);
        sleepBriefly();

        field("调查人员").sendKeys("王芳、李强");
        WebElement date = field("调查日期");
        date.sendKeys("11/20/2026");
        date.sendKeys(Keys.TAB);
        field("调查情况").sendKeys("住房狭小，家中一人在读，妻子打零工。");
        field("核实的家庭月总收入").sendKeys("900");
        WebElement signed = browser.findElement(By.xpath("//label[contains(., '调查人员均已在入户调查表上签字')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", signed);
        signed.click();
        screenshot("tasklist-home-investigation-filled");

        WebElement complete = browser.findElement(By.xpath("//button[contains(normalize-space(.), '完成')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                !processEngine.getRuntimeService().getActiveActivityIds(pi.getId()).contains("Task_HomeInvestigation"));
        screenshot("tasklist-home-investigation-completed");
        assertThat(pi).isWaitingAt("Task_DemocraticEvaluation");
        org.assertj.core.api.Assertions.assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
                .getAssignee()).isEqualTo(DemoOrganisation.DONGMEN_OFFICER);
        assertThat(pi).variables().containsEntry("investigators", "王芳、李强");
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
                    return element;
                }
            }
            return null;
        });
    }
}
