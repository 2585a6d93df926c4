package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen's form posted with a token that no longer fits (a long pause, an expired session) comes
 * back filled in with a fresh token and a notice, never "no permission", and nothing is stored.
 */
@JiuzhuIntegrationTest
class StaleFormTest {

    private static final String NOTICE = "页面停留时间过长，请核对后再次提交";
    private static int nextSequence = 7300;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired ApplicationRepository applications;
    @Autowired NoticeBoard board;

    @Test
    void showsTheApplicationAgainAsTypedAndStoresNothing() {
        WebSession visitor = new WebSession(port);
        visitor.get("/apply");
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        long before = count("dibao_application");

        HttpResponse<String> page = visitor.postFormWithToken("/apply", Households.formFields(form), "yesterdays-token");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NOTICE, "value=\"" + form.applicantName + "\"",
                        "value=\"" + form.members.get(1).idNumber + "\"", "name=\"_csrf\"")
                .doesNotContain("没有此项功能的权限");
        assertThat(count("dibao_application")).isEqualTo(before);

        HttpResponse<String> resubmitted = visitor.postFormWithToken("/apply", Households.formFields(form),
                csrfTokenOf(page.body()));
        assertThat(resubmitted.statusCode()).isEqualTo(302);
        assertThat(count("dibao_application")).isEqualTo(before + 1);
    }

    @Test
    void showsTheApplicationAgainWhenTheSessionHasExpired() {
        // A browser whose session is gone: no session cookie at all, a token from the old page.
        WebSession visitor = new WebSession(port);
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        long before = count("dibao_application");

        HttpResponse<String> page = visitor.postFormWithToken("/apply", Households.formFields(form), "old-session-token");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NOTICE, "value=\"" + form.applicantPhone + "\"", "name=\"_csrf\"");
        assertThat(count("dibao_application")).isEqualTo(before);
    }

    @Test
    void showsTheLookUpAgainWithoutCountingAMiss() {
        WebSession visitor = new WebSession(port);
        long misses = count("status_lookup_miss");

        HttpResponse<String> page = visitor.postFormWithToken("/status",
                Map.of("applicationNo", "DB-341899-20261123-0042", "idLast4", "1012"), "stale");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NOTICE, "value=\"DB-341899-20261123-0042\"", "value=\"1012\"")
                .doesNotContain("未找到");
        assertThat(count("status_lookup_miss")).isEqualTo(misses);
    }

    @Test
    void showsTheObjectionAgainAndLodgesNothing() {
        ProcessInstance pi = new DibaoCases(processEngine, applicationService)
                .submit(Households.poorFamily(nextSequence += 10));
        new DibaoCases(processEngine, applicationService).toNoticePeriod(pi);
        NoticeBoard.Notice notice = board.activeForApplication(
                applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow().id()).orElseThrow();
        long objections = count("objection");
        WebSession visitor = new WebSession(port);

        HttpResponse<String> page = visitor.postFormWithToken("/notices/" + notice.id() + "/objection",
                Map.of("content", "该户有门面出租，收入未申报", "contact", ""), "stale");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NOTICE, "该户有门面出租，收入未申报", "周*华");
        assertThat(count("objection")).isEqualTo(objections);
    }

    @Test
    void anOfficialsFormWithAStaleTokenIsStillRefused() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.postFormWithToken("/admin/units", Map.of("code", "341899300000"), "stale").statusCode())
                .isEqualTo(403);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String csrfTokenOf(String html) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
