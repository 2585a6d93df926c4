package org.jiuzhu.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Camunda Modeler does against the running system: deploy over REST with Basic auth (only
 * administrators), the model rules on every upload, decision changes taking effect, and the
 * migration of running cases to a new version.
 */
@JiuzhuIntegrationTest
class ModelerDeployTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired DecisionService decisionService;
    @Autowired FormService formService;
    @LocalServerPort int port;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void letsAnAdministratorDeploy() throws IOException {
        HttpResponse<String> response = deploy("Test_ModelerDeploy", model("Test_ModelerDeploy", false), DemoOrganisation.ADMINISTRATOR);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("deployedProcessDefinitions").size()).isOne();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_ModelerDeploy").count()).isOne();
    }

    @Test
    void refusesAnOfficialAndAnAnonymousCaller() {
        byte[] model = model("Test_NotAllowed", false);

        assertThat(deploy("Test_NotAllowed", model, DemoOrganisation.DONGMEN_OFFICER).statusCode()).isEqualTo(403);
        assertThat(deploy("Test_NotAllowed", model, DemoOrganisation.COUNTY_OFFICER).statusCode()).isEqualTo(403);
        assertThat(deploy("Test_NotAllowed", model, null).statusCode()).isEqualTo(401);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_NotAllowed").count()).isZero();
    }

    @Test
    void refusesAModelThatBreaksTheRulesWithTheViolationsInChinese() {
        String broken = new String(model("Test_Broken", false), StandardCharsets.UTF_8)
                .replace("camunda:candidateGroups=\"township-${townshipCode}\"", "");

        HttpResponse<String> response = deploy("Test_Broken", broken.getBytes(StandardCharsets.UTF_8), DemoOrganisation.ADMINISTRATOR);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("建模规则", "Task_Review", "候选组");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_Broken").count()).isZero();
    }

    @Test
    void appliesAChangedDecisionTableToTheNextDecision() throws IOException {
        String original = Files.readString(Path.of("processes", "dibaoStandard.dmn"));
        String raised = original.replace("<text>810</text>", "<text>835</text>");
        assertThat(raised).isNotEqualTo(original);
        try {
            HttpResponse<String> response = deployFile("dibaoStandard.dmn", raised.getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(urbanStandard2027()).isEqualTo(835.0);
        } finally {
            deployFile("dibaoStandard.dmn", original.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(urbanStandard2027()).isEqualTo(810.0);
    }

    @Test
    void migratesARunningCaseToTheNewVersionOverRestAfterValidatingThePlan() throws IOException {
        deploy("Test_Migration", model("Test_Migration", false), DemoOrganisation.ADMINISTRATOR);
        String v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_Migration").latestVersion()
                .singleResult().getId();
        String instance = runtimeService.startProcessInstanceByKey("Test_Migration",
                Map.of("unitCode", DemoOrganisation.VILLAGE_DONGMEN, "townshipCode", DemoOrganisation.TOWNSHIP_CHENGGUAN)).getId();
        deploy("Test_Migration", model("Test_Migration", true), DemoOrganisation.ADMINISTRATOR);
        String v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_Migration").latestVersion()
                .singleResult().getId();
        WebSession admin = new WebSession(port);

        JsonNode plan = json.readTree(admin.postJsonWithBasic("/engine-rest/migration/generate",
                "{\"sourceProcessDefinitionId\":\"" + v1 + "\",\"targetProcessDefinitionId\":\"" + v2 + "\"}",
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD).body());
        HttpResponse<String> planCheck = admin.postJsonWithBasic("/engine-rest/migration/validate", plan.toString(),
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);
        assertThat(json.readTree(planCheck.body()).path("instructionReports").size()).isZero();
        HttpResponse<String> executed = admin.postJsonWithBasic("/engine-rest/migration/execute",
                "{\"migrationPlan\":" + plan + ",\"processInstanceIds\":[\"" + instance + "\"]}",
                DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);

        assertThat(executed.statusCode()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId()).isEqualTo(v2);
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_Recheck");
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aProcessDeployedWithoutItsFormsFindsThemAndAFormDeployedAloneIsUsed() throws IOException {
        String bpmn = Files.readString(Path.of("processes", "supervision-escalation.bpmn"));
        HttpResponse<String> processOnly = deployFile("supervision-escalation.bpmn",
                bpmn.replace("催办逾期任务并记录督办意见", "催办逾期任务、记录督办意见").getBytes(StandardCharsets.UTF_8));
        assertThat(processOnly.statusCode()).isEqualTo(200);
        String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("supervisionEscalation")
                .latestVersion().singleResult().getId();
        String instance = runtimeService.startProcessInstanceByKey("supervisionEscalation", Map.of("escalatedTo",
                "township-" + DemoOrganisation.TOWNSHIP_CHENGGUAN + "-leaders", "supervisionSummary", "测试", "caseLink", "/")).getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId()).isEqualTo(latest);
        String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(taskForm(taskId)).contains("\"id\": \"supervision-escalation\"");

        String form = Files.readString(Path.of("forms", "supervision-escalation.form"));
        String changed = form.replace("\"督办意见\"", "\"督办意见（新）\"");
        assertThat(changed).isNotEqualTo(form);
        try {
            assertThat(deployFile("supervision-escalation.form", changed.getBytes(StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(200);
            assertThat(taskForm(taskId)).contains("督办意见（新）");
        } finally {
            deployFile("supervision-escalation.form", form.getBytes(StandardCharsets.UTF_8));
            runtimeService.deleteProcessInstance(instance, "test");
        }
    }

    private String taskForm(String taskId) throws IOException {
        try (var form = formService.getDeployedTaskForm(taskId)) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private double urbanStandard2027() {
        return ((Number) decisionService.evaluateDecisionByKey("dibaoStandard")
                .variables(Variables.createVariables().putValue("countyCode", DemoOrganisation.COUNTY)
                        .putValue("householdType", "URBAN").putValue("year", 2027))
                .evaluate().getSingleResult().getEntry("monthlyStandard")).doubleValue();
    }

    private HttpResponse<String> deployFile(String fileName, byte[] content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", fileName);
        fields.put("deployment-source", "Camunda Modeler");
        return new WebSession(port).postMultipartWithBasic("/engine-rest/deployment/create", fields,
                Map.of(fileName, content), DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);
    }

    private HttpResponse<String> deploy(String key, byte[] model, String user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", key);
        fields.put("deployment-source", "Camunda Modeler");
        fields.put("enable-duplicate-filtering", "true");
        return new WebSession(port).postMultipartWithBasic("/engine-rest/deployment/create", fields,
                Map.of(key + ".bpmn", model), user, DemoOrganisation.PASSWORD);
    }

    /** A small township process that follows the house rules; version 2 adds a recheck. */
    private static byte[] model(String key, boolean withRecheck) {
        UserTaskBuilder review = Bpmn.createExecutableProcess(key).name("测试流程").camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Started").name("开始")
                .userTask("Task_Review").name("审核").camundaCandidateGroups("township-${townshipCode}")
                .camundaDueDate("${dueDates.after('acceptance')}").camundaFormRef("dibao-acceptance")
                .camundaFormRefBinding("latest");
        BpmnModelInstance model = withRecheck
                ? review.userTask("Task_Recheck").name("复核").camundaCandidateGroups("township-${townshipCode}")
                        .camundaDueDate("${dueDates.after('acceptance')}").camundaFormRef("dibao-acceptance")
                        .camundaFormRefBinding("latest").endEvent("EndEvent_Done").name("结束").done()
                : review.endEvent("EndEvent_Done").name("结束").done();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(out, model);
        return out.toByteArray();
    }
}
