package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A NUL character, which PostgreSQL cannot store in text, is refused in any input with a Chinese 400. */
@JiuzhuIntegrationTest
class NulCharacterTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void refusesItInAFormField() {
        ApplicationForm household = Households.poorFamilyBornIn(1966, 20);
        Map<String, String> fields = Households.formFields(household);
        fields.put("applicantName", "周\0建华");

        HttpResponse<String> page = new WebSession(port).postForm("/apply", "/apply", fields);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("空字符").doesNotContain("Exception");
        assertThat(jdbc.sql("select count(*) from dibao_application where applicant_id_number = ?")
                .param(household.applicantIdNumber).query(Long.class).single()).isZero();
    }

    @Test
    void refusesItInTheQuery() {
        HttpResponse<String> page = new WebSession(port).get("/notices?village=3418%00");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("空字符");
    }

    @Test
    void refusesItEscapedInAJsonBody() {
        String start = """
                {"variables": {"assistanceType": {"value": "SUDDEN"}, "reason": {"value": "FIRE"},
                  "applicantName": {"value": "钱\\u0000多多"}, "applicantIdNumber": {"value": "341899197909082017"},
                  "applicantPhone": {"value": "13800005678"}, "householdSize": {"value": 3, "type": "Integer"},
                  "resident": {"value": true}, "unitCode": {"value": "341899001001"},
                  "hardshipDescription": {"value": "夜间住房失火"}, "urgent": {"value": false}}}""";

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/temporaryAssistance/submit-form", start,
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"InvalidRequestException\"", "空字符");
        assertThat(jdbc.sql("select count(*) from temporary_assistance_case where applicant_name like '钱%多多'")
                .query(Long.class).single()).isZero();
    }
}
