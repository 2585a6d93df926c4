package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and the welcome page carry our name (救助) and our logo, not Camunda's, and no
 * banner asking to migrate to Camunda 8.
 */
@JiuzhuIntegrationTest
class WebappBrandingBrowserTest extends BrowserTest {

    @LocalServerPort int port;

    @Test
    void showsOurNameAndLogoAndNoMigrationBannerInEveryWebapp() throws IOException {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(DemoOrganisation.ADMINISTRATOR);
        browser.findElement(By.id("password")).sendKeys(DemoOrganisation.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));

        // The icon a browser asks for by itself, before any script runs: ours, an icon file, not Camunda's PNG.
        Object icon = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/camunda/favicon.ico').then(r => r.arrayBuffer())"
                + ".then(b => done(Array.from(new Uint8Array(b).slice(0, 4)).join(',') + ' ' + b.byteLength))");
        assertThat(icon).isEqualTo("0,0,1,0 " + Files.size(Path.of("src/main/resources/META-INF/resources/webjars/camunda/favicon.ico")));

        for (List<String> app : List.of(List.of("tasklist", "任务列表", "#/"), List.of("cockpit", "流程监控", "#/dashboard"),
                List.of("admin", "用户与权限", "#/users"), List.of("welcome", "欢迎", "#!/welcome"))) {
            browser.get(url("/camunda/app/" + app.get(0) + "/default/" + app.get(2)));
            WebElement brand = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
            WebElement logo = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand img.jiuzhu-logo")));
            wait.until(d -> browser.getTitle().contains(app.get(1)));
            screenshot("branding-" + app.get(0));

            assertThat(brand.getText()).as(app.get(0)).contains("救助").doesNotContain("Camunda");
            assertThat(logo.getAttribute("src")).as(app.get(0)).endsWith("/camunda/app/jiuzhu/logo.svg");
            assertThat(browser.findElements(By.cssSelector(".brand-logo svg"))).as(app.get(0)).isEmpty();
            assertThat(browser.getTitle()).as(app.get(0)).startsWith("救助 " + app.get(1)).doesNotContain("Camunda");
            assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).as(app.get(0))
                    .endsWith("/camunda/app/jiuzhu/logo.svg");
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).as(app.get(0)).isEmpty();
            assertThat(browser.findElements(By.cssSelector("a[href*='docs.camunda']"))).as(app.get(0)).isEmpty();
            if (app.get(0).equals("welcome")) {
                wait.until(d -> !d.findElements(By.xpath("//a[normalize-space(.) = '救助首页']")).isEmpty());
            }
            assertThat(browser.findElement(By.tagName("body")).getText()).as(app.get(0))
                    .doesNotContain("Camunda 8", "迁移到", "Camunda 7");
            if (!app.get(0).equals("welcome")) {
                wait.until(d -> !d.findElements(By.cssSelector(".jiuzhu-footer-name")).isEmpty());
                assertThat(browser.findElement(By.cssSelector(".jiuzhu-footer-name")).getText()).as(app.get(0))
                        .isEqualTo("救助 社会救助审核审批系统");
                assertThat(browser.findElement(By.tagName("body")).getText()).as(app.get(0)).doesNotContain("Camunda");
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
