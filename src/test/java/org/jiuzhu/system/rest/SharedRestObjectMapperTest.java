package org.jiuzhu.system.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API reads and writes JSON through our one mapper, exactly as through Camunda's. */
@JiuzhuIntegrationTest
class SharedRestObjectMapperTest {

    @LocalServerPort int port;

    @Test
    void servesTheRestApiWithCamundasDateFormat() {
        long before = SharedRestObjectMapper.lookups();

        HttpResponse<String> response = new WebSession(port).getWithBasic("/engine-rest/deployment?maxResults=1",
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern(
                "\"deploymentTime\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}\"");
        assertThat(SharedRestObjectMapper.lookups()).isGreaterThan(before);
    }

    @Test
    void readsRequestBodiesAsCamundaDoesIgnoringUnknownProperties() {
        long before = SharedRestObjectMapper.lookups();

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic("/engine-rest/task/count",
                "{\"assigned\": false, \"somethingTasklistMightSend\": 1}",
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"count\":");
        assertThat(SharedRestObjectMapper.lookups()).isGreaterThan(before);
    }
}
