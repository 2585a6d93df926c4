package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiuzhu.casework.TimeLimitProperties;
import org.jiuzhu.modeling.ModelRules;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The house rules on every shipped model, and each rule failing on a deliberately broken copy. */
@JiuzhuIntegrationTest
class ModelRulesTest {

    @Autowired ApplicationContext context;
    @Autowired TimeLimitProperties timeLimits;

    /** Shipped models set their retry cycle explicitly, so no engine default is assumed here. */
    private ModelRules rules() {
        return new ModelRules(context::containsBean, id -> Files.exists(Path.of("forms", id + ".form")),
                timeLimits.workingDays()::containsKey, false);
    }

    @Test
    void everyShippedModelFollowsTheRules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : models()) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            violations.addAll(name.endsWith(".dmn") ? rules().checkDmn(name, content) : rules().checkBpmn(name, content));
        }
        assertThat(models()).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    @Test
    void everyRuleFailsOnABrokenCopyNamingTheElement() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "dibao-application.bpmn").toFile());
        model.getModelElementsByType(Process.class).iterator().next().setCamundaHistoryTimeToLiveString(null);
        UserTask acceptance = model.getModelElementById("Task_Acceptance");
        acceptance.setCamundaCandidateGroups(null);
        acceptance.setCamundaDueDate(null);
        UserTask investigation = model.getModelElementById("Task_HomeInvestigation");
        investigation.setCamundaFormRef("no-such-form");
        investigation.setName("Home visit");
        ServiceTask verification = model.getModelElementById("Task_EconomicVerification");
        verification.setCamundaAsyncBefore(false);
        verification.getExtensionElements().getElementsQuery().list()
                .forEach(e -> verification.getExtensionElements().removeChildElement(e));
        ServiceTask enrol = model.getModelElementById("Task_EnrolHousehold");
        enrol.setCamundaDelegateExpression("${noSuchDelegate}");
        ServiceTask notify = model.getModelElementById("Task_NotifyApproval");
        notify.setCamundaDelegateExpression(null);
        notify.setCamundaClass("org.example.Notify");
        model.<UserTask>getModelElementById("Task_DemocraticEvaluation").setId("Activity_0x1y2z3");
        model.<UserTask>getModelElementById("Task_CorrectMaterials").setCamundaFormRef(null);
        model.<UserTask>getModelElementById("Task_CountyFiling").setCamundaFormRefBinding("deployment");
        model.<SequenceFlow>getModelElementById("Flow_ToNotifyApproval").setId("Flow_0k2j4h1");
        model.<SequenceFlow>getModelElementById("Flow_AcceptedYes").setName(null);

        List<String> violations = rules().checkBpmn("broken.bpmn", bytes(model));

        assertThat(violations).anyMatch(v -> v.contains("dibaoApplication") && v.contains("历史保留期"))
                .anyMatch(v -> v.contains("Task_Acceptance") && v.contains("候选组"))
                .anyMatch(v -> v.contains("Task_Acceptance") && v.contains("办理期限"))
                .anyMatch(v -> v.contains("Task_HomeInvestigation") && v.contains("no-such-form"))
                .anyMatch(v -> v.contains("Task_HomeInvestigation") && v.contains("没有中文名称"))
                .anyMatch(v -> v.contains("Task_EconomicVerification") && v.contains("异步"))
                .anyMatch(v -> v.contains("Task_EconomicVerification") && v.contains("重试周期"))
                .anyMatch(v -> v.contains("Task_EnrolHousehold") && v.contains("noSuchDelegate"))
                .anyMatch(v -> v.contains("Task_NotifyApproval") && v.contains("委托表达式"))
                .anyMatch(v -> v.contains("Activity_0x1y2z3") && v.contains("自动生成"))
                .anyMatch(v -> v.contains("Task_CorrectMaterials") && v.contains("没有表单"))
                .anyMatch(v -> v.contains("Task_CountyFiling") && v.contains("应为 latest"))
                .anyMatch(v -> v.contains("Flow_0k2j4h1") && v.contains("自动生成"))
                .anyMatch(v -> v.contains("Flow_AcceptedYes") && v.contains("出口连线没有名称"));
    }

    @Test
    void aConditionThatCallsAMethodFails() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "emergency-same-day.bpmn").toFile());
        model.<SequenceFlow>getModelElementById("Flow_EmergencyEndedYes").getConditionExpression()
                .setTextContent("${emergencyPeriods.isEnded(emergencyPeriodId)}");
        model.<SequenceFlow>getModelElementById("Flow_EmergencyEndedNo").getConditionExpression()
                .setTextContent("${!(emergencyEnded) and not empty emergencyPeriodId and villageDecision != 'x (y)'}");

        assertThat(rules().checkBpmn("broken.bpmn", bytes(model))).singleElement()
                .satisfies(v -> assertThat(v).contains("Flow_EmergencyEndedYes").contains("调用了方法 isEnded"));
    }

    @Test
    void aDueDateOfAnUnconfiguredTimeLimitFails() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "dibao-application.bpmn").toFile());
        model.<UserTask>getModelElementById("Task_Acceptance").setCamundaDueDate("${dueDates.after('acceptence')}");

        assertThat(rules().checkBpmn("broken.bpmn", bytes(model))).singleElement()
                .satisfies(v -> assertThat(v).contains("Task_Acceptance").contains("“acceptence”没有配置"));
    }

    @Test
    void aBusinessRuleTaskWithoutADecisionOrBoundToItsDeploymentFails() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "temporary-assistance.bpmn").toFile());
        BusinessRuleTask route = model.getModelElementById("Task_DetermineRoute");
        route.setCamundaDecisionRefBinding("deployment");

        assertThat(rules().checkBpmn("broken.bpmn", bytes(model))).singleElement()
                .satisfies(v -> assertThat(v).contains("Task_DetermineRoute").contains("应为 latest"));

        route.setCamundaDecisionRef(null);
        route.setCamundaDecisionRefBinding(null);
        route.setCamundaClass("org.example.Route");

        assertThat(rules().checkBpmn("broken.bpmn", bytes(model))).singleElement()
                .satisfies(v -> assertThat(v).contains("Task_DetermineRoute").contains("应引用决策表"));
    }

    @Test
    void aDmnFileWithTwoDecisionsOrNotNamedAfterItsDecisionFails() throws IOException {
        String memberClass = Files.readString(Path.of("processes", "dibaoMemberClass.dmn"));
        String increment = Files.readString(Path.of("processes", "dibaoClassIncrement.dmn"));
        String both = memberClass.replace("</decision>", "</decision>\n" + increment.substring(
                increment.indexOf("  <decision "), increment.indexOf("</decision>") + "</decision>".length()));

        assertThat(rules().checkDmn("dibaoMemberClass.dmn", both.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(v -> assertThat(v).contains("只包含一个决策").contains("有 2 个"));
        assertThat(rules().checkDmn("processes/dibao-benefit.dmn", memberClass.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(v -> assertThat(v).contains("文件名应与决策 ID 相同（dibaoMemberClass.dmn）"));
        assertThat(rules().checkDmn("processes/dibaoMemberClass.dmn", memberClass.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    /** A bean is named after its class, less the role suffix: ${checkMaterials} is CheckMaterialsDelegate. */
    @Test
    void everyDelegateAndListenerBeanIsNamedAfterItsClass() {
        List<String> misnamed = new ArrayList<>();
        for (Class<?> role : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
            context.getBeansOfType(role).forEach((bean, instance) -> {
                String type = AopUtils.getTargetClass(instance).getSimpleName();
                String name = Character.toLowerCase(type.charAt(0)) + type.substring(1);
                if (!bean.equals(name) && !bean.equals(name.replaceFirst("(Delegate|Listener)$", ""))) {
                    misnamed.add(bean + " (" + type + ")");
                }
            });
        }
        assertThat(misnamed).isEmpty();
    }

    @Test
    void aDecisionWithoutHistoryTimeToLiveFails() throws IOException {
        String dmn = Files.readString(Path.of("processes", "dibaoMemberClass.dmn"))
                .replaceFirst("camunda:historyTimeToLive=\"\\d+\"", "");

        assertThat(rules().checkDmn("dibaoMemberClass.dmn", dmn.getBytes())).singleElement()
                .satisfies(v -> assertThat(v).contains("历史保留期"));
    }

    @Test
    void aDecisionWithoutAChineseNameFails() throws IOException {
        String dmn = Files.readString(Path.of("processes", "dibaoMemberClass.dmn"))
                .replaceFirst("<decision id=\"(\\w+)\" name=\"[^\"]*\"", "<decision id=\"$1\" name=\"Benefit\"");

        assertThat(rules().checkDmn("dibaoMemberClass.dmn", dmn.getBytes())).singleElement()
                .satisfies(v -> assertThat(v).contains("没有中文名称"));
    }

    private static byte[] bytes(BpmnModelInstance model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(out, model);
        return out.toByteArray();
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).sorted().toList();
        }
    }
}
