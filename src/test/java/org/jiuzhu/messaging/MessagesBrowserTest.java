package org.jiuzhu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.Clock;
import java.time.Duration;

import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.support.BrowserTest;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator finds a message the SMS platform refused and sends it again. */
@JiuzhuIntegrationTest
class MessagesBrowserTest extends BrowserTest {

    @LocalServerPort int port;
    @Autowired OutboxMessages outbox;
    @Autowired CaseRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void sendsAFailedMessageAgainFromTheAdministratorsPage() {
        TestOutbox messages = new TestOutbox(records, jdbc);
        long id = messages.queue("13812345678");
        new OutboxSender(outbox, new SmsGateway() {
            @Override
            public Outcome send(String phone, String text, String reference) {
                return Outcome.retry("短信平台答复 HTTP 503");
            }

            @Override
            public String description() {
                return "测试";
            }
        }, TestOutbox.settings(1, Duration.ofMinutes(1), Duration.ofMinutes(10), 50, Duration.ofMinutes(5)), clock,
                "test").sendDue();
        String caseNo = messages.caseNo(id);

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(ADMINISTRATOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tiles")));
        browser.findElement(By.partialLinkText("短信发送")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "短信发送"));
        WebElement row = browser.findElement(By.xpath("//table[@id='failed-messages']//tr[td/a[text()='" + caseNo + "']]"));
        assertThat(row.getText()).contains("138****5678", "短信平台答复 HTTP 503（已尝试 1 次）");
        screenshot("messages-failed");

        row.findElement(By.xpath(".//button[text()='重新发送']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "短信已重新排队"));
        WebElement waiting = browser.findElement(By.xpath("//table[@id='waiting-messages']//tr[td/a[text()='" + caseNo + "']]"));
        assertThat(waiting.getText()).contains("待发送", "138****5678");
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.PENDING);
        screenshot("messages-resent");
    }
}
