package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every request body is held to the limit of its path, with a Chinese 413 (jiuzhu.requests, 1 MB by default). */
@JiuzhuIntegrationTest
class RequestSizeLimitTest {

    /** More than the 1 MB limit, less than what Tomcat swallows of a refused body (2 MB), so the client reads the answer. */
    private static final int OVERSIZED = 1_300_000;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void refusesAnOversizedFormWith413NotWithNoPermission() {
        long before = jdbc.sql("select count(*) from dibao_application").query(Long.class).single();
        Map<String, String> fields = Households.formFields(Households.poorFamilyBornIn(1966, 10));
        fields.put("address", "x".repeat(OVERSIZED));

        HttpResponse<String> page = new WebSession(port).postForm("/apply", "/apply", fields);

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("提交的内容过大", "此处最多接受 1 MB").doesNotContain("没有权限", "Exception");
        assertThat(jdbc.sql("select count(*) from dibao_application").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedTaskFormOverRestInCamundasErrorFormat() {
        HttpResponse<String> response = new WebSession(port).postJsonWithBasic("/engine-rest/task/no-such-task/submit-form",
                oversizedVariables(), DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"type\":\"BodyTooLargeException\"", "提交的内容过大：此处最多接受 1 MB");
    }

    @Test
    void countsABodySentWithoutALengthWhileItIsRead() throws IOException, InterruptedException {
        byte[] body = oversizedVariables().getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/task/no-such-task/submit-form"))
                .header("Authorization", basic(DemoOrganisation.CHENGGUAN_OFFICER))
                .header("Content-Type", "application/json")
                // A stream of unknown length goes out in chunks, with no Content-Length to refuse up front.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("提交的内容过大");
    }

    @Test
    void refusesADeclaredLengthAboveTheLimitBeforeReadingAnything() {
        String answer = RawHttp.exchange(port, """
                POST /admin/verification-records HTTP/1.1\r
                Host: localhost\r
                Content-Type: multipart/form-data; boundary=x\r
                Content-Length: 30000000""", "--x\r\n");

        assertThat(RawHttp.statusLine(answer)).contains("413");
        assertThat(RawHttp.body(answer)).contains("提交的内容过大：此处最多接受 20 MB", "分批提交");
    }

    @Test
    void asksForTheLengthOfAFormSentInChunks() throws IOException, InterruptedException {
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/apply"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("a=b".getBytes())))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.body()).contains("须注明内容长度");
    }

    private static String oversizedVariables() {
        return "{\"variables\": {\"findings\": {\"value\": \"" + "x".repeat(OVERSIZED) + "\", \"type\": \"String\"}}}";
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
