package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A township official's working day in Tasklist: the list opens on the unit's work with its count, each
 * entry names its case; in a task the official sets a follow-up date as a reminder, and is not offered the
 * due date (which the rules set), nor 创建任务.
 */
@JiuzhuIntegrationTest
class TasklistOfficialBrowserTest extends BrowserTest {

    private static final AtomicInteger HOUSEHOLDS = new AtomicInteger(80);

    @LocalServerPort int port;
    @Autowired DibaoProcessDriver driver;
    @Autowired TaskService taskService;

    @Test
    void anOfficialSetsAFollowUpDateButIsNotOfferedTheDueDate() {
        Task task = task(caseAtAcceptance());
        login(CHENGGUAN_OFFICER);
        browser.get(tasklist() + "#/?task=" + task.getId());
        WebElement followUp = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[cam-tasklist-task-meta] .followup-date")));
        wait.until(d -> !d.findElements(By.cssSelector("[cam-tasklist-task-meta] .due-date [am-time-ago]")).isEmpty());
        assertThat(followUp.getText()).contains("跟进");
        assertThat(browser.findElements(By.cssSelector("[cam-tasklist-task-meta] .reset-due-date")))
                .allSatisfy(reset -> assertThat(reset.isDisplayed()).isFalse());
        assertThat(browser.findElement(By.cssSelector("li.create-task-action")).isDisplayed()).isFalse();
        screenshot("tasklist-official-task-header");

        browser.findElement(By.cssSelector("[cam-tasklist-task-meta] .due-date[cam-widget-inline-field]")).click();
        assertThat(openDatePickers()).as("the due date does not open for editing").isEmpty();

        followUp.click();
        WebElement day = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'uib-daypicker') or contains(@class,'uib-datepicker')]"
                        + "//button[not(@disabled)][.//span[normalize-space(.)='28' and not(contains(@class,'text-muted'))]]")));
        day.click();
        screenshot("tasklist-official-follow-up-picker");
        String picker = browser.findElements(By.cssSelector("[uib-datepicker]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).findFirst().orElseThrow();
        assertThat(picker).contains("年", "日", "六").doesNotContain("Sun", "Sat", "December", "January");
        WebElement ok = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'cam-widget-inline-field') and contains(@class,'btn-group')]//button[.//span[contains(@class,'glyphicon-ok')]]")));
        ok.click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                taskService.createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate() != null);
        sleep(1000);
        screenshot("tasklist-official-follow-up-set");
        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("Cannot construct", "CamundaFormRef", "Exception");
        assertThat(browser.findElements(By.cssSelector(".notifications .alert-danger"))).isEmpty();
    }

    @Test
    void anAdministratorIsOfferedTheDueDate() {
        Task task = task(caseAtAcceptance());
        login(ADMINISTRATOR);
        browser.get(tasklist() + "#/?task=" + task.getId());
        WebElement reset = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-tasklist-task-meta] .reset-due-date")));

        assertThat(reset.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("li.create-task-action")).isDisplayed()).isTrue();
    }

    @Test
    void theTaskListOpensOnTheUnitsWorkAndNamesEachCase() {
        ProcessInstance pi = caseAtAcceptance();
        String applicationNo = pi.getBusinessKey();
        login(CHENGGUAN_OFFICER);
        browser.get(tasklist());

        WebElement active = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".task-filter.active")));
        wait.until(d -> !active.findElement(By.cssSelector(".counter")).getText().isBlank());
        assertThat(active.getText()).contains("本单位待办");
        assertThat(Integer.parseInt(active.findElement(By.cssSelector(".counter")).getText().strip())).isPositive();

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')][contains(., '" + applicationNo + "')]")));
        sleep(500);
        screenshot("tasklist-official-task-list");
        assertThat(card.getText()).contains("申请编号", applicationNo, "申请人", "周*华", "村（社区）", "城关街道 东门社区", "到期")
                .doesNotContain("周建华");
        assertThat(card.findElements(By.cssSelector(".priority")))
                .allSatisfy(priority -> assertThat(priority.isDisplayed()).isFalse());
    }

    @Test
    void anOfficialOfAnotherTownshipWhoOpensTheTaskReadsAPlainChineseRefusal() {
        Task task = task(caseAtAcceptance());
        login(QINGSHAN_VILLAGE_OFFICER);
        browser.get(tasklist() + "#/?task=" + task.getId());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "该任务不存在或已经办结"));
        sleep(500);
        screenshot("tasklist-task-of-another-unit");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("<task>", "&lt;", "<-", "乡镇受理", "周建华");
    }

    @Test
    void aColleagueWhoHoldsTheTaskIsNamedNotByLogin() {
        Task task = task(caseAtAcceptance());
        taskService.claim(task.getId(), CHENGGUAN_OFFICER);
        login(CHENGGUAN_LEADER);
        browser.get(tasklist() + "#/?task=" + task.getId());

        WebElement assignee = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-tasklist-task-meta] .assignee")));
        wait.until(d -> assignee.getText().contains("志强"));
        assertThat(assignee.getText()).contains("陈", "志强").doesNotContain(CHENGGUAN_OFFICER);
    }

    private ProcessInstance caseAtAcceptance() {
        ProcessInstance pi = driver.submit(Households.poorFamilyBornIn(1968, HOUSEHOLDS.incrementAndGet()));
        driver.checkMaterials(pi);
        return pi;
    }

    private List<WebElement> openDatePickers() {
        sleep(500);
        return browser.findElements(By.cssSelector(".cam-widget-inline-field.field-control"));
    }

    private void login(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
