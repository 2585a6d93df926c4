package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.jiuzhu.support.DemoOrganisation.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps follow the browser's language: a township officer whose browser is Chinese
 * finds, claims and completes a task in Chinese Tasklist and watches it in Chinese Cockpit, an
 * administrator works in Chinese Admin; for an English browser the same pages are English. The
 * webapps' logout ends at our login page.
 */
@JiuzhuIntegrationTest
class WebappLanguageBrowserTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    @Nested
    class ForAChineseBrowser extends Webapps {

        @Test
        void showsTasklistCockpitAndAdminInChinese() {
            String taskId = aCaseWaitingForAcceptance(980);
            logIn(CHENGGUAN_OFFICER);

            openTasklist(taskId);
            // Free tasks are the administrators' (创建任务 is not offered to an official).
            assertThat(body()).contains("发起流程", "表单", "历史", "流程图", "说明").doesNotContain("创建任务");
            screenshot("webapps-zh-tasklist");
            WebElement claim = button("认领");
            claim.click();
            wait.until(ExpectedConditions.stalenessOf(claim));
            wait.until(d -> taskService().createTaskQuery().taskId(taskId).singleResult().getAssignee() != null);
            // Completing without a choice: Camunda Forms' own message, in Chinese.
            WebElement early = button("完成");
            // (a notification of the claim may still cover it: click it as a script would)
            browser.executeScript("arguments[0].click()", early);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), "此项为必填项"));
            assertThat(browser.findElement(By.cssSelector(".task-details")).getText()).doesNotContain("Field is required");
            screenshot("webapps-zh-tasklist-required");
            WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//label[contains(normalize-space(.), '材料齐全，予以受理')]")));
            accept.click();
            screenshot("webapps-zh-tasklist-claimed");
            WebElement complete = button("完成");
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
            browser.executeScript("arguments[0].click()", complete);
            wait.until(d -> taskService().createTaskQuery().taskId(taskId).count() == 0);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), "请在列表中选择一个任务"));

            openCockpit();
            assertThat(body()).contains("流程", "决策", "人工任务", "更多", "运行中的流程实例", "逾期案件");
            screenshot("webapps-zh-cockpit");
            // A view that needs more than the official's own unit: the engine's refusal, in Chinese.
            browser.get(url("/camunda/app/cockpit/default/#/tasks"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "权限，请联系系统管理员"));
            assertThat(body()).doesNotContain("does not have", "permission on resource");
            screenshot("webapps-zh-cockpit-tasks");

            logOutInTheWebapp();
            assertThat(body()).contains("您已退出登录");

            logIn(ADMINISTRATOR);
            openAdmin();
            assertThat(body()).contains("用户", "用户组", "租户", "授权", "系统");
            screenshot("webapps-zh-admin");
        }
    }

    @Nested
    class ForAnEnglishBrowser extends Webapps {

        @Override
        protected String language() {
            return "en-US";
        }

        @Test
        void showsTheSamePagesInEnglish() {
            String taskId = aCaseWaitingForAcceptance(990);
            logIn(CHENGGUAN_OFFICER);

            openTasklist(taskId);
            assertThat(body()).contains("Start process", "Form", "History", "Diagram", "Description")
                    .doesNotContain("发起流程", "认领", "Create task");
            button("Claim");
            screenshot("webapps-en-tasklist");

            openCockpit();
            assertThat(body()).contains("Processes", "Decisions", "Human Tasks", "More", "Running Process Instances")
                    .doesNotContain("人工任务");
            screenshot("webapps-en-cockpit");

            logOutInTheWebapp();
            logIn(ADMINISTRATOR);
            openAdmin();
            assertThat(body()).contains("Users", "Groups", "Tenants", "Authorizations", "System")
                    .doesNotContain("用户组");
            screenshot("webapps-en-admin");
        }
    }

    /** What both browsers do: the webapps' pages and our login page. */
    abstract class Webapps extends BrowserTest {

        /** A new case of 东门社区, checked: 城关街道 may accept it. */
        String aCaseWaitingForAcceptance(int household) {
            init(processEngine);
            ProcessInstance pi = driver.submit(Households.poorFamily(household));
            driver.checkMaterials(pi);
            return DibaoProcessDriver.task(pi).getId();
        }

        void logIn(String user) {
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys(user);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(url("/")));
        }

        void openTasklist(String taskId) {
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details h2.task")));
        }

        void openCockpit() {
            browser.get(url("/camunda/app/cockpit/default/#/dashboard"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".overdue-cases")));
        }

        void openAdmin() {
            browser.get(url("/camunda/app/admin/default/#/users"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cam-table")));
        }

        /** The logout in the user menu of the webapp's header. */
        void logOutInTheWebapp() {
            browser.findElement(By.cssSelector("li.account > a.dropdown-toggle")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
            wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
        }

        WebElement button(String text) {
            return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[(self::button or self::a) and normalize-space(.) = '" + text + "']")));
        }

        String body() {
            return browser.findElement(By.tagName("body")).getText();
        }

        TaskService taskService() {
            return processEngine.getTaskService();
        }

        String url(String path) {
            return "http://localhost:" + port + path;
        }
    }
}
