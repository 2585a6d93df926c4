package org.jiuzhu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The applicant's pages in a browser: where the case stands (step bar, dates, deadline, what to correct
 * and whom to ask), the written notice as a printable document, and the pages on a phone.
 */
@JiuzhuIntegrationTest
class PublicPagesBrowserTest extends BrowserTest {

    private static int nextSequence = 7700;

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired Clock clock;

    DibaoCases cases;

    @BeforeEach
    void setUp() {
        cases = new DibaoCases(processEngine, applicationService);
    }

    @Test
    void showsTheStepsOfADibaoCaseWithTheirDatesAndTheDeadlineOfTheCurrentOne() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        cases.toAcceptance(pi);
        complete(task(pi), withVariables("acceptanceDecision", "accept"));
        execute(job(pi));
        Task investigation = task(pi);
        assertThat(investigation.getTaskDefinitionKey()).isEqualTo("Task_HomeInvestigation");
        String today = LocalDate.now(clock).toString();
        String due = LocalDate.ofInstant(investigation.getDueDate().toInstant(), clock.getZone()).toString();

        lookUp(pi.getBusinessKey(), form.applicantIdNumber);

        List<WebElement> steps = browser.findElements(By.cssSelector("ol.steps li.step"));
        assertThat(steps).extracting(step -> step.findElement(By.className("step-label")).getText())
                .containsExactly("提交", "受理", "核对", "入户调查", "评议", "公示", "审批", "备案");
        for (int i = 0; i < 3; i++) {
            assertThat(steps.get(i).getAttribute("class")).contains("done");
            assertThat(steps.get(i).getText()).contains(today + " 完成");
        }
        assertThat(steps.get(3).getAttribute("class")).contains("current");
        assertThat(steps.get(3).getAttribute("aria-current")).isEqualTo("step");
        assertThat(steps.get(3).getText()).contains("办理中", "办理时限：" + due + " 前");
        assertThat(steps.subList(4, 8)).allSatisfy(step -> assertThat(step.getText()).contains("待办理"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(form.applicantName);
        screenshot("status-steps-dibao");
    }

    @Test
    void showsATemporaryAssistanceCaseWithItsOwnSteps() {
        String idNumber = Households.unusedIdNumber("19800101");
        ProcessInstance pi = startTemporaryAssistance(idNumber);
        Task review = task(pi);
        String due = LocalDate.ofInstant(review.getDueDate().toInstant(), clock.getZone()).toString();

        lookUp(pi.getBusinessKey(), idNumber);

        List<WebElement> steps = browser.findElements(By.cssSelector("ol.steps li.step"));
        assertThat(steps).extracting(step -> step.findElement(By.className("step-label")).getText())
                .containsExactly("提交", "乡镇审核", "审批", "发放");
        assertThat(steps.get(0).getText()).contains(LocalDate.now(clock) + " 完成");
        assertThat(steps.get(1).getAttribute("class")).contains("current");
        assertThat(steps.get(1).getText()).contains("办理时限：" + due + " 前");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("临时救助", pi.getBusinessKey(), "张*山").doesNotContain("张大山", idNumber);
        screenshot("status-steps-temporary");
    }

    @Test
    void tellsWhatToCorrectAndWhomToContact() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        form.members.get(2).idNumber = Households.withWrongChecksum(form.members.get(2).idNumber);
        ProcessInstance pi = cases.submit(form);
        execute(job(pi));
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_CorrectMaterials");

        lookUp(pi.getBusinessKey(), form.applicantIdNumber);

        WebElement correction = browser.findElement(By.cssSelector(".status-result .correction"));
        assertThat(correction.getText()).contains("需要补正的材料", "校验");
        String contacts = browser.findElement(By.cssSelector(".status-result .contacts")).getText();
        assertThat(contacts).contains("城关街道社会事务办公室", "0558-6211002", "解放路 16 号", "东门社区居委会", "0558-6211101");
        assertThat(browser.findElement(By.cssSelector("li.step.current")).getText()).contains("受理");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).doesNotContain(form.members.get(2).idNumber, form.members.get(2).name, form.applicantPhone);
        screenshot("status-correction");
    }

    @Test
    void printsTheWrittenNoticeAsAnA4DocumentWithoutNavigation() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        cases.toAcceptance(pi);
        complete(task(pi), withVariables("acceptanceDecision", "reject", "rejectionReason", "申请人户籍不在本街道"));
        execute(job(pi));

        lookUp(pi.getBusinessKey(), form.applicantIdNumber);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已办结：不予受理");
        browser.findElement(By.linkText("查看和打印决定书")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice-document")));

        String document = browser.findElement(By.cssSelector(".notice-document")).getText();
        assertThat(document).contains("清源县城关街道办事处", "最低生活保障申请不予受理决定书", pi.getBusinessKey(), "周*华：",
                        "决定不予受理", "申请人户籍不在本街道", "《社会救助暂行办法》", "60 日内", "清源县人民政府", "行政复议",
                        "6 个月内", "行政诉讼", LocalDate.now(clock).getYear() + "年")
                .doesNotContain("不予批准", form.applicantName);
        screenshot("notice-document");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector(".site-header")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".document-actions")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".notice-document")).isDisplayed()).isTrue();
        screenshot("notice-document-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // A browser that has not looked the case up gets the look-up form, not the notice.
        WebSession stranger = new WebSession(port);
        assertThat(stranger.get("/status/notice/" + pi.getBusinessKey()).statusCode()).isEqualTo(302);
        // The officials' case file links the same document, with the full name; another unit's official sees nothing.
        WebSession township = new WebSession(port);
        township.login(DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);
        assertThat(township.get("/cases/" + pi.getBusinessKey()).body())
                .contains("href=\"/cases/" + pi.getBusinessKey() + "/notice\"");
        assertThat(township.get("/cases/" + pi.getBusinessKey() + "/notice").body())
                .contains("不予受理决定书", ">" + form.applicantName + "</span>：");
        WebSession otherVillage = new WebSession(port);
        otherVillage.login(DemoOrganisation.QINGSHAN_VILLAGE_OFFICER, DemoOrganisation.PASSWORD);
        assertThat(otherVillage.get("/cases/" + pi.getBusinessKey() + "/notice").statusCode()).isEqualTo(404);
    }

    @Test
    void thePublicPagesFitAPhoneWithoutSidewaysScrolling() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        cases.toNoticePeriod(pi);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));

        browser.get(url("/apply"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "最低生活保障申请"));
        assertFitsThePhone("mobile-apply");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertFitsThePhone("mobile-apply-errors");
        scrollTo("#member-rows");
        screenshot("mobile-apply-members");

        lookUp(pi.getBusinessKey(), form.applicantIdNumber);
        assertFitsThePhone("mobile-status");
        scrollTo("ol.steps");
        screenshot("mobile-status-steps");

        browser.get(url("/notices"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.notices")));
        assertThat(browser.findElement(By.cssSelector("table.notices tbody")).getText()).contains("周*华");
        assertFitsThePhone("mobile-notices");
    }

    private void assertFitsThePhone(String screenshotName) {
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        screenshot(screenshotName);
        assertThat(scrollWidth.intValue()).as(screenshotName + " scrollWidth").isLessThanOrEqualTo(390);
    }

    private void scrollTo(String selector) {
        browser.executeScript("arguments[0].scrollIntoView();", browser.findElement(By.cssSelector(selector)));
    }

    private void lookUp(String caseNo, String idNumber) {
        browser.get(url("/status"));
        browser.findElement(By.id("applicationNo")).sendKeys(caseNo);
        browser.findElement(By.id("idLast4")).sendKeys(idNumber.substring(14));
        browser.findElement(By.cssSelector("form.lookup button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status-result")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Started in Tasklist by the township officer of 城关街道; waits at 乡镇审核 after the amount suggestion. */
    private ProcessInstance startTemporaryAssistance(String idNumber) {
        String official = DemoOrganisation.CHENGGUAN_OFFICER;
        List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(official).list()
                .stream().map(Group::getId).toList();
        processEngine.getIdentityService().setAuthentication(official, groups);
        ProcessInstance pi;
        try {
            pi = processEngine.getRuntimeService().startProcessInstanceByKey("temporaryAssistance",
                    Variables.createVariables()
                            .putValue("assistanceType", "SUDDEN").putValue("reason", "FIRE")
                            .putValue("applicantName", "张大山").putValue("applicantIdNumber", idNumber)
                            .putValue("applicantPhone", "13900002222").putValue("householdSize", 3)
                            .putValue("resident", true).putValue("unitCode", DemoOrganisation.VILLAGE_DONGMEN)
                            .putValue("hardshipDescription", "住房失火，家具衣物全部烧毁").putValue("urgent", false));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_SuggestAmount").singleResult());
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_TownshipReview");
        return pi;
    }
}
