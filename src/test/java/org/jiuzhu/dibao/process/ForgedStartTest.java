package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.support.EngineUsers;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The drill's critical hole: a village officer started 最低生活保障申请审核 with another case's
 * application id and number, read that household's case file and acted on the real application. Nothing
 * a start request carries decides which case an instance works on.
 */
@JiuzhuIntegrationTest
class ForgedStartTest {

    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ApplicationRepository applications;
    @Autowired DibaoProcessDriver driver;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    ProcessInstance realCase;
    DibaoApplication realApplication;

    @BeforeEach
    void aCaseOfDongmen() {
        realCase = driver.submit(Households.poorFamily(300));
        realApplication = driver.applicationOf(realCase);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void refusesARestStartWithAnotherCasesApplicationAndNumber() {
        String forged = """
                {"businessKey": "%s", "variables": {"applicationId": {"value": %d, "type": "Long"},
                 "unitCode": {"value": "%s", "type": "String"}}}"""
                .formatted(realCase.getBusinessKey(), realApplication.id(), VILLAGE_XIMEN);

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/dibaoApplication/start", forged, XIMEN_OFFICER, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("案件编号由系统在登记时生成").doesNotContain("Exception:", "ENGINE-");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(realCase.getBusinessKey())
                .count()).isOne();
        WebSession ximen = new WebSession(port);
        ximen.login(XIMEN_OFFICER, PASSWORD);
        assertThat(ximen.get("/cases/" + realCase.getBusinessKey()).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesARestStartThatCarriesAnApplicationIdEvenWithoutTheNumber() {
        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/dibaoApplication/submit-form",
                "{\"variables\": {\"applicationId\": {\"value\": " + realApplication.id() + ", \"type\": \"Long\"}}}",
                DONGMEN_OFFICER, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("申请表中没有这些字段", "applicationId");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DibaoVariables.PROCESS_KEY)
                .variableValueEquals(DibaoVariables.APPLICATION_ID, realApplication.id()).count()).isOne();
    }

    @Test
    void refusesAStartThroughTheJavaApiThatNamesAStoredApplication() {
        // The township may start cases of 东门社区; an officer of another village is refused even earlier.
        loginAs(CHENGGUAN_OFFICER);
        VariableMap forged = Variables.createVariables()
                .putValue(DibaoVariables.APPLICATION_ID, realApplication.id())
                .putValue(DibaoVariables.UNIT_CODE, realApplication.villageCode());

        for (String process : List.of(DibaoVariables.PROCESS_KEY, EmergencyVariables.PROCESS_KEY)) {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(process, realCase.getBusinessKey(), forged))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能以已登记的申请发起新的流程");
        }
        identityService.clearAuthentication();
        DibaoApplication after = applications.get(realApplication.id());
        assertThat(after.processInstanceId()).isEqualTo(realCase.getId());
        assertThat(after.status()).isEqualTo(ApplicationStatus.IN_PROGRESS);
    }

    @Test
    void refusesTheCatchUpShortcutInAStartForm() {
        loginAs(DONGMEN_OFFICER);
        VariableMap form = Households.asStartForm(Households.poorFamily(310))
                .putValue(DibaoVariables.CATCH_UP_FORMALITIES, true);

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY, form))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("catchUpFormalities");

        HttpResponse<String> overRest = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/dibaoApplication/submit-form",
                "{\"variables\": {\"catchUpFormalities\": {\"value\": true, \"type\": \"Boolean\"}}}",
                DONGMEN_OFFICER, PASSWORD);
        assertThat(overRest.statusCode()).isEqualTo(400);
        assertThat(overRest.body()).contains("catchUpFormalities");
    }

    @Test
    void refusesStartInstructionsThatWouldSkipTheRegistration() {
        String skipping = """
                {"startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_TownshipApproval"}],
                 "skipCustomListeners": true, "variables": {}}""";

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/dibaoApplication/start", skipping, CHENGGUAN_OFFICER, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("skipCustomListeners", "startInstructions");
        assertThat(runtimeService.createProcessInstanceQuery().activityIdIn("Task_TownshipApproval")
                .variableValueEquals(DibaoVariables.UNIT_CODE, VILLAGE_DONGMEN).list())
                .allMatch(pi -> pi.getBusinessKey() != null);
    }

    @Test
    void closesMessagesAndSignalsToOfficials() {
        WebSession rest = new WebSession(port);
        String objection = """
                {"messageName": "Message_ObjectionLodged", "businessKey": "%s",
                 "processVariablesLocal": {"objectionText": {"value": "伪造的异议"}}}""".formatted(realCase.getBusinessKey());

        assertThat(rest.postJsonWithBasic("/engine-rest/message", objection, CHENGGUAN_OFFICER, PASSWORD).statusCode())
                .isEqualTo(403);
        HttpResponse<String> signal = rest.postJsonWithBasic("/engine-rest/signal", "{\"name\": \"Signal_Any\"}",
                DONGMEN_OFFICER, PASSWORD);
        assertThat(signal.statusCode()).isEqualTo(403);
        assertThat(signal.body()).contains("没有权限");
        assertThat(rest.postJsonWithBasic("/engine-rest/signal", "{\"name\": \"Signal_Any\"}", ADMINISTRATOR, PASSWORD)
                .statusCode()).isEqualTo(204);
    }

    @Test
    void letsNoTaskFormSetARoutingVariableOrAShownValue() {
        driver.checkMaterials(realCase);
        String acceptance = taskIdOf(realCase);
        WebSession rest = new WebSession(port);

        HttpResponse<String> rerouted = rest.postJsonWithBasic("/engine-rest/task/" + acceptance + "/submit-form", """
                {"variables": {"acceptanceDecision": {"value": "accept"},
                 "townshipCode": {"value": "%s"}}}""".formatted(TOWNSHIP_QINGSHAN), CHENGGUAN_OFFICER, PASSWORD);
        HttpResponse<String> shownValue = rest.postJsonWithBasic("/engine-rest/task/" + acceptance + "/complete", """
                {"variables": {"acceptanceDecision": {"value": "accept"}, "caseSummary": {"value": "改过的摘要"}}}""",
                CHENGGUAN_OFFICER, PASSWORD);

        assertThat(rerouted.statusCode()).isEqualTo(400);
        assertThat(rerouted.body()).contains("“乡镇受理”的表单中没有这些字段", "townshipCode");
        assertThat(shownValue.statusCode()).isEqualTo(400);
        assertThat(runtimeService.getVariable(realCase.getId(), DibaoVariables.TOWNSHIP_CODE)).isEqualTo(TOWNSHIP_CHENGGUAN);
        assertThat(taskIdOf(realCase)).isEqualTo(acceptance);
    }

    @Test
    void refusesAForeignFieldThroughTasklistsOwnApiToo() {
        driver.checkMaterials(realCase);
        String acceptance = taskIdOf(realCase);
        WebSession tasklist = new WebSession(port);
        tasklist.login(CHENGGUAN_OFFICER, PASSWORD);

        HttpResponse<String> rerouted = tasklist.postJsonToWebapp("/camunda/api/engine/engine/default/task/" + acceptance
                + "/submit-form", """
                {"variables": {"acceptanceDecision": {"value": "accept"}, "unitCode": {"value": "%s"}}}"""
                .formatted(VILLAGE_XIMEN));

        assertThat(rerouted.statusCode()).as(rerouted.body()).isEqualTo(400);
        assertThat(rerouted.body()).contains("unitCode");
        assertThat(taskIdOf(realCase)).isEqualTo(acceptance);
    }

    @Test
    void closesTaskVariablesErrorsAndEscalationsToOfficials() {
        driver.checkMaterials(realCase);
        String acceptance = taskIdOf(realCase);
        WebSession rest = new WebSession(port);

        HttpResponse<String> variable = rest.sendWithBasic("PUT", "/engine-rest/task/" + acceptance
                + "/variables/townshipCode", "{\"value\": \"" + TOWNSHIP_QINGSHAN + "\"}", CHENGGUAN_OFFICER, PASSWORD);
        HttpResponse<String> error = rest.postJsonWithBasic("/engine-rest/task/" + acceptance + "/bpmnError",
                "{\"errorCode\": \"OBJECTION_FOUNDED\"}", CHENGGUAN_OFFICER, PASSWORD);

        assertThat(variable.statusCode()).isEqualTo(403);
        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(runtimeService.getVariable(realCase.getId(), DibaoVariables.TOWNSHIP_CODE)).isEqualTo(TOWNSHIP_CHENGGUAN);
        assertThat(taskIdOf(realCase)).isEqualTo(acceptance);
    }

    @Test
    void stillTakesAnOfficialsStartFormOverRest() {
        VariableMap form = Households.asStartForm(Households.poorFamily(320));
        ObjectNode variables = json.createObjectNode();
        for (String name : form.keySet()) {
            TypedValue value = form.getValueTyped(name);
            ObjectNode variable = variables.putObject(name);
            if (value instanceof SerializableValue serialized) {
                variable.put("value", serialized.getValueSerialized()).put("type", "Json");
            } else {
                variable.putPOJO("value", value.getValue());
            }
        }

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/dibaoApplication/submit-form",
                json.createObjectNode().set("variables", variables).toString(), DONGMEN_OFFICER, PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).containsPattern("\"businessKey\":\"DB-341899-\\d{8}-\\d{4}\"");
    }

    private String taskIdOf(ProcessInstance pi) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery()
                .processInstanceId(pi.getId()).singleResult().getId();
    }

    private void loginAs(String userId) {
        EngineUsers.loginAs(identityService, userId);
    }
}
