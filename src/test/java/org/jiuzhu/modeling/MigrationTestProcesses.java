package org.jiuzhu.modeling;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.jiuzhu.support.DemoOrganisation;

/**
 * Small township processes that follow the house rules, for migration tests. Version 1 runs 审核申请 →
 * 入户核查 → (optionally the asynchronous 发送通知) → 审批; version 2 drops 入户核查 and 发送通知.
 */
final class MigrationTestProcesses {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    MigrationTestProcesses(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    void deployVersion1(String key, boolean withAsyncStep) {
        UserTaskBuilder visit = userTask(userTask(Bpmn.createExecutableProcess(key).name("迁移测试流程")
                .camundaHistoryTimeToLive(30).startEvent("StartEvent_Started").name("开始"), "Task_Review", "审核申请"),
                "Task_HomeVisit", "入户核查");
        AbstractFlowNodeBuilder<?, ?> beforeApproval = withAsyncStep
                ? visit.serviceTask("Task_Notify").name("发送通知").camundaDelegateExpression("${escalateSameDayTask}").camundaAsyncBefore()
                : visit;
        deploy(key, userTask(beforeApproval, "Task_Approve", "审批").endEvent("EndEvent_Done").name("结束").done());
    }

    void deployVersion2(String key) {
        deploy(key, userTask(userTask(Bpmn.createExecutableProcess(key).name("迁移测试流程").camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Started").name("开始"), "Task_Review", "审核申请"), "Task_Approve", "审批")
                .endEvent("EndEvent_Done").name("结束").done());
    }

    String start(String key, String businessKey) {
        return runtimeService.startProcessInstanceByKey(key, businessKey, Map.of("unitCode", DemoOrganisation.VILLAGE_DONGMEN,
                "townshipCode", DemoOrganisation.TOWNSHIP_CHENGGUAN)).getId();
    }

    void completeTask(String instance) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
    }

    String waitingAt(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey();
    }

    int versionOf(String instance) {
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId();
        return repositoryService.getProcessDefinition(definitionId).getVersion();
    }

    boolean ended(String instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    private static UserTaskBuilder userTask(AbstractFlowNodeBuilder<?, ?> before, String id, String name) {
        return before.userTask(id).name(name).camundaCandidateGroups("township-${townshipCode}")
                .camundaDueDate("${dueDates.after('acceptance')}").camundaFormRef("dibao-acceptance")
                .camundaFormRefBinding("latest");
    }

    private void deploy(String key, BpmnModelInstance model) {
        repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
    }
}
