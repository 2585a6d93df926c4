package org.jiuzhu.system.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A start form our checks refuse is the caller's error over REST too: 400 with the Chinese message. */
@JiuzhuIntegrationTest
class UserErrorResponsesTest {

    @LocalServerPort int port;

    @Test
    void answersARefusedStartFormWith400AndTheChineseMessage() {
        String form = """
                {"variables": {"assistanceType": {"value": "SUDDEN"}, "reason": {"value": "FIRE"},
                  "applicantName": {"value": "刘建军"}, "applicantIdNumber": {"value": "341899197909082018"},
                  "applicantPhone": {"value": "13800005678"}, "householdSize": {"value": 3, "type": "Integer"},
                  "resident": {"value": true}, "unitCode": {"value": "341899001001"},
                  "hardshipDescription": {"value": "夜间住房失火"}, "urgent": {"value": false}}}""";

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/temporaryAssistance/submit-form", form,
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("BadUserRequestException", "身份证号").doesNotContain("Cannot instantiate");
    }

    @Test
    void leavesOtherErrorsToCamunda() {
        HttpResponse<String> response = new WebSession(port).getWithBasic("/engine-rest/process-definition/key/noSuchProcess",
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
