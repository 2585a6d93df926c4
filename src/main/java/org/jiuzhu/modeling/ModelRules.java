package org.jiuzhu.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.jiuzhu.organisation.StartPermissions;

/**
 * The house rules for models, for the shipped files (a test) and for every deployment an
 * administrator uploads (refused when broken). Each violation names the file and the element:
 * <ul>
 *   <li>user tasks have a candidate group, a form (present, binding {@code latest}) and a due date;</li>
 *   <li>user tasks' due dates name a configured time limit ({@code ${dueDates.after('acceptance')}});</li>
 *   <li>service tasks call a delegate bean that exists, asynchronously and with retries;</li>
 *   <li>business rule tasks evaluate a decision table ({@code camunda:decisionRef}, binding {@code latest});</li>
 *   <li>conditions only read variables: a service a condition calls is hidden from the reader of the
 *       diagram, so it belongs in a step before the gateway;</li>
 *   <li>one decision per DMN file, the file named after the decision's id;</li>
 *   <li>every element has a Chinese name and a chosen id (not a Modeler-generated one);</li>
 *   <li>every process and decision has a history time-to-live.</li>
 * </ul>
 */
public class ModelRules {

    /** Runs inside the start transaction on purpose, so a bad start form is refused at once. */
    public static final Set<String> SYNCHRONOUS_BY_DESIGN =
            Set.of("Task_RegisterApplication", "Task_RegisterEmergencyCase", "Task_RegisterTemporaryAssistance");
    private static final Pattern GENERATED_ID =
            Pattern.compile(".*_[0-9a-z]{7}$|^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task)_[0-9a-z]+$");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)(?:[.(].*)?}");
    private static final Pattern TIME_LIMIT = Pattern.compile("\\$\\{dueDates\\.after\\('([^']*)'\\)}");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    /** A name followed by "(": a method or function call, EL's word operators aside. */
    private static final Pattern CALL = Pattern.compile("([\\w$]+)\\s*\\(");
    private static final Set<String> EL_OPERATORS =
            Set.of("and", "or", "not", "empty", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    private final Predicate<String> beanExists;
    private final Predicate<String> formExists;
    private final Predicate<String> timeLimitExists;
    private final boolean engineDefaultRetries;

    /**
     * @param beanExists           whether a bean of that name exists (delegates, expressions)
     * @param formExists           whether a form of that id can be found
     * @param timeLimitExists      whether a stage's time limit is configured (jiuzhu.time-limits.working-days)
     * @param engineDefaultRetries whether the engine has a default retry time cycle, which stands in
     *                             for one on the task (element templates cannot set it)
     */
    public ModelRules(Predicate<String> beanExists, Predicate<String> formExists, Predicate<String> timeLimitExists,
                      boolean engineDefaultRetries) {
        this.beanExists = beanExists;
        this.formExists = formExists;
        this.timeLimitExists = timeLimitExists;
        this.engineDefaultRetries = engineDefaultRetries;
    }

    public List<String> checkBpmn(String file, byte[] content) {
        List<String> violations = new ArrayList<>();
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(file + "：流程 " + process.getId() + " 未设置历史保留期（History time to live）");
            }
            checkStartableBy(process, file, violations);
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String where = file + " " + node.getId();
            checkNaming(node, where, violations);
            if (node instanceof UserTask task) {
                checkUserTask(task, where, violations);
            } else if (node instanceof ServiceTask task) {
                checkServiceTask(task, where, violations);
            } else if (node instanceof BusinessRuleTask task) {
                checkBusinessRuleTask(task, where, violations);
            } else if (node instanceof StartEvent start && start.getCamundaFormRef() != null) {
                checkForm(start.getCamundaFormRef(), start.getCamundaFormRefBinding(), where, violations);
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (GENERATED_ID.matcher(flow.getId()).matches()) {
                violations.add(file + " " + flow.getId() + "：连线 ID 是建模器自动生成的，请改为有意义的英文 ID（如 Flow_AcceptedYes）");
            }
            // A decision's answers are labelled; an event-based or parallel gateway's flows need none.
            if ((flow.getSource() instanceof ExclusiveGateway || flow.getSource() instanceof InclusiveGateway)
                    && flow.getSource().getOutgoing().size() > 1
                    && (flow.getName() == null || flow.getName().isBlank())) {
                violations.add(file + " " + flow.getId() + "：网关的出口连线没有名称（如“是”“否”）");
            }
            if (flow.getConditionExpression() != null) {
                checkCondition(flow.getConditionExpression().getTextContent(), file + " " + flow.getId(), violations);
            }
        }
        return violations;
    }

    public List<String> checkDmn(String file, byte[] content) {
        List<String> violations = new ArrayList<>();
        var decisions = Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class);
        // A process refers to a decision by id, a reader finds it by file name: one file, one decision, one name.
        if (decisions.size() != 1) {
            violations.add(file + "：一个 DMN 文件应只包含一个决策，本文件有 " + decisions.size() + " 个，请拆分为每个决策一个文件");
        } else {
            String id = decisions.iterator().next().getId();
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (!name.equals(id + ".dmn") && !name.equals(id + ".dmn11.xml")) {
                violations.add(file + "：文件名应与决策 ID 相同（" + id + ".dmn）");
            }
        }
        for (Decision decision : decisions) {
            String where = file + " " + decision.getId();
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(where + "：决策未设置历史保留期（History time to live）");
            }
            if (decision.getName() == null || !CHINESE.matcher(decision.getName()).find()) {
                violations.add(where + "：决策没有中文名称");
            }
        }
        return violations;
    }

    /** Who may start the process: unit levels only (StartPermissions); none means the engine alone. */
    private static void checkStartableBy(Process process, String file, List<String> violations) {
        if (process.getExtensionElements() == null) {
            return;
        }
        for (CamundaProperty property : process.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream()).toList()) {
            if (!StartPermissions.PROPERTY.equals(property.getCamundaName())) {
                continue;
            }
            for (String word : StartPermissions.unknownWords(property.getCamundaValue())) {
                violations.add(file + "：流程 " + process.getId() + " 的扩展属性 " + StartPermissions.PROPERTY
                        + " 只能列出 village、township、county（可发起本流程的单位层级），不认识“" + word + "”");
            }
        }
    }

    private static void checkNaming(BaseElement element, String where, List<String> violations) {
        if (GENERATED_ID.matcher(element.getId()).matches()) {
            violations.add(where + "：ID 是建模器自动生成的，请改为有意义的英文 ID（如 Task_HomeInvestigation）");
        }
        String name = element.getAttributeValue("name");
        if (name == null || !CHINESE.matcher(name).find()) {
            violations.add(where + "：没有中文名称");
        }
    }

    private void checkUserTask(UserTask task, String where, List<String> violations) {
        if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
            violations.add(where + "：人工任务没有候选组（Candidate groups）");
        }
        if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
            violations.add(where + "：人工任务没有办理期限（Due date）");
        } else {
            checkBean(task.getCamundaDueDate(), where, violations);
            Matcher limit = TIME_LIMIT.matcher(task.getCamundaDueDate());
            if (limit.matches() && !timeLimitExists.test(limit.group(1))) {
                violations.add(where + "：办理期限引用的时限“" + limit.group(1) + "”没有配置（jiuzhu.time-limits.working-days."
                        + limit.group(1) + "），请使用已配置的时限或先在设置中添加");
            }
        }
        if (task.getCamundaFormRef() == null) {
            violations.add(where + "：人工任务没有表单（Form reference）");
        } else {
            checkForm(task.getCamundaFormRef(), task.getCamundaFormRefBinding(), where, violations);
        }
    }

    private void checkServiceTask(ServiceTask task, String where, List<String> violations) {
        if (task.getCamundaDelegateExpression() == null) {
            violations.add(where + "：服务任务应使用委托表达式（Delegate expression，如 ${checkMaterials}），不用类名或脚本");
            return;
        }
        checkBean(task.getCamundaDelegateExpression(), where, violations);
        if (SYNCHRONOUS_BY_DESIGN.contains(task.getId())) {
            return;
        }
        if (!task.isCamundaAsyncBefore()) {
            violations.add(where + "：服务任务未设置异步（Asynchronous before）");
        }
        boolean retries = task.getExtensionElements() != null && !task.getExtensionElements()
                .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
        if (!retries && !engineDefaultRetries) {
            violations.add(where + "：服务任务未设置重试周期（Retry time cycle，如 R3/PT5M）");
        }
    }

    private static void checkBusinessRuleTask(BusinessRuleTask task, String where, List<String> violations) {
        if (task.getCamundaDecisionRef() == null || task.getCamundaDecisionRef().isBlank()) {
            violations.add(where + "：业务规则任务应引用决策表（Decision reference，如 temporaryAssistanceRouting），不用类名、表达式或外部任务");
        } else if (task.getCamundaDecisionRefBinding() != null && !"latest".equals(task.getCamundaDecisionRefBinding())) {
            violations.add(where + "：决策表引用 " + task.getCamundaDecisionRef() + " 的绑定方式（Binding）应为 latest，"
                    + "否则管理员单独部署的新版决策表不生效");
        }
    }

    private static void checkCondition(String condition, String where, List<String> violations) {
        Matcher expression = EXPRESSION.matcher(condition == null ? "" : condition);
        while (expression.find()) {
            Matcher call = CALL.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
            while (call.find()) {
                if (!EL_OPERATORS.contains(call.group(1))) {
                    violations.add(where + "：条件 " + condition + " 调用了方法 " + call.group(1) + "(…)。条件只应判断流程变量"
                            + "（如 ${emergencyEnded}），需要查询或计算的结果请在网关之前的步骤中写入变量");
                    return;
                }
            }
        }
    }

    private void checkBean(String expression, String where, List<String> violations) {
        Matcher matcher = BEAN.matcher(expression);
        if (matcher.matches() && !beanExists.test(matcher.group(1))) {
            violations.add(where + "：表达式 " + expression + " 引用的组件 " + matcher.group(1) + " 不存在");
        }
    }

    private void checkForm(String formRef, String binding, String where, List<String> violations) {
        // With "deployment" a process deployed without its forms (from the Modeler, or a release that
        // changed only the BPMN) finds none; "latest" finds the newest form wherever it was deployed.
        if (!"latest".equals(binding)) {
            violations.add(where + "：表单引用 " + formRef + " 的绑定方式（Binding）应为 latest，"
                    + "否则只部署流程或只部署表单时，任务找不到表单或仍显示旧表单");
        }
        if (!formExists.test(formRef)) {
            violations.add(where + "：引用的表单 " + formRef + " 不存在");
        }
    }
}
