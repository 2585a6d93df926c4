package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What officials may ask of the engine's APIs beyond Camunda's authorizations: narrow history, plain variables. */
@JiuzhuIntegrationTest
class EngineRequestGuardTest {

    private static final String OFFICIAL = DemoOrganisation.CHENGGUAN_OFFICER;

    @LocalServerPort int port;
    @Autowired DibaoProcessDriver driver;
    @Autowired ProcessEngine processEngine;

    /** A case at 乡镇受理 of 城关街道, made once for all the tests. */
    private static ProcessInstance pi;

    @BeforeEach
    void caseAtAcceptance() {
        if (pi == null) {
            pi = driver.submit(Households.poorFamilyBornIn(1966, 60));
            driver.checkMaterials(pi);
        }
    }

    @Test
    void refusesAnOfficialsQueryOverTheWholeHistory() {
        for (String query : new String[] {"/history/detail?maxResults=10", "/history/variable-instance/count",
            "/engine/default/history/activity-instance", "/history/user-operation?maxResults=5"}) {
            HttpResponse<String> response = newSession().getWithBasic("/engine-rest" + query, OFFICIAL,
                    DemoOrganisation.PASSWORD);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("\"type\":\"InvalidRequestException\"",
                    "须限定到具体案件、任务或执行", "processInstanceId");
        }
    }

    @Test
    void refusesAnUnnarrowedQueryPostedAsJson() {
        HttpResponse<String> response = newSession().postJsonWithBasic("/engine-rest/history/variable-instance",
                "{\"variableName\": \"unitCode\", \"processInstanceIdIn\": []}", OFFICIAL, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("须限定到具体案件");
    }

    @Test
    void answersAQueryNarrowedToACase() {
        HttpResponse<String> response = newSession().getWithBasic("/engine-rest/history/detail?processInstanceId="
                + pi.getId(), OFFICIAL, DemoOrganisation.PASSWORD);
        HttpResponse<String> posted = newSession().postJsonWithBasic("/engine-rest/history/variable-instance",
                "{\"processInstanceId\": \"" + pi.getId() + "\"}", OFFICIAL, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("unitCode");
    }

    @Test
    void keepsTheHistoryTasklistShowsWorking() {
        WebSession tasklist = newSession();
        tasklist.login(OFFICIAL, DemoOrganisation.PASSWORD);
        Map<String, String> headers = Map.of("X-XSRF-TOKEN", "Fetch");
        String api = "/camunda/api/engine/engine/default/history/user-operation";

        HttpResponse<String> ofTheTask = tasklist.send("GET", api + "?taskId=" + task(pi).getId() + "&maxResults=50",
                headers, null);
        HttpResponse<String> ofEverything = tasklist.send("GET", api + "?maxResults=50", headers, null);

        assertThat(ofTheTask.statusCode()).isEqualTo(200);
        assertThat(ofEverything.statusCode()).isEqualTo(400);
        assertThat(ofEverything.body()).contains("须限定到具体案件");
    }

    @Test
    void leavesAdministratorsUnrestricted() {
        HttpResponse<String> response = newSession().getWithBasic("/engine-rest/history/detail?maxResults=1",
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnObjectVariable() {
        HttpResponse<String> response = setVariable("""
                {"value": "[]", "type": "Object",
                 "valueInfo": {"objectTypeName": "java.util.ArrayList", "serializationDataFormat": "application/json"}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"InvalidRequestException\"", "类型 Object 不被接受");
    }

    @Test
    void refusesAnObjectVariableInsideAFormSubmission() {
        HttpResponse<String> response = newSession().postJsonWithBasic("/engine-rest/task/" + task(pi).getId()
                        + "/submit-form", """
                {"variables": {"acceptanceDecision": {"value": "accept", "type": "String"},
                  "extra": {"value": "rO0ABXQAAA==", "type": "Object", "valueInfo": {"objectTypeName": "java.lang.String",
                    "serializationDataFormat": "application/x-java-serialized-object"}}}}""",
                OFFICIAL, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("变量“extra”的类型 Object 不被接受");
    }

    @Test
    void refusesAnObjectOrArrayWithoutAType() {
        HttpResponse<String> response = setVariable("{\"value\": {\"a\": 1}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("请注明类型 Json");
    }

    @Test
    void refusesABinaryVariableUpload() {
        HttpResponse<String> response = newSession().postMultipartWithBasic("/engine-rest/task/" + task(pi).getId()
                        + "/variables/attachment/data", Map.of("valueType", "Bytes"),
                Map.of("data", "x".getBytes(StandardCharsets.UTF_8)), OFFICIAL, DemoOrganisation.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("没有权限");
    }

    @Test
    void passesPlainAndJsonValues() {
        HttpResponse<String> response = setVariable("{\"value\": \"[{\\\"name\\\": \\\"周建华\\\"}]\", \"type\": \"Json\"}");

        assertThat(response.body()).doesNotContain("不被接受", "请注明类型");
    }

    @Test
    void letsTheEngineDeserialiseNoClassARequestNamed() {
        assertThat(processEngine.getProcessEngineConfiguration().isDeserializationTypeValidationEnabled()).isTrue();
    }

    /** The value as the form field 受理意见 of a submitted task form (officials write variables no other way). */
    private HttpResponse<String> setVariable(String value) {
        return newSession().send("POST", "/engine-rest/task/" + task(pi).getId() + "/submit-form",
                Map.of("Content-Type", "application/json", "Authorization", basic(OFFICIAL)),
                "{\"variables\": {\"acceptanceDecision\": " + value + "}}");
    }

    private WebSession newSession() {
        return new WebSession(port);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
