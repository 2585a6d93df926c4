package org.jiuzhu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@JiuzhuIntegrationTest
class MessagesAdminPageTest {

    @LocalServerPort int port;
    @Autowired OutboxMessages outbox;
    @Autowired CaseRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private TestOutbox messages;

    @BeforeEach
    void setUp() {
        messages = new TestOutbox(records, jdbc);
    }

    private OutboxSender sender(SmsGateway gateway) {
        return new OutboxSender(outbox, gateway, TestOutbox.settings(3, Duration.ofMinutes(1), Duration.ofMinutes(10),
                50, Duration.ofMinutes(5)), clock, "test");
    }

    private static SmsGateway answering(SmsGateway.Outcome outcome) {
        return new SmsGateway() {
            @Override
            public Outcome send(String phone, String text, String reference) {
                return outcome;
            }

            @Override
            public String description() {
                return "测试";
            }
        };
    }

    @Test
    void listsAFailedMessageWithThePhoneMaskedAndSendsItAgain() {
        long id = messages.queue("13812345678");
        sender(answering(SmsGateway.Outcome.permanentFailure("短信平台答复 HTTP 400：号码无效"))).sendDue();
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        HttpResponse<String> page = admin.get("/admin/messages");

        assertThat(page.statusCode()).isEqualTo(200);
        String failedTable = page.body().substring(page.body().indexOf("id=\"failed-messages\""),
                page.body().indexOf("id=\"waiting-messages\""));
        assertThat(failedTable).contains(messages.caseNo(id), "临时救助审批结果（批准）", "138****5678",
                "短信平台答复 HTTP 400：号码无效", "重新发送", "name=\"id\" value=\"" + id + "\"");
        assertThat(page.body()).contains("短信发送", "发送失败", "待发送", "仅写入日志").doesNotContain("13812345678");

        HttpResponse<String> resent = admin.postForm("/admin/messages", "/admin/messages/resend",
                Map.of("id", String.valueOf(id)));

        assertThat(resent.statusCode()).isEqualTo(302);
        TestOutbox.Row pending = messages.row(id);
        assertThat(pending.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(pending.attempts()).isZero();
        String after = admin.get("/admin/messages").body();
        assertThat(after).contains("短信已重新排队");
        assertThat(after.substring(after.indexOf("id=\"waiting-messages\""))).contains(messages.caseNo(id), "待发送");

        sender(answering(SmsGateway.Outcome.sent())).sendDue();
        TestOutbox.Row sent = messages.row(id);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(admin.get("/admin/messages").body()).doesNotContain(messages.caseNo(id));
    }

    @Test
    void resendsOnlyFailedMessages() {
        long id = messages.queue("13812345678");
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        admin.postForm("/admin/messages", "/admin/messages/resend", Map.of("id", String.valueOf(id)));
        assertThat(admin.get("/admin/messages").body()).contains("不是“发送失败”状态");
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.PENDING);

        admin.postForm("/admin/messages", "/admin/messages/resend", Map.of("id", "abc"));
        assertThat(admin.get("/admin/messages").body()).contains("请指定要重新发送的短信");
    }

    @Test
    void isClosedToOfficials() {
        long id = messages.queue("13812345678");
        sender(answering(SmsGateway.Outcome.permanentFailure("号码无效"))).sendDue();
        WebSession official = new WebSession(port);
        official.login(COUNTY_OFFICER, PASSWORD);

        HttpResponse<String> page = official.get("/admin/messages");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("没有权限");

        HttpResponse<String> resend = official.postForm("/", "/admin/messages/resend", Map.of("id", String.valueOf(id)));
        assertThat(resend.statusCode()).isEqualTo(403);
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void refusesAResendWithoutTheFormsToken() {
        long id = messages.queue("13812345678");
        sender(answering(SmsGateway.Outcome.permanentFailure("号码无效"))).sendDue();
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        HttpResponse<String> resend = admin.postWithoutCsrf("/admin/messages/resend", "id=" + id);

        assertThat(resend.statusCode()).isEqualTo(403);
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void isLinkedFromTheAdministratorsHomePage() {
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);
        assertThat(admin.get("/").body()).contains("href=\"/admin/messages\"", "短信发送");

        WebSession official = new WebSession(port);
        official.login(COUNTY_OFFICER, PASSWORD);
        assertThat(official.get("/").body()).doesNotContain("/admin/messages");
    }
}
