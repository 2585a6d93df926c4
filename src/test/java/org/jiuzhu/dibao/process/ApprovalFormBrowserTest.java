package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The township official sees on the approval form what the decision rests on, read-only. */
@JiuzhuIntegrationTest
class ApprovalFormBrowserTest extends BrowserTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void townshipApprovalShowsInvestigationEvaluationAndNotice() {
        init(processEngine);
        ProcessInstance pi = driver.submit(Households.poorFamily(990));
        driver.toTownshipApproval(pi);
        ClockUtil.reset();
        openInTasklist(DibaoProcessDriver.task(pi).getId());

        WebElement basis = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[contains(., '决定依据')]/following::textarea[1]")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", basis);
        screenshot("tasklist-township-approval-basis");
        Assertions.assertThat(basis.getAttribute("disabled")).isNotNull();
        Assertions.assertThat(basis.getAttribute("value"))
                .contains("【入户调查】", "调查日期：", "【民主评议】", "评议日期：", "【资格认定与金额测算】", "【公示】");
    }

    @Test
    void readsACommaInAnAmountAsAThousandsSeparator() {
        init(processEngine);
        ProcessInstance pi = driver.submit(Households.poorFamily(991));
        driver.toTownshipApproval(pi);
        ClockUtil.reset();
        openInTasklist(DibaoProcessDriver.task(pi).getId());

        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[(self::button or self::a) and contains(normalize-space(.), '认领')]")));
        claim.click();
        wait.until(ExpectedConditions.stalenessOf(claim));
        WebElement changeAmount = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(., '批准，调整保障金额')]")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", changeAmount);
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[contains(., '核定月保障金')]/following::input[1]")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", amount);
        amount.click();
        amount.sendKeys("1,500");
        screenshot("tasklist-township-approval-amount-with-comma");

        Assertions.assertThat(amount.getAttribute("value")).isEqualTo("1500");
    }

    /** The township official logs in and opens the task in Tasklist. */
    private void openInTasklist(String taskId) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoOrganisation.CHENGGUAN_OFFICER);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "陈志强"));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    }
}
