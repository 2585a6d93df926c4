package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Our pages come with a Content-Security-Policy and a Referrer-Policy; the cookies are SameSite. */
@JiuzhuIntegrationTest
class SecurityHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style|\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort int port;

    @Test
    void givesOurPagesAPolicyThatRunsNoInlineScript() {
        HttpResponse<String> page = new WebSession(port).get("/apply");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "frame-ancestors 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void leavesTheWebappsTheirOwnPolicy() {
        WebSession official = new WebSession(port);
        official.login(DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        HttpResponse<String> tasklist = official.get("/camunda/app/tasklist/default/");

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("nonce-").doesNotContain(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    @Test
    void keepsTheSessionCookieToRequestsOfThisSite() {
        HttpResponse<String> login = new WebSession(port).get("/login");

        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void keepsTheWebappsCsrfCookieToRequestsOfThisSite() {
        WebSession official = new WebSession(port);
        official.login(DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        HttpResponse<String> response = official.send("GET", "/camunda/api/engine/engine/default/task/count",
                Map.of("X-XSRF-TOKEN", "Fetch"), null);

        assertThat(response.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement().asString().containsIgnoringCase("SameSite=Lax");
    }

    /** What the policy would refuse to run: every script in a file of its own, no inline handler or style. */
    @Test
    void keepsScriptsAndStylesOutOfTheTemplates() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }

        assertThat(templates).isNotEmpty().allSatisfy(template -> assertThat(Files.readString(template))
                .as(template.toString())
                .doesNotContainPattern(INLINE_SCRIPT)
                .doesNotContainPattern(EVENT_HANDLER)
                .doesNotContainPattern(STYLE));
    }
}
