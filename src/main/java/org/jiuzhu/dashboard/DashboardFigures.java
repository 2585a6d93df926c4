package org.jiuzhu.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiuzhu.dibao.process.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitCodes;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.system.CaseVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of the dashboard (统计分析) for one scope: open cases by stage, overdue work by township,
 * average days per stage, same-day compliance of the emergency path and applications per month. The
 * scope alone decides what counts, not the Camunda permissions of whoever asks: a township officer sees
 * how long the county takes to file the township's cases, although the county's tasks are not theirs.
 */
@Service
public class DashboardFigures {

    /** The processes whose user tasks are stages of a case, in the order the dashboard lists them. */
    static final List<String> CASE_PROCESSES = List.of(DibaoVariables.PROCESS_KEY, EmergencyVariables.PROCESS_KEY,
            "temporaryAssistance");
    static final int MONTHS = 12;
    private static final int IDS_PER_QUERY = 500;

    public record Process(String key, String name) {
    }

    public record StageCount(String processKey, String taskKey, String stage, long count) {
    }

    public record TownshipCount(String code, String name, long count) {
    }

    /** {@code averageDays}: calendar days from the task's creation to its completion, to 3 decimals (same-day stages take hours). */
    public record StageDuration(String processKey, String taskKey, String stage, long completed, double averageDays) {
    }

    /**
     * Same-day cases of the period: {@code filed} reached county filing, {@code sameDay} of them on the day
     * of the pledge, {@code inReview} still on their way there (refused ones are not); {@code rate} is
     * sameDay / filed (null: none filed).
     */
    public record SameDayCompliance(long filed, long sameDay, long inReview, Double rate) {
    }

    public record MonthCount(String month, long count) {
    }

    public record Figures(String scope, String periodFrom, String periodTo, List<Process> processes,
                          List<StageCount> openByStage, long overdueTotal, List<TownshipCount> overdueByTownship,
                          List<StageDuration> averageDaysByStage, SameDayCompliance emergencySameDay,
                          List<MonthCount> applicationsPerMonth) {
    }

    private record Stage(int order, String name) {
    }

    private record Catalogue(List<Process> processes, Map<String, Map<String, Stage>> stages) {

        /** Processes in the dashboard's order, each stage in the order of its model. */
        Comparator<Map.Entry<String, String>> order() {
            return Comparator.<Map.Entry<String, String>>comparingInt(e -> processOrder(e.getKey()))
                    .thenComparingInt(e -> stageOf(e.getKey(), e.getValue()).map(Stage::order).orElse(Integer.MAX_VALUE))
                    .thenComparing(Map.Entry::getValue);
        }

        Optional<Stage> stageOf(String processKey, String taskKey) {
            return Optional.ofNullable(stages.getOrDefault(processKey, Map.of()).get(taskKey));
        }

        private static int processOrder(String processKey) {
            int index = CASE_PROCESSES.indexOf(processKey);
            return index < 0 ? CASE_PROCESSES.size() : index;
        }
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final AdminUnitRepository units;
    private final TaskCompletions completions;
    private final ApplicationMonths applicationMonths;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Map<String, Stage>> stagesByDefinitionId = new ConcurrentHashMap<>();

    public DashboardFigures(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
                            IdentityService identityService, AdminUnitRepository units, TaskCompletions completions,
                            ApplicationMonths applicationMonths, JdbcClient jdbc, Clock clock) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.units = units;
        this.completions = completions;
        this.applicationMonths = applicationMonths;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Figures of(DashboardScope scope) {
        Instant now = clock.instant();
        YearMonth last = YearMonth.from(LocalDate.ofInstant(now, clock.getZone()));
        YearMonth first = last.minusMonths(MONTHS - 1);
        return asEngine(() -> {
            Catalogue catalogue = catalogue();
            List<Task> open = openTasks(scope);
            List<TownshipCount> overdue = overdueByTownship(scope, open, now);
            return new Figures(scope.name(), first.toString(), last.toString(), catalogue.processes(),
                    openByStage(open, catalogue), overdue.stream().mapToLong(TownshipCount::count).sum(), overdue,
                    averageDays(scope, first, catalogue), sameDayCompliance(scope, first),
                    applicationsPerMonth(scope, first, last));
        });
    }

    /** The open user tasks of the scope's cases, whoever may work on them. */
    private List<Task> openTasks(DashboardScope scope) {
        String[] keys = CASE_PROCESSES.toArray(String[]::new);
        if (scope.isEverything()) {
            return taskService.createTaskQuery().processDefinitionKeyIn(keys).list();
        }
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (AdminUnit unit : scope.units()) {
            TaskQuery query = taskService.createTaskQuery().processDefinitionKeyIn(keys);
            query = unit.level() == UnitLevel.VILLAGE
                    ? query.processVariableValueEquals(CaseVariables.UNIT_CODE, unit.code())
                    : query.processVariableValueLike(CaseVariables.UNIT_CODE, DashboardScope.unitCodePattern(unit));
            query.list().forEach(task -> tasks.putIfAbsent(task.getId(), task));
        }
        return new ArrayList<>(tasks.values());
    }

    private List<StageCount> openByStage(List<Task> open, Catalogue catalogue) {
        Map<String, String> processKeys = new HashMap<>();
        Map<Map.Entry<String, String>, String> names = new HashMap<>();
        Map<Map.Entry<String, String>, Long> counts = new HashMap<>();
        for (Task task : open) {
            String processKey = processKeys.computeIfAbsent(task.getProcessDefinitionId(),
                    id -> repositoryService.getProcessDefinition(id).getKey());
            Map.Entry<String, String> stage = Map.entry(processKey, task.getTaskDefinitionKey());
            counts.merge(stage, 1L, Long::sum);
            names.putIfAbsent(stage, task.getName());
        }
        return counts.keySet().stream().sorted(catalogue.order())
                .map(stage -> new StageCount(stage.getKey(), stage.getValue(),
                        catalogue.stageOf(stage.getKey(), stage.getValue()).map(Stage::name).orElse(names.get(stage)),
                        counts.get(stage)))
                .toList();
    }

    /** Process instance id → the case's unitCode. */
    private Map<String, String> caseUnitsOf(List<Task> tasks) {
        List<String> ids = tasks.stream().map(Task::getProcessInstanceId).distinct().toList();
        Map<String, String> unitCodes = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                    .variableName(CaseVariables.UNIT_CODE).processInstanceIdIn(chunk.toArray(String[]::new)).list()) {
                if (variable.getValue() instanceof String code
                        && variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                    unitCodes.put(variable.getProcessInstanceId(), code);
                }
            }
        }
        return unitCodes;
    }

    /**
     * Open tasks past their due date, by the township of their case. Every township of the scope is
     * listed, also those with none; a case of a county itself counts under the county.
     */
    private List<TownshipCount> overdueByTownship(DashboardScope scope, List<Task> open, Instant now) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        townshipsOf(scope).forEach(township -> {
            names.put(township.code(), township.name());
            counts.put(township.code(), 0L);
        });
        Date nowDate = Date.from(now);
        List<Task> overdue = open.stream().filter(t -> t.getDueDate() != null && t.getDueDate().before(nowDate)).toList();
        Map<String, String> caseUnits = caseUnitsOf(overdue);
        for (Task task : overdue) {
            counts.merge(townshipOf(caseUnits.get(task.getProcessInstanceId())), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new TownshipCount(e.getKey(), names.computeIfAbsent(e.getKey(), code -> code.isEmpty()
                        ? "未归属单位" : units.findByCode(code).map(AdminUnit::name).orElse(code)), e.getValue()))
                .toList();
    }

    private List<AdminUnit> townshipsOf(DashboardScope scope) {
        if (scope.isEverything()) {
            return units.findAll().stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).toList();
        }
        return scope.units().stream().flatMap(unit -> switch (unit.level()) {
            case COUNTY -> units.findChildren(unit.code()).stream();
            case TOWNSHIP -> Stream.of(unit);
            case VILLAGE -> units.findByCode(unit.parentCode()).stream();
        }).distinct().toList();
    }

    private static String townshipOf(String caseUnitCode) {
        if (!UnitCodes.isWellFormed(caseUnitCode)) {
            return "";
        }
        return UnitLevel.ofCode(caseUnitCode) == UnitLevel.VILLAGE ? UnitCodes.parentCodeOf(caseUnitCode) : caseUnitCode;
    }

    private List<StageDuration> averageDays(DashboardScope scope, YearMonth first, Catalogue catalogue) {
        return completions.stageTotals(scope, first.atDay(1), CASE_PROCESSES).stream()
                .filter(total -> total.completed() > 0)
                .sorted(Comparator.comparing(total -> Map.entry(total.processDefinitionKey(), total.taskDefinitionKey()),
                        catalogue.order()))
                .map(total -> new StageDuration(total.processDefinitionKey(), total.taskDefinitionKey(),
                        catalogue.stageOf(total.processDefinitionKey(), total.taskDefinitionKey()).map(Stage::name)
                                .orElse(total.taskName()),
                        total.completed(),
                        Math.round(total.totalSeconds() * 1000.0 / total.completed() / 86_400) / 1000.0))
                .toList();
    }

    private SameDayCompliance sameDayCompliance(DashboardScope scope, YearMonth first) {
        var sql = jdbc.sql("""
                select
                    sum(case when e.county_filed_at is not null then 1 else 0 end) as filed,
                    sum(case when e.county_filed_at is not null
                        and cast(e.county_filed_at as date) = cast(e.pledged_at as date) then 1 else 0 end) as same_day,
                    sum(case when e.county_filed_at is null and e.outcome in (:onTheirWay) then 1 else 0 end) as in_review
                from emergency_case e
                where %s and e.pledged_at >= :from""".formatted(scope.condition("e")))
                .param("from", Timestamp.valueOf(first.atDay(1).atStartOfDay()))
                // In review, or approved and paid by the township: the county's filing is still to come.
                .param("onTheirWay", List.of(EmergencyArchive.Outcome.IN_REVIEW.name(), EmergencyArchive.Outcome.ASSISTED.name()));
        if (!scope.isEverything()) {
            sql = sql.param("scopeCodes", scope.codes());
        }
        return sql.query((rs, row) -> {
            long filed = rs.getLong("filed");
            long sameDay = rs.getLong("same_day");
            return new SameDayCompliance(filed, sameDay, rs.getLong("in_review"),
                    filed == 0 ? null : Math.round(sameDay * 1000.0 / filed) / 1000.0);
        }).single();
    }

    private List<MonthCount> applicationsPerMonth(DashboardScope scope, YearMonth first, YearMonth last) {
        Map<YearMonth, Long> counts = applicationMonths.perMonth(scope, first, last);
        List<MonthCount> months = new ArrayList<>(MONTHS);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(new MonthCount(month.toString(), counts.getOrDefault(month, 0L)));
        }
        return months;
    }

    /** The latest version of each case process, with its user tasks in the order of the model. */
    private Catalogue catalogue() {
        Map<String, ProcessDefinition> latest = new HashMap<>();
        repositoryService.createProcessDefinitionQuery().processDefinitionKeyIn(CASE_PROCESSES.toArray(String[]::new))
                .latestVersion().list().forEach(definition -> latest.put(definition.getKey(), definition));
        List<Process> processes = new ArrayList<>();
        Map<String, Map<String, Stage>> stages = new HashMap<>();
        for (String key : CASE_PROCESSES) {
            ProcessDefinition definition = latest.get(key);
            if (definition != null) {
                processes.add(new Process(key, definition.getName() == null ? key : definition.getName()));
                stages.put(key, stagesByDefinitionId.computeIfAbsent(definition.getId(), this::stagesOf));
            }
        }
        return new Catalogue(processes, stages);
    }

    private Map<String, Stage> stagesOf(String definitionId) {
        Map<String, Stage> stages = new HashMap<>();
        for (UserTask task : repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)) {
            stages.put(task.getId(), new Stage(stages.size(), task.getName() == null ? task.getId() : task.getName()));
        }
        return stages;
    }

    /**
     * Runs engine queries for the whole scope: the page's user may not read every task or model the
     * figures count (the scope has been checked against their unit).
     */
    private <T> T asEngine(Supplier<T> work) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }
}
