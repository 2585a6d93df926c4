package org.jiuzhu.system.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.IsolatedApplication;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case running on a model deployed before the typed task forms (its complete listener is
 * {@code ${dibaoTaskChecks.onComplete(task)}}, not {@code ${taskFormListener}}) keeps its task rules and
 * records its decisions. The earlier model (src/test/resources/earlier-models) is deployed as the Modeler
 * would; it then is the newest version, so the test has an application and database of its own (tag
 * "isolated") and leaves the shared test application's models alone.
 */
@Tag("isolated")
class EarlierModelsTest {

    private static final Path DATABASE = Path.of("target", "earlier-models-test");
    private static final String KEY = "dibaoApplication";

    @Test
    void aDibaoCaseOnTheEarlierModelKeepsItsTaskRules() throws IOException {
        try (ConfigurableApplicationContext app = IsolatedApplication.start(IsolatedApplication.freshDatabase(DATABASE))) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            DibaoCases cases = new DibaoCases(engine, app.getBean(ApplicationService.class));
            WebSession rest = new WebSession(IsolatedApplication.port(app));

            // A case on the current model first, to compare the earlier model's answers with.
            ProcessInstance onCurrent = cases.submit(Households.poorFamily(10));
            cases.toAcceptance(onCurrent);

            ProcessDefinition earlier = deployEarlierModel(engine, rest);
            ProcessInstance pi = cases.submit(Households.poorFamily(20));
            assertThat(pi.getProcessDefinitionId()).isEqualTo(earlier.getId());
            cases.toAcceptance(pi);

            // Refused without a reason: the same 400 and Chinese message as on the current model, over REST and from Java.
            HttpResponse<String> refused = submitAcceptance(rest, task(engine, pi), "reject");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("请填写“理由”").doesNotContain("Exception:", "ENGINE-");
            HttpResponse<String> refusedOnCurrent = submitAcceptance(rest, task(engine, onCurrent), "reject");
            assertThat(message(refused)).isEqualTo(message(refusedOnCurrent));
            assertThat(refusalFromJava(engine, pi)).contains("请填写“理由”").isEqualTo(refusalFromJava(engine, onCurrent));
            assertThat(task(engine, pi).getTaskDefinitionKey()).isEqualTo("Task_Acceptance");

            // Accepted: the case moves on along the earlier model, and the decision is recorded on the case.
            String acceptanceId = task(engine, pi).getId();
            assertThat(submitAcceptance(rest, task(engine, pi), "accept").statusCode()).isEqualTo(204);
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                    .activityId("Task_EconomicVerification").count()).isEqualTo(1);
            HistoricTaskInstance acceptance = engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .taskId(acceptanceId).singleResult();
            assertThat(acceptance.getEndTime()).isNotNull();
            assertThat(acceptance.getProcessDefinitionId()).isEqualTo(earlier.getId());
            long applicationId = (Long) engine.getRuntimeService().getVariable(pi.getId(), DibaoVariables.APPLICATION_ID);
            assertThat(app.getBean(CaseRecords.class).decisions(applicationId))
                    .extracting(CaseRecords.Decision::stage, CaseRecords.Decision::decision, CaseRecords.Decision::decidedBy)
                    .containsExactly(tuple("乡镇受理", "accept", DemoOrganisation.CHENGGUAN_OFFICER));
        }
    }

    /** As Camunda Modeler deploys: the BPMN alone, over REST, by an administrator. */
    private static ProcessDefinition deployEarlierModel(ProcessEngine engine, WebSession rest) throws IOException {
        byte[] model;
        try (InputStream in = EarlierModelsTest.class.getResourceAsStream("/earlier-models/dibao-application.bpmn")) {
            model = in.readAllBytes();
        }
        assertThat(new String(model, StandardCharsets.UTF_8))
                .contains("${dibaoTaskChecks.onComplete(task)}").doesNotContain("taskFormListener");
        HttpResponse<String> response = rest.postMultipartWithBasic("/engine-rest/deployment/create",
                Map.of("deployment-name", "dibao-application", "deployment-source", "Camunda Modeler"),
                Map.of("dibao-application.bpmn", model), DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        return latest;
    }

    private static HttpResponse<String> submitAcceptance(WebSession rest, Task task, String decision) {
        return rest.postJsonWithBasic("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"acceptanceDecision\": {\"value\": \"" + decision + "\", \"type\": \"String\"}}}",
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);
    }

    /**
     * The refusal of a reject without reason completed from Java. The engine wraps what a listener throws
     * (an expression listener once more than a delegate), so the application looks for it among the causes.
     */
    private static String refusalFromJava(ProcessEngine engine, ProcessInstance pi) {
        Throwable thrown = catchThrowable(() -> engine.getTaskService().complete(task(engine, pi).getId(),
                Map.of("acceptanceDecision", "reject")));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refusal) {
                return refusal.getMessage();
            }
        }
        throw new AssertionError("No BadUserRequestException among the causes of " + thrown, thrown);
    }

    private static String message(HttpResponse<String> response) throws IOException {
        return new ObjectMapper().readTree(response.body()).path("message").asText();
    }

    private static Task task(ProcessEngine engine, ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}
