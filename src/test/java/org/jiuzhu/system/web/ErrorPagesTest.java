package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors are answered in Chinese, by Tomcat too: our page, or Camunda's JSON error format on the APIs. */
@JiuzhuIntegrationTest
class ErrorPagesTest {

    @LocalServerPort int port;

    @Test
    void answersAMalformedAddressWithOurPageNotTomcats() {
        String answer = RawHttp.exchange(port, "GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close", "");

        assertThat(RawHttp.statusLine(answer)).contains("400");
        assertThat(RawHttp.body(answer)).contains("请求内容有误", "救助 社会救助审核审批系统")
                .doesNotContain("Tomcat", "HTTP Status", "Exception");
    }

    @Test
    void answersAMalformedHeaderWithOurPageNotTomcats() {
        String answer = RawHttp.exchange(port, "GET /login HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close", "");

        assertThat(RawHttp.statusLine(answer)).contains("400");
        assertThat(RawHttp.body(answer)).contains("请求内容有误").doesNotContain("Tomcat", "HTTP Status");
    }

    @Test
    void answersAMalformedApiAddressInCamundasErrorFormat() {
        String answer = RawHttp.exchange(port, "GET /engine-rest/% HTTP/1.1\r\nHost: localhost\r\nConnection: close", "");

        assertThat(RawHttp.statusLine(answer)).contains("400");
        assertThat(RawHttp.body(answer)).contains("\"type\":\"InvalidRequestException\"", "格式不正确")
                .doesNotContain("Tomcat");
    }

    @Test
    void answersAnUnknownApiAddressInChinese() {
        HttpResponse<String> response = new WebSession(port).getWithBasic("/engine-rest/no-such-resource",
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("您访问的地址不存在").doesNotContain("HTTP 404");
    }

    @Test
    void answersAServerErrorOfTheApiWithoutJavasWords() {
        // A deployment without a body: Camunda's REST API fails on it with a NullPointerException.
        String credentials = Base64.getEncoder().encodeToString((DemoOrganisation.ADMINISTRATOR + ":"
                + DemoOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = new WebSession(port).send("POST", "/engine-rest/deployment/create",
                Map.of("Authorization", "Basic " + credentials), null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("请稍后再试").doesNotContain("NullPointerException", "Cannot invoke");
    }

    @Test
    void answersAnUnknownPageWithOurPage() {
        WebSession official = new WebSession(port);
        official.login(DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        HttpResponse<String> page = official.get("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在", "退出登录");
    }

    @Test
    void namesAMethodThatIsNotTaken() {
        HttpResponse<String> page = new WebSession(port).postForm("/apply", "/apply/submitted", Map.of());

        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.body()).contains("不支持此操作").doesNotContain("Exception");
    }
}
