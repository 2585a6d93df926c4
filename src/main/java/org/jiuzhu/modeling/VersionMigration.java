package org.jiuzhu.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.jiuzhu.engine.MigrationChecks;
import org.springframework.stereotype.Service;

/**
 * Moves the running cases of a process from its older versions to the latest one with the engine's
 * migration API. The plan maps the steps that kept their id. The dry run puts every running case
 * through the engine's own instance checks, the ones {@code execute()} applies before it migrates,
 * so a case waiting at a step the new version dropped is named before anything changes, and
 * executing migrates exactly the cases the dry run found migratable, leaving the others on their
 * version.
 */
@Service
public class VersionMigration {

    /** The engine's instance failures (7.24) in the administrator's words. */
    private static final Map<String, String> FAILURES = Map.of(
            "There is no migration instruction", "新版本中没有这个环节",
            "The type of the source activity is not supported", "这种环节不支持迁移",
            "Target activity is not asyncBefore", "新版本中这个环节不再是异步执行（Asynchronous before），等待执行的作业不能迁移",
            "Target activity is not asyncAfter", "新版本中这个环节不再设置 Asynchronous after，等待执行的作业不能迁移",
            "Transition instance is assigned", "新版本中这个环节的出口连线改变了，等待执行的作业不能迁移",
            "A transition instance that instantiates the process", "案件停在流程开始处，只能迁移到流程最外层的环节");

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ProcessEngine processEngine;

    public VersionMigration(ProcessEngine processEngine) {
        this.repositoryService = processEngine.getRepositoryService();
        this.runtimeService = processEngine.getRuntimeService();
        this.processEngine = processEngine;
    }

    /** A process with its latest version and the older versions that still have running cases. */
    public record ProcessVersions(String key, String name, int latestVersion, List<OlderVersion> olderVersions) {
        public long casesOnOlderVersions() {
            return olderVersions.stream().mapToLong(OlderVersion::runningCases).sum();
        }
    }

    public record OlderVersion(int version, long runningCases) {
    }

    /** What a migration of the chosen versions to the latest would do. */
    public record DryRun(String key, String name, int targetVersion, List<SourceCheck> sources) {
        public int migratableCount() {
            return sources.stream().mapToInt(s -> s.migratable().size()).sum();
        }

        public int blockedCount() {
            return sources.stream().mapToInt(s -> s.blocked().size()).sum();
        }
    }

    /** One older version: problems of the plan itself, and its running cases sorted by migratability. */
    public record SourceCheck(int version, List<String> planErrors, List<Case> migratable, List<Case> blocked) {
    }

    /** A running case: where it waits and, when it cannot be migrated, which steps stop it and why. */
    public record Case(String processInstanceId, String businessKey, List<String> currentActivities,
                       List<Obstacle> obstacles) {
    }

    public record Obstacle(String activityName, String reason) {
    }

    /** The result of executing: how many cases moved, which stayed, and what went wrong. */
    public record Outcome(String name, int targetVersion, int migrated, List<Case> left, List<String> errors) {
    }

    /** A request that cannot be carried out, with the reason for the administrator. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Checked(SourceCheck report, MigrationPlan plan) {
    }

    public List<ProcessVersions> processes() {
        List<ProcessVersions> processes = new ArrayList<>();
        for (ProcessDefinition latest : repositoryService.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list()) {
            List<OlderVersion> older = new ArrayList<>();
            for (ProcessDefinition definition : versionsOf(latest.getKey())) {
                long running = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
                if (definition.getVersion() < latest.getVersion() && running > 0) {
                    older.add(new OlderVersion(definition.getVersion(), running));
                }
            }
            processes.add(new ProcessVersions(latest.getKey(), nameOf(latest), latest.getVersion(), older));
        }
        return processes;
    }

    /**
     * @param sourceVersion the version to migrate from; null for every older version with running cases
     */
    public DryRun dryRun(String key, Integer sourceVersion) {
        ProcessDefinition target = latest(key);
        List<SourceCheck> sources = new ArrayList<>();
        for (ProcessDefinition source : sources(target, sourceVersion)) {
            sources.add(check(source, target).report());
        }
        return new DryRun(target.getKey(), nameOf(target), target.getVersion(), sources);
    }

    /** Migrates the cases the dry run finds migratable, one plan (and transaction) per older version. */
    public Outcome migrate(String key, Integer sourceVersion) {
        ProcessDefinition target = latest(key);
        int migrated = 0;
        List<Case> left = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ProcessDefinition source : sources(target, sourceVersion)) {
            Checked checked = check(source, target);
            left.addAll(checked.report().blocked());
            List<String> ids = checked.report().migratable().stream().map(Case::processInstanceId).toList();
            if (ids.isEmpty()) {
                continue;
            }
            try {
                runtimeService.newMigration(checked.plan()).processInstanceIds(ids).execute();
                migrated += ids.size();
            } catch (ProcessEngineException e) {
                // A case moved on between the check and the migration: the engine migrated none of this version.
                errors.add("第 " + source.getVersion() + " 版的 " + ids.size() + " 件案件未迁移：检查之后案件状态有变化，"
                        + "请重新试运行后再执行（引擎说明：" + firstLine(e.getMessage()) + "）");
                left.addAll(checked.report().migratable());
            }
        }
        return new Outcome(nameOf(target), target.getVersion(), migrated, left, errors);
    }

    private ProcessDefinition latest(String key) {
        if (key == null || key.isBlank()) {
            throw new Refused("请选择要迁移的流程。");
        }
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key.strip())
                .latestVersion().singleResult();
        if (latest == null) {
            throw new Refused("没有找到流程 ID（Key）为“" + key.strip() + "”的流程，请从列表中选择。");
        }
        return latest;
    }

    private List<ProcessDefinition> sources(ProcessDefinition target, Integer sourceVersion) {
        if (sourceVersion == null) {
            return versionsOf(target.getKey()).stream()
                    .filter(d -> d.getVersion() < target.getVersion())
                    .filter(d -> runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
                    .toList();
        }
        if (sourceVersion == target.getVersion()) {
            throw new Refused("第 " + sourceVersion + " 版就是“" + nameOf(target) + "”的最新版本，无需迁移；请选择更早的版本。");
        }
        ProcessDefinition source = repositoryService.createProcessDefinitionQuery().processDefinitionKey(target.getKey())
                .processDefinitionVersion(sourceVersion).singleResult();
        if (source == null) {
            throw new Refused("“" + nameOf(target) + "”没有第 " + sourceVersion + " 版（最新为第 " + target.getVersion() + " 版）。");
        }
        return List.of(source);
    }

    private List<ProcessDefinition> versionsOf(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list();
    }

    private Checked check(ProcessDefinition source, ProcessDefinition target) {
        BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            return notMigratable(source, instances, planErrors(e, sourceModel, repositoryService.getBpmnModelInstance(target.getId())));
        } catch (ProcessEngineException e) {
            return notMigratable(source, instances, List.of("不能生成迁移计划（引擎说明：" + firstLine(e.getMessage()) + "）"));
        }
        // The checks execute() makes, per case, without migrating.
        Map<String, MigratingProcessInstanceValidationReport> reports = MigrationChecks.instanceReports(processEngine,
                plan, instances.stream().map(ProcessInstance::getId).toList());
        List<Case> migratable = new ArrayList<>();
        List<Case> blocked = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            List<Obstacle> obstacles = obstacles(reports.get(instance.getId()), sourceModel);
            Case c = new Case(instance.getId(), instance.getBusinessKey(), currentActivities(instance.getId()), obstacles);
            (obstacles.isEmpty() ? migratable : blocked).add(c);
        }
        return new Checked(new SourceCheck(source.getVersion(), List.of(), migratable, blocked), plan);
    }

    private Checked notMigratable(ProcessDefinition source, List<ProcessInstance> instances, List<String> planErrors) {
        List<Case> blocked = instances.stream().map(i -> new Case(i.getId(), i.getBusinessKey(), currentActivities(i.getId()),
                List.of(new Obstacle("迁移计划", "迁移计划未通过检查（见上）")))).toList();
        return new Checked(new SourceCheck(source.getVersion(), planErrors, List.of(), blocked), null);
    }

    private static List<Obstacle> obstacles(MigratingProcessInstanceValidationReport report, BpmnModelInstance model) {
        List<Obstacle> obstacles = new ArrayList<>();
        for (String failure : report.getFailures()) {
            obstacles.add(new Obstacle("整个案件", chinese(failure)));
        }
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            activity.getFailures().forEach(f -> obstacles.add(new Obstacle(nameIn(model, activity.getSourceScopeId()), chinese(f))));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            transition.getFailures().forEach(f -> obstacles.add(new Obstacle(nameIn(model, transition.getSourceScopeId()),
                    "等待异步执行：" + chinese(f))));
        }
        return obstacles;
    }

    private static List<String> planErrors(MigrationPlanValidationException e, BpmnModelInstance source, BpmnModelInstance target) {
        List<String> errors = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            MigrationInstruction instruction = report.getMigrationInstruction();
            String step = nameIn(source, instruction.getSourceActivityId()) + " → " + nameIn(target, instruction.getTargetActivityId());
            report.getFailures().forEach(f -> errors.add(step + "：不能对应（引擎说明：" + f + "）"));
        }
        e.getValidationReport().getVariableReports().forEach((name, report) ->
                report.getFailures().forEach(f -> errors.add("变量 " + name + "：" + f)));
        if (errors.isEmpty()) {
            errors.add("迁移计划未通过检查（引擎说明：" + firstLine(e.getMessage()) + "）");
        }
        return errors;
    }

    private List<String> currentActivities(String processInstanceId) {
        List<String> names = new ArrayList<>();
        ActivityInstance root = runtimeService.getActivityInstance(processInstanceId);
        if (root != null) {
            collectLeaves(root, names);
        }
        return names;
    }

    private static void collectLeaves(ActivityInstance instance, List<String> names) {
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                names.add(orId(child.getActivityName(), child.getActivityId()));
            } else {
                collectLeaves(child, names);
            }
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            names.add(orId(transition.getActivityName(), transition.getActivityId()) + "（等待异步执行）");
        }
    }

    private static String chinese(String failure) {
        return FAILURES.entrySet().stream().filter(f -> failure.startsWith(f.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("不能迁移（引擎说明：" + failure + "）");
    }

    private static String nameIn(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = activityId == null ? null : model.getModelElementById(activityId);
        return orId(element == null ? null : element.getAttributeValue("name"), activityId);
    }

    private static String nameOf(ProcessDefinition definition) {
        return orId(definition.getName(), definition.getKey());
    }

    private static String orId(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
