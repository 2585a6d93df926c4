package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person logs in once and works in our pages and in Camunda Tasklist. */
@JiuzhuIntegrationTest
class LoginBrowserTest extends BrowserTest {

    @LocalServerPort int port;

    @Test
    void logsInOnceForThePortalAndTasklist() {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        screenshot("login");
        browser.findElement(By.id("username")).sendKeys(QINGSHAN_VILLAGE_OFFICER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "王建国"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("清源县 / 青山镇 / 青山村", "经办人");
        screenshot("portal");

        browser.findElement(By.partialLinkText("任务列表")).click();

        // Tasklist opens without a second login and lists the shared filters.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位待办"));
        assertThat(browser.getPageSource()).doesNotContain("type=\"password\"");
        screenshot("tasklist");
    }

    @Test
    void showsAChineseErrorForAWrongPassword() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(WRONG_PASSWORD_USER_PAGES);
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.error"), "用户名或密码错误"));
    }
}
