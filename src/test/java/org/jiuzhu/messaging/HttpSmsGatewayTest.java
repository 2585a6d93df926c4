package org.jiuzhu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiuzhu.messaging.SmsGateway.Outcome.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSmsGatewayTest {

    private final SmsTestServer platform = new SmsTestServer();

    @AfterEach
    void stop() {
        platform.close();
    }

    private HttpSmsGateway gateway(URI url, Duration timeout) {
        return new HttpSmsGateway(new SmsProperties.Http(url, "secret-key", "X-Api-Key", Duration.ofSeconds(1), timeout),
                new ObjectMapper());
    }

    @Test
    void postsPhoneTextAndReferenceAsJsonWithTheKeyAndCountsA2xxAsSent() {
        platform.answer(202, "{\"accepted\":true}");

        SmsGateway.Outcome outcome = gateway(platform.url(), Duration.ofSeconds(5))
                .send("13812345678", "您的申请已批准。", "jiuzhu-42");

        assertThat(outcome.kind()).isEqualTo(Kind.SENT);
        SmsTestServer.Received request = platform.received().get(0);
        assertThat(request.key()).isEqualTo("secret-key");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.body().path("phone").asText()).isEqualTo("13812345678");
        assertThat(request.body().path("text").asText()).isEqualTo("您的申请已批准。");
        assertThat(request.body().path("reference").asText()).isEqualTo("jiuzhu-42");
    }

    @Test
    void treatsA4xxAsARefusalForGoodWithTheReasonAndThePhoneMasked() {
        platform.answer(400, "{\"error\":\"invalid phone 13812345678\"}");

        SmsGateway.Outcome outcome = gateway(platform.url(), Duration.ofSeconds(5))
                .send("13812345678", "文本", "jiuzhu-1");

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT_FAILURE);
        assertThat(outcome.detail()).contains("HTTP 400", "invalid phone 138****5678").doesNotContain("13812345678");
    }

    @Test
    void triesA5xxATooManyRequestsAndATimeoutAgain() {
        HttpSmsGateway gateway = gateway(platform.url(), Duration.ofMillis(500));

        platform.answer(503, "");
        assertThat(gateway.send("13812345678", "文本", "jiuzhu-1"))
                .isEqualTo(SmsGateway.Outcome.retry("短信平台答复 HTTP 503"));

        platform.answer(429, "slow down");
        assertThat(gateway.send("13812345678", "文本", "jiuzhu-1").kind()).isEqualTo(Kind.RETRY);

        platform.answer(200, "");
        platform.delay(Duration.ofSeconds(2));
        SmsGateway.Outcome timedOut = gateway.send("13812345678", "文本", "jiuzhu-1");
        assertThat(timedOut.kind()).isEqualTo(Kind.RETRY);
        assertThat(timedOut.detail()).contains("没有应答");
    }

    @Test
    void triesAgainWhenThePlatformCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SmsGateway.Outcome outcome = gateway(URI.create("http://127.0.0.1:" + closedPort + "/sms"), Duration.ofSeconds(2))
                .send("13812345678", "文本", "jiuzhu-1");

        assertThat(outcome).isEqualTo(SmsGateway.Outcome.retry("无法连接短信平台"));
    }

    @Test
    void namesThePlatformWithoutCredentials() {
        assertThat(gateway(URI.create("https://user:secret@sms.example.cn:8443/send"), Duration.ofSeconds(2)).description())
                .isEqualTo("HTTP 短信平台 https://sms.example.cn:8443");
    }

    @Test
    void needsAnAddress() {
        assertThatThrownBy(() -> gateway(null, Duration.ofSeconds(2)))
                .hasMessageContaining("jiuzhu.sms.http.url");
    }

    @Test
    void masksPhoneNumbers() {
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask(" 13812345678 ")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("****");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("****");
    }
}
