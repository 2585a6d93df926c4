package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencyReason;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Under the pages' Content-Security-Policy the browser refuses nothing of ours, and every script still works. */
@JiuzhuIntegrationTest
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    /** 柳溪乡: no other test declares an emergency there. */
    private static final String LIUXI_TOWNSHIP = "341899200000";

    @LocalServerPort int port;
    @Autowired EmergencyPeriods emergencies;

    @BeforeEach
    void recordViolations() {
        // Before any script of the page runs: what the policy refused, as the browser reports it.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.refusedByPolicy = [];
                document.addEventListener('securitypolicyviolation', function (e) {
                  window.refusedByPolicy.push(e.violatedDirective + ' ' + e.blockedURI);
                });"""));
    }

    @Test
    void drawsTheDashboardAndAddsRowsWithNothingRefused() {
        logIn(DemoOrganisation.COUNTY_OFFICER);
        for (String page : List.of("/", "/reports", "/emergencies/archive", "/notices", "/status")) {
            open(page);
        }

        open("/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-applications canvas")));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("kpi-open"), "—")));
        assertThat(refused()).isEmpty();
        screenshot("csp-dashboard");

        open("/apply");
        browser.findElement(By.cssSelector("[data-add-row=member-rows]")).click();
        assertThat(browser.findElements(By.cssSelector("#member-rows tbody tr"))).hasSize(5);
        assertThat(refused()).isEmpty();
    }

    @Test
    void refusesAScriptWrittenIntoThePage() {
        open("/apply");

        // What an injected <script> would do, had a page let one through.
        Object ran = browser.executeScript("""
                var script = document.createElement('script');
                script.textContent = 'window.injectedScriptRan = true;';
                document.head.appendChild(script);
                return window.injectedScriptRan === true;""");

        assertThat(ran).isEqualTo(false);
        assertThat(refused()).singleElement().asString().startsWith("script-src");
    }

    @Test
    void asksBeforeEndingAnEmergency() {
        long period = emergencies.declare(LIUXI_TOWNSHIP, EmergencyReason.NATURAL_DISASTER, "浏览器测试：暴雨",
                DemoOrganisation.COUNTY_OFFICER);
        try {
            logIn(DemoOrganisation.COUNTY_OFFICER);
            open("/emergencies");
            By end = By.cssSelector("form[action$='/emergencies/" + period + "/end'] button");

            browser.findElement(end).click();
            Alert question = wait.until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).contains("确定结束吗");
            question.dismiss();
            assertThat(emergencies.find(period)).hasValueSatisfying(p -> assertThat(p.active()).isTrue());

            browser.findElement(end).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "紧急状态已结束"));
            assertThat(refused()).isEmpty();
        } finally {
            emergencies.find(period).filter(EmergencyPeriods.Period::active)
                    .ifPresent(p -> emergencies.end(p.id(), DemoOrganisation.COUNTY_OFFICER));
        }
    }

    @Test
    void showsTheAdministratorsPagesWithNothingRefused() {
        logIn(DemoOrganisation.ADMINISTRATOR);
        for (String page : List.of("/admin/units", "/admin/verification-records", "/admin/calendar", "/admin/migration",
                "/admin/messages", "/admin/login-attempts",
                "/no-such-page")) {
            open(page);
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        screenshot("error-page");
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.tile")));
    }

    private void open(String page) {
        browser.get("http://localhost:" + port + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        assertThat(refused()).as(page).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> refused() {
        return (List<String>) browser.executeScript("return window.refusedByPolicy;");
    }
}
