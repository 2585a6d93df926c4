package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The house rules for every model in processes/, each violation named with file and element: user
 * tasks with form, candidate group and due date; service tasks asynchronous with retries and a
 * delegate bean that exists; Chinese names and chosen ids; history time-to-live everywhere.
 */
@JiuzhuIntegrationTest
class ModelRulesTest {

    /** Runs inside the start transaction on purpose, so a bad start form is refused at once. */
    private static final Set<String> SYNCHRONOUS_BY_DESIGN = Set.of("Task_RegisterApplication");
    private static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9a-z]{7}$|^(Activity|Gateway|Event|Flow)_[0-9a-z]+$");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)(?:[.(].*)?}");

    @Autowired ApplicationContext context;

    @Test
    void everyProcessFollowsTheRules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : models(".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.getCamundaHistoryTimeToLiveString() == null) {
                    violations.add(file + ": process " + process.getId() + " has no history time-to-live");
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String where = file.getFileName() + " " + node.getId();
                checkNaming(node, where, violations);
                if (node instanceof UserTask task) {
                    checkUserTask(task, where, violations);
                }
                if (node instanceof ServiceTask task) {
                    checkServiceTask(task, where, violations);
                }
                if (node instanceof StartEvent start && start.getCamundaFormRef() != null) {
                    checkForm(start.getCamundaFormRef(), start.getCamundaFormRefBinding(), where, violations);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyDecisionHasAHistoryTimeToLiveAndAChineseName() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : models(".dmn")) {
            for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
                if (decision.getCamundaHistoryTimeToLiveString() == null) {
                    violations.add(file + ": decision " + decision.getId() + " has no history time-to-live");
                }
                if (decision.getName() == null || !CHINESE.matcher(decision.getName()).find()) {
                    violations.add(file + ": decision " + decision.getId() + " has no Chinese name");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void checkNaming(BaseElement element, String where, List<String> violations) {
        if (GENERATED_ID.matcher(element.getId()).matches()) {
            violations.add(where + ": generated id, choose a meaningful one");
        }
        String name = element.getAttributeValue("name");
        if (name == null || !CHINESE.matcher(name).find()) {
            violations.add(where + ": no Chinese name");
        }
    }

    private void checkUserTask(UserTask task, String where, List<String> violations) {
        if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
            violations.add(where + ": user task without candidate group");
        }
        if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
            violations.add(where + ": user task without due date");
        } else {
            checkBean(task.getCamundaDueDate(), where, violations);
        }
        if (task.getCamundaFormRef() == null) {
            violations.add(where + ": user task without form");
        } else {
            checkForm(task.getCamundaFormRef(), task.getCamundaFormRefBinding(), where, violations);
        }
    }

    private void checkServiceTask(ServiceTask task, String where, List<String> violations) {
        if (task.getCamundaDelegateExpression() == null) {
            violations.add(where + ": service task without delegate expression (no class names, no scripts)");
            return;
        }
        checkBean(task.getCamundaDelegateExpression(), where, violations);
        if (SYNCHRONOUS_BY_DESIGN.contains(task.getId())) {
            return;
        }
        if (!task.isCamundaAsyncBefore()) {
            violations.add(where + ": service task not asynchronous (async before)");
        }
        boolean retries = task.getExtensionElements() != null && !task.getExtensionElements()
                .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
        if (!retries) {
            violations.add(where + ": service task without retry time cycle");
        }
    }

    private void checkBean(String expression, String where, List<String> violations) {
        Matcher matcher = BEAN.matcher(expression);
        if (matcher.matches() && !context.containsBean(matcher.group(1))) {
            violations.add(where + ": expression " + expression + " names no bean");
        }
    }

    private static void checkForm(String formRef, String binding, String where, List<String> violations) {
        if (binding == null) {
            violations.add(where + ": form reference without binding");
        }
        if (!Files.exists(Path.of("forms", formRef + ".form"))) {
            violations.add(where + ": form " + formRef + " is not in forms/");
        }
    }

    private static List<Path> models(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
