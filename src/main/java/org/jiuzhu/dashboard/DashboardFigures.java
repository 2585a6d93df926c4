package org.jiuzhu.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitCodes;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.supervision.OverdueEscalation;
import org.jiuzhu.supervision.OverdueWork;
import org.jiuzhu.engine.CaseProcesses;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.casework.CaseVariables;
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

    /**
     * The case processes the dashboard lists first, in this order; every other process deployed with
     * user tasks (say one an administrator adds in the Modeler) follows, by name.
     */
    static final List<String> CASE_PROCESSES = List.of(DibaoVariables.PROCESS_KEY, EmergencyVariables.PROCESS_KEY,
            "temporaryAssistance");
    /** Processes of the system's own: their user tasks (督办) are no stage of a case. */
    static final Set<String> SYSTEM_PROCESSES = Set.of(OverdueEscalation.ESCALATION_PROCESS);
    static final int MONTHS = 12;

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
            Map<String, Integer> positions = new HashMap<>();
            processes.forEach(process -> positions.put(process.key(), positions.size()));
            return Comparator.<Map.Entry<String, String>>comparingInt(e -> positions.getOrDefault(e.getKey(), positions.size()))
                    .thenComparing(Map.Entry::getKey)
                    .thenComparingInt(e -> stageOf(e.getKey(), e.getValue()).map(Stage::order).orElse(Integer.MAX_VALUE))
                    .thenComparing(Map.Entry::getValue);
        }

        Optional<Stage> stageOf(String processKey, String taskKey) {
            return Optional.ofNullable(stages.getOrDefault(processKey, Map.of()).get(taskKey));
        }

        List<String> keys() {
            return processes.stream().map(Process::key).toList();
        }
    }

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final AdminUnitRepository units;
    private final TaskCompletions completions;
    private final ApplicationMonths applicationMonths;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Map<String, Stage>> stagesByDefinitionId = new ConcurrentHashMap<>();

    public DashboardFigures(RepositoryService repositoryService,
                            IdentityService identityService, AdminUnitRepository units, TaskCompletions completions,
                            ApplicationMonths applicationMonths, JdbcClient jdbc, Clock clock) {
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
            List<OpenTasks> open = openTasks(scope, catalogue, now);
            List<TownshipCount> overdue = overdueByTownship(scope, open);
            return new Figures(scope.name(), first.toString(), last.toString(), catalogue.processes(),
                    openByStage(open, catalogue), overdue.stream().mapToLong(TownshipCount::count).sum(), overdue,
                    averageDays(scope, first, catalogue), sameDayCompliance(scope, first),
                    applicationsPerMonth(scope, first, last));
        });
    }

    /** Open user tasks of one stage of the cases of one unit ({@code unitCode} null: cases without one). */
    private record OpenTasks(String processKey, String taskKey, String taskName, String unitCode, long open,
                             long overdue) {
    }

    /**
     * The open user tasks of the scope's cases, whoever may work on them, counted in the database by
     * stage and case unit: the dashboard stays as fast with a county's whole backlog as with a few cases.
     * A case's unit is its process instance's {@code unitCode}, as for every other figure.
     */
    private List<OpenTasks> openTasks(DashboardScope scope, Catalogue catalogue, Instant now) {
        if (catalogue.processes().isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(now));
        params.put("unitCode", CaseVariables.UNIT_CODE);
        params.put("processKeys", catalogue.keys());
        DashboardScope.SqlCondition inScope = scope.unitCodeCondition("v.text_");
        params.putAll(inScope.params());
        return jdbc.sql("""
                select d.key_ as process_key, t.task_def_key_ as task_key, max(t.name_) as task_name,
                    v.text_ as unit_code, count(*) as open_count,
                    sum(case when %s then 1 else 0 end) as overdue_count
                from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_
                left join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.task_id_ is null
                    and v.name_ = :unitCode
                where d.key_ in (:processKeys) and %s
                group by d.key_, t.task_def_key_, v.text_""".formatted(OverdueWork.taskCondition("t"), inScope.sql()))
                .params(params)
                .query((rs, row) -> new OpenTasks(rs.getString("process_key"), rs.getString("task_key"),
                        rs.getString("task_name"), rs.getString("unit_code"), rs.getLong("open_count"),
                        rs.getLong("overdue_count")))
                .list();
    }

    private List<StageCount> openByStage(List<OpenTasks> open, Catalogue catalogue) {
        Map<Map.Entry<String, String>, String> names = new HashMap<>();
        Map<Map.Entry<String, String>, Long> counts = new HashMap<>();
        for (OpenTasks tasks : open) {
            Map.Entry<String, String> stage = Map.entry(tasks.processKey(), tasks.taskKey());
            counts.merge(stage, tasks.open(), Long::sum);
            names.putIfAbsent(stage, tasks.taskName());
        }
        return counts.keySet().stream().sorted(catalogue.order())
                .map(stage -> new StageCount(stage.getKey(), stage.getValue(),
                        catalogue.stageOf(stage.getKey(), stage.getValue()).map(Stage::name).orElse(names.get(stage)),
                        counts.get(stage)))
                .toList();
    }

    /**
     * Overdue tasks ({@link OverdueWork}: as Cockpit's 逾期案件 and Tasklist's 已逾期 count them), by the
     * township of their case. Every township of the scope is
     * listed, also those with none; a case of a county itself counts under the county.
     */
    private List<TownshipCount> overdueByTownship(DashboardScope scope, List<OpenTasks> open) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        townshipsOf(scope).forEach(township -> {
            names.put(township.code(), township.name());
            counts.put(township.code(), 0L);
        });
        for (OpenTasks tasks : open) {
            if (tasks.overdue() > 0) {
                counts.merge(townshipOf(tasks.unitCode()), tasks.overdue(), Long::sum);
            }
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
        return completions.stageTotals(scope, first.atDay(1), catalogue.keys()).stream()
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
        List<ProcessDefinition> latest = new ArrayList<>(repositoryService.createProcessDefinitionQuery().latestVersion()
                .list().stream().filter(definition -> !SYSTEM_PROCESSES.contains(definition.getKey())).toList());
        latest.sort(Comparator.<ProcessDefinition>comparingInt(definition -> CASE_PROCESSES.contains(definition.getKey())
                        ? CASE_PROCESSES.indexOf(definition.getKey()) : CASE_PROCESSES.size())
                .thenComparing(DashboardFigures::nameOf).thenComparing(ProcessDefinition::getKey));
        List<Process> processes = new ArrayList<>();
        Map<String, Map<String, Stage>> stages = new HashMap<>();
        for (ProcessDefinition definition : latest) {
            Map<String, Stage> userTasks = stagesByDefinitionId.computeIfAbsent(definition.getId(), this::stagesOf);
            // The same key in two tenants counts once; a process without user tasks (or marked as no case,
            // see CaseProcesses) has no stages.
            if (!userTasks.isEmpty() && !stages.containsKey(definition.getKey())) {
                processes.add(new Process(definition.getKey(), nameOf(definition)));
                stages.put(definition.getKey(), userTasks);
            }
        }
        return new Catalogue(processes, stages);
    }

    private static String nameOf(ProcessDefinition definition) {
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    private Map<String, Stage> stagesOf(String definitionId) {
        Map<String, Stage> stages = new HashMap<>();
        // As parsed when deployed (CaseProcesses marks it then): no second reading of the model's properties.
        if (!CaseProcesses.isCase(repositoryService, definitionId)) {
            return stages;
        }
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
        return CurrentUser.withoutUser(identityService, work);
    }
}
