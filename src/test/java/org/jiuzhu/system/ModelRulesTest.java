package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiuzhu.modeling.ModelRules;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The house rules on every shipped model, and each rule failing on a deliberately broken copy. */
@JiuzhuIntegrationTest
class ModelRulesTest {

    @Autowired ApplicationContext context;

    /** Shipped models set their retry cycle explicitly, so no engine default is assumed here. */
    private ModelRules rules() {
        return new ModelRules(context::containsBean, id -> Files.exists(Path.of("forms", id + ".form")), false);
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
    void aDecisionWithoutHistoryTimeToLiveFails() throws IOException {
        String dmn = Files.readString(Path.of("processes", "dibao-benefit.dmn"))
                .replaceFirst("camunda:historyTimeToLive=\"\\d+\"", "");

        assertThat(rules().checkDmn("broken.dmn", dmn.getBytes())).singleElement()
                .satisfies(v -> assertThat(v).contains("历史保留期"));
    }

    @Test
    void aDecisionWithoutAChineseNameFails() throws IOException {
        String dmn = Files.readString(Path.of("processes", "dibao-benefit.dmn"))
                .replaceFirst("<decision id=\"(\\w+)\" name=\"[^\"]*\"", "<decision id=\"$1\" name=\"Benefit\"");

        assertThat(rules().checkDmn("broken.dmn", dmn.getBytes())).singleElement()
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
