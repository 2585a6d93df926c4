package org.jiuzhu.system.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.newHousehold;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.startForm;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.ledger.PaymentLedger;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.IsolatedApplication;
import org.jiuzhu.support.WebSession;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.temporary.process.TemporaryAssistanceDriver;
import org.jiuzhu.temporary.process.TemporaryAssistanceVariables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cases running on models deployed before issue 19 keep their behaviour: a dibao case whose complete
 * listener is {@code ${dibaoTaskChecks.onComplete(task)}}, not {@code ${taskFormListener}}, keeps its task
 * rules and records its decisions; a temporary assistance case whose 确定审批权限 is a service task is routed
 * as on the current model. Each earlier model (src/test/resources/earlier-models) is deployed as the Modeler
 * would; it then is the newest version, so each test has an application and database of its own (tag
 * "isolated") and leaves the shared test application's models alone.
 */
@Tag("isolated")
class EarlierModelsTest {

    private static final Path DATABASE = Path.of("target", "earlier-models-test");
    private static final Path TEMPORARY_DATABASE = Path.of("target", "earlier-models-test-temporary");
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

            assertThat(new String(earlierModel("dibao-application.bpmn"), StandardCharsets.UTF_8))
                    .contains("${dibaoTaskChecks.onComplete(task)}").doesNotContain("taskFormListener");
            ProcessDefinition earlier = deployEarlierModel(engine, rest, "dibao-application.bpmn", KEY);
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

    /**
     * A temporary assistance case on the model deployed before 确定审批权限 became a business rule task (a
     * service task on {@code ${determineTemporaryAssistanceRoute}}) is routed as on the current model: the
     * same yearly total, route and reason, recorded on the case, and no incident.
     */
    @Test
    void aTemporaryAssistanceCaseOnTheEarlierModelIsRoutedAsOnTheCurrentOne() throws IOException {
        try (ConfigurableApplicationContext app = IsolatedApplication.start(IsolatedApplication.freshDatabase(TEMPORARY_DATABASE))) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            BpmnAwareTests.init(engine);
            TemporaryAssistanceCases cases = app.getBean(TemporaryAssistanceCases.class);
            TemporaryAssistanceDriver driver = new TemporaryAssistanceDriver(engine.getRuntimeService(),
                    engine.getIdentityService(), cases);
            WebSession rest = new WebSession(IsolatedApplication.port(app));

            // Above the township's limit and across the yearly cap with what the household received before.
            ProcessInstance onCurrent = driver.startAndSuggest(startForm(householdPaidBefore(app, "16000")));
            driver.reviewAndRoute(onCurrent, 4001);

            assertThat(new String(earlierModel("temporary-assistance.bpmn"), StandardCharsets.UTF_8))
                    .contains("${determineTemporaryAssistanceRoute}").doesNotContain("camunda:decisionRef");
            ProcessDefinition earlier = deployEarlierModel(engine, rest, "temporary-assistance.bpmn",
                    TemporaryAssistanceVariables.PROCESS_KEY);
            ProcessInstance pi = driver.startAndSuggest(startForm(householdPaidBefore(app, "16000")));
            assertThat(pi.getProcessDefinitionId()).isEqualTo(earlier.getId());
            driver.reviewAndRoute(pi, 4001);

            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
            assertThat(task(engine, pi).getTaskDefinitionKey()).isEqualTo("Task_CaseByCaseDeliberation")
                    .isEqualTo(task(engine, onCurrent).getTaskDefinitionKey());
            List<String> routing = List.of(TemporaryAssistanceVariables.YEARLY_TOTAL_BEFORE,
                    TemporaryAssistanceVariables.APPROVAL_ROUTE, TemporaryAssistanceVariables.ROUTE_REASON);
            Map<String, Object> routed = engine.getRuntimeService().getVariables(pi.getId(), routing);
            assertThat(routed).containsEntry(TemporaryAssistanceVariables.YEARLY_TOTAL_BEFORE, 16000.0)
                    .containsEntry(TemporaryAssistanceVariables.APPROVAL_ROUTE, "DELIBERATION")
                    .isEqualTo(engine.getRuntimeService().getVariables(onCurrent.getId(), routing));
            assertThat(driver.caseOf(pi).approvalRoute()).isEqualTo("DELIBERATION");
        }
    }

    /** A new household that received {@code amount} in an earlier temporary assistance case this year. */
    private static String householdPaidBefore(ConfigurableApplicationContext app, String amount) {
        String household = newHousehold();
        String caseNo = "EARLIER-" + UUID.randomUUID().toString().substring(0, 8);
        app.getBean(PaymentLedger.class).record(new PaymentLedger.Payment(caseNo + "-TEMPORARY_ASSISTANCE", caseNo,
                PaymentLedger.Kind.TEMPORARY_ASSISTANCE, household, "张大山", DemoOrganisation.VILLAGE_DONGMEN,
                DemoOrganisation.TOWNSHIP_CHENGGUAN, DemoOrganisation.COUNTY, new BigDecimal(amount),
                "本年早些时候的临时救助", "test"), Instant.now());
        return household;
    }

    /** As Camunda Modeler deploys: the BPMN alone, over REST, by an administrator; it becomes version 2. */
    private static ProcessDefinition deployEarlierModel(ProcessEngine engine, WebSession rest, String file, String key)
            throws IOException {
        HttpResponse<String> response = rest.postMultipartWithBasic("/engine-rest/deployment/create",
                Map.of("deployment-name", file.replace(".bpmn", ""), "deployment-source", "Camunda Modeler"),
                Map.of(file, earlierModel(file)), DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        return latest;
    }

    private static byte[] earlierModel(String file) throws IOException {
        try (InputStream in = EarlierModelsTest.class.getResourceAsStream("/earlier-models/" + file)) {
            return in.readAllBytes();
        }
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
