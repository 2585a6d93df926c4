package org.jiuzhu.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.TestModels;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An official sees the cases and tasks of their own unit (and the units below it), never others'. */
@JiuzhuIntegrationTest
class CaseVisibilityTest {

    private static final String PROCESS = "Test_UnitCase";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @LocalServerPort int port;

    ProcessInstance dongmenCase;
    ProcessInstance qingshanCase;

    @BeforeEach
    void startOneCaseInEachOfTwoTownships() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .name("测试案件").camundaHistoryTimeToLive(1)
                .startEvent("Event_CaseStarted").name("案件开始")
                .userTask("Task_VillageWork").name("村级办理").camundaCandidateGroups("village-${unitCode}")
                .camundaDueDate("${dueDates.after('acceptance')}").camundaFormRef("dibao-acceptance")
                .camundaFormRefBinding("latest")
                .endEvent("Event_CaseEnded").name("案件结束")
                .done();
        TestModels.startableBy(model, PROCESS, "village,township,county");
        repositoryService.createDeployment().name("case-visibility-test").enableDuplicateFiltering(true)
                .addModelInstance(PROCESS + ".bpmn", model).deploy();
        dongmenCase = startCase(VILLAGE_DONGMEN);
        qingshanCase = startCase(VILLAGE_QINGSHAN);
    }

    @AfterEach
    void removeCases() {
        identityService.clearAuthentication();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
    }

    @Test
    void villageOfficerSeesOnlyTheTaskOfTheirOwnVillage() {
        authenticateAs(DONGMEN_OFFICER);

        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(PROCESS).list();

        assertThat(tasks).extracting(Task::getProcessInstanceId).containsExactly(dongmenCase.getId());
    }

    @Test
    void villageOfficerSeesOnlyTheTaskOfTheirOwnVillageThroughRest() {
        Task dongmenTask = taskOf(dongmenCase);
        Task qingshanTask = taskOf(qingshanCase);

        HttpResponse<String> response = new WebSession(port)
                .getWithBasic("/engine-rest/task?processDefinitionKey=" + PROCESS, DONGMEN_OFFICER, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(dongmenTask.getId()).doesNotContain(qingshanTask.getId());
    }

    @Test
    void villageOfficerSeesOnlyTheCaseOfTheirOwnVillage() {
        authenticateAs(QINGSHAN_VILLAGE_OFFICER);

        assertThat(visibleCases()).containsExactly(qingshanCase.getId());
        assertThat(visibleHistoricCases()).containsExactly(qingshanCase.getId());
    }

    @Test
    void villageOfficerOfTheSameTownshipDoesNotSeeTheNeighbouringVillage() {
        authenticateAs(XIMEN_OFFICER);

        assertThat(visibleCases()).isEmpty();
        assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).count()).isZero();
    }

    @Test
    void townshipSeesTheCasesOfItsVillagesButNotTheirTasks() {
        authenticateAs(CHENGGUAN_OFFICER);

        assertThat(visibleCases()).containsExactly(dongmenCase.getId());
        assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).count()).isZero();

        authenticateAs(QINGSHAN_TOWNSHIP_OFFICER);

        assertThat(visibleCases()).containsExactly(qingshanCase.getId());
    }

    @Test
    void townshipLeaderSeesTheCasesOfTheTownship() {
        authenticateAs(CHENGGUAN_LEADER);

        assertThat(visibleCases()).containsExactly(dongmenCase.getId());
    }

    @Test
    void countyOfficerAndSupervisorSeeEveryCaseOfTheCounty() {
        authenticateAs(COUNTY_OFFICER);
        assertThat(visibleCases()).containsExactlyInAnyOrder(dongmenCase.getId(), qingshanCase.getId());

        authenticateAs(SUPERVISOR);
        assertThat(visibleCases()).containsExactlyInAnyOrder(dongmenCase.getId(), qingshanCase.getId());
        assertThat(visibleHistoricCases()).containsExactlyInAnyOrder(dongmenCase.getId(), qingshanCase.getId());
    }

    @Nested
    class StartingACase {

        @Test
        void withoutAUnitCodeBelongsToTheStartingOfficialsUnit() {
            authenticateAs(XIMEN_OFFICER);

            ProcessInstance started = runtimeService.startProcessInstanceByKey(PROCESS);

            identityService.clearAuthentication();
            assertThat(runtimeService.getVariable(started.getId(), CaseVariables.UNIT_CODE)).isEqualTo(VILLAGE_XIMEN);
            authenticateAs(XIMEN_OFFICER);
            assertThat(visibleCases()).containsExactly(started.getId());
            assertThat(taskService.createTaskQuery().processInstanceId(started.getId()).count()).isOne();
        }

        @Test
        void forAnUnknownUnitIsRefusedWithAClearMessage() {
            assertThatThrownBy(() -> startCase("341899999999"))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("未登记的单位");
        }

        @Test
        void withAMalformedUnitCodeIsRefusedWithAClearMessage() {
            assertThatThrownBy(() -> startCase("12345"))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("行政区划代码格式不正确");
        }
    }

    private ProcessInstance startCase(String unitCode) {
        return runtimeService.startProcessInstanceByKey(PROCESS, Map.of(CaseVariables.UNIT_CODE, unitCode));
    }

    private Task taskOf(ProcessInstance processInstance) {
        return taskService.createTaskQuery().processInstanceId(processInstance.getId()).singleResult();
    }

    private void authenticateAs(String userId) {
        identityService.clearAuthentication();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }

    private List<String> visibleCases() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    private List<String> visibleHistoricCases() {
        return historyService.createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.of(dongmenCase.getId(), qingshanCase.getId())).list().stream()
                .map(HistoricProcessInstance::getId).toList();
    }
}
