package org.jiuzhu.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.engine.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The overdue tasks a user may see, with where they are late: township, stage, days overdue, who has them.
 * Feeds the Cockpit plugin 逾期案件: counts by township and stage first, then one page of the tasks at a time.
 * What is overdue and whose it is to see is {@link OverdueWork}'s, as for the dashboard and Tasklist's 已逾期:
 * the late tasks of the cases of the user's unit and the units below it (a supervisor's county), whoever works
 * on them; the user may read those cases (process-instance grants).
 */
@Service
public class OverdueOverview {

    /** The due date as the plugin shows it, in the configured zone (the browser's may be another). */
    private static final java.time.format.DateTimeFormatter DUE_TEXT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The group of the tasks that belong to no unit (no candidate unit group). */
    public static final String NO_UNIT = "（未归属单位）";

    public record OverdueTask(String taskId, String taskName, String processInstanceId, String processName,
                              String businessKey, String dueDate, String dueDateText, long daysOverdue, String assignee,
                              String assigneeName, String candidateGroup, String unitName, String townshipCode,
                              String townshipName, boolean escalated) {
    }

    public record StageCount(String stage, long count) {
    }

    /** {@code townshipCode} is null for tasks of no unit and of a county itself (then named after the county). */
    public record TownshipCount(String townshipCode, String townshipName, long count, List<StageCount> stages) {
    }

    public record Summary(long total, long escalated, List<TownshipCount> townships) {
    }

    public record Page(long total, int firstResult, int maxResults, List<OverdueTask> tasks) {
    }

    /** A township code that names no registered township. */
    public static class UnknownTownshipException extends RuntimeException {
        UnknownTownshipException(String code) {
            super("未登记的乡镇（街道）代码：" + code);
        }
    }

    /** Where a task is late: its unit and the township that unit lies in. */
    private record Place(String unitName, String townshipCode, String townshipName) {
    }

    /** A task's case number and candidate unit group, each null when it has none. */
    private record CaseAndGroup(String businessKey, String group) {
        /** For a task completed between the engine's query and ours. */
        static final CaseAndGroup NONE = new CaseAndGroup(null, null);
    }

    private record TownshipKey(String code, String name) {
    }

    /** An overdue task as the overview needs it. */
    private record Late(String id, String name, Date dueDate, String assignee, String processInstanceId,
                        String processDefinitionId) {

        static final Comparator<Late> MOST_OVERDUE_FIRST = Comparator.comparing(Late::dueDate).thenComparing(Late::id);
    }

    private final IdentityService identityService;
    private final OfficialService officials;
    private final RepositoryService repositoryService;
    private final AdminUnitRepository units;
    private final SupervisionRecords records;
    private final Clock clock;
    private final JdbcClient jdbc;
    /** Process definition id → its name (key when unnamed); deployed definitions never change. */
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    public OverdueOverview(IdentityService identityService, OfficialService officials,
                           RepositoryService repositoryService, AdminUnitRepository units, SupervisionRecords records,
                           Clock clock, JdbcClient jdbc) {
        this.identityService = identityService;
        this.officials = officials;
        this.repositoryService = repositoryService;
        this.units = units;
        this.records = records;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * How many overdue tasks this user may see, by township (most first) and stage, and how many of
     * them were escalated. Needs only the visible tasks' ids, names and candidate groups, not the rows
     * of the list.
     */
    public Summary summaryFor(List<String> groupIds) {
        List<Late> tasks = visibleTo(groupIds);
        if (tasks.isEmpty()) {
            return new Summary(0, 0, List.of());
        }
        List<String> taskIds = tasks.stream().map(Late::id).toList();
        Map<String, CaseAndGroup> cases = casesAndGroups(taskIds);
        Map<String, AdminUnit> unitsByCode = unitsByCode();
        Map<TownshipKey, Map<String, Long>> byTownship = new HashMap<>();
        for (Late task : tasks) {
            Place place = placeOf(cases.getOrDefault(task.id(), CaseAndGroup.NONE).group(), unitsByCode);
            TownshipKey township = new TownshipKey(place.townshipCode(),
                    place.townshipName() == null ? NO_UNIT : place.townshipName());
            byTownship.computeIfAbsent(township, key -> new HashMap<>()).merge(task.name(), 1L, Long::sum);
        }
        List<TownshipCount> townships = byTownship.entrySet().stream().map(township -> {
            List<StageCount> stages = township.getValue().entrySet().stream()
                    .map(stage -> new StageCount(stage.getKey(), stage.getValue()))
                    .sorted(Comparator.comparingLong(StageCount::count).reversed()
                            .thenComparing(StageCount::stage, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            return new TownshipCount(township.getKey().code(), township.getKey().name(),
                    stages.stream().mapToLong(StageCount::count).sum(), stages);
        }).sorted(Comparator.comparingLong(TownshipCount::count).reversed()
                .thenComparing(TownshipCount::townshipCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TownshipCount::townshipName)).toList();
        return new Summary(tasks.size(), records.tasksWithRecords(taskIds).size(), townships);
    }

    /**
     * One page of the overdue tasks this user may see, most overdue first, optionally only those whose
     * candidate unit group lies in one township (the township or one of its villages). Only the page's
     * tasks are looked up further.
     *
     * @throws UnknownTownshipException when {@code townshipCode} names no registered township
     */
    public Page pageFor(List<String> groupIds, String townshipCode, int firstResult, int maxResults) {
        Map<String, AdminUnit> unitsByCode = unitsByCode();
        List<String> townshipGroups = townshipCode == null ? null : groupsOfTownship(townshipCode, unitsByCode);
        List<Late> tasks = visibleTo(groupIds);
        if (townshipGroups != null) {
            Map<String, CaseAndGroup> cases = casesAndGroups(tasks.stream().map(Late::id).toList());
            tasks = tasks.stream()
                    .filter(task -> townshipGroups.contains(cases.getOrDefault(task.id(), CaseAndGroup.NONE).group()))
                    .toList();
        }
        List<Late> page = tasks.subList(Math.min(firstResult, tasks.size()),
                (int) Math.min((long) firstResult + maxResults, tasks.size()));
        return new Page(tasks.size(), firstResult, maxResults, enrich(page, unitsByCode));
    }

    /**
     * Every overdue task of the cases the user oversees ({@link OverdueWork}), most overdue first: ids,
     * names and dates only, a county's overdue work, not its history.
     */
    private List<Late> visibleTo(List<String> groupIds) {
        OverdueWork.Scope scope = OverdueWork.scopeOf(groupIds);
        if (scope.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(clock.instant()));
        List<String> conditions = new ArrayList<>();
        for (String pattern : scope.unitCodePatterns()) {
            String name = "cases" + conditions.size();
            params.put(name, pattern);
            conditions.add("v.text_ like :" + name);
        }
        // The unit variable is read through the PostgreSQL index on it (dashboard/CaseUnitIndex), which names it
        // literally; administrators see cases of no unit too.
        return jdbc.sql("""
                select t.id_, t.name_, t.due_date_, t.assignee_, t.proc_inst_id_, t.proc_def_id_
                from act_ru_task t
                %s join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.task_id_ is null
                    and v.name_ = '%s'
                where %s and %s
                order by t.due_date_, t.id_""".formatted(scope.everything() ? "left" : "", CaseVariables.UNIT_CODE,
                        OverdueWork.taskCondition("t"),
                        scope.everything() ? "1 = 1" : "(" + String.join(" or ", conditions) + ")"))
                .params(params)
                .query((rs, row) -> new Late(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The unit groups of a township and of every village under it. */
    private static List<String> groupsOfTownship(String code, Map<String, AdminUnit> unitsByCode) {
        AdminUnit township = unitsByCode.get(code);
        if (township == null || township.level() != UnitLevel.TOWNSHIP) {
            throw new UnknownTownshipException(code);
        }
        return Stream.concat(Stream.of(township), unitsByCode.values().stream().filter(u -> code.equals(u.parentCode())))
                .map(AdminUnit::groupId).toList();
    }

    /**
     * The engine has decided which tasks the user may see; what the list shows about them is read
     * without a second authorization check (the user may read these tasks' cases anyway): one query
     * for their cases' numbers and candidate groups, the units once, the definitions from the engine's cache.
     */
    private List<OverdueTask> enrich(List<Late> tasks, Map<String, AdminUnit> unitsByCode) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> taskIds = tasks.stream().map(Late::id).toList();
        Map<String, CaseAndGroup> cases = casesAndGroups(taskIds);
        Map<String, String> processNames = processNames(tasks);
        Set<String> escalated = records.tasksWithRecords(taskIds);
        Map<String, String> names = officials.namesOf(tasks.stream().map(Late::assignee).toList());
        return tasks.stream().map(task -> {
            CaseAndGroup found = cases.getOrDefault(task.id(), CaseAndGroup.NONE);
            Place place = placeOf(found.group(), unitsByCode);
            Instant due = task.dueDate().toInstant();
            // A task created in Tasklist has no process, and the cache takes no null key.
            return new OverdueTask(task.id(), task.name(), task.processInstanceId(),
                    task.processDefinitionId() == null ? null : processNames.get(task.processDefinitionId()),
                    found.businessKey(), due.toString(), DUE_TEXT.format(due.atZone(clock.getZone())),
                    Math.max(1, Duration.between(due, now).toDays() + 1), task.assignee(),
                    task.assignee() == null ? null : names.get(task.assignee()), found.group(),
                    place.unitName(), place.townshipCode(), place.townshipName(), escalated.contains(task.id()));
        }).toList();
    }

    private Map<String, AdminUnit> unitsByCode() {
        Map<String, AdminUnit> unitsByCode = new HashMap<>();
        units.findAll().forEach(unit -> unitsByCode.put(unit.code(), unit));
        return unitsByCode;
    }

    /**
     * The unit of a candidate unit group and its township; a county's own task is placed under the
     * county's name without a township code, a task of no unit nowhere.
     */
    private static Place placeOf(String group, Map<String, AdminUnit> unitsByCode) {
        List<AdminUnit> chain = group == null ? List.of() : chainOf(UnitGroups.unitCodeOf(group).orElseThrow(), unitsByCode);
        if (chain.isEmpty()) {
            return new Place(null, null, null);
        }
        Optional<AdminUnit> township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst();
        return new Place(chain.get(0).name(), township.map(AdminUnit::code).orElse(null),
                township.map(AdminUnit::name).orElse(chain.get(0).name()));
    }

    /** The unit and every unit above it, lowest first, from units read once. */
    private static List<AdminUnit> chainOf(String code, Map<String, AdminUnit> unitsByCode) {
        List<AdminUnit> chain = new ArrayList<>(3);
        for (AdminUnit unit = unitsByCode.get(code); unit != null && chain.size() < 3;
             unit = unit.parentCode() == null ? null : unitsByCode.get(unit.parentCode())) {
            chain.add(unit);
        }
        return chain;
    }

    /** The name of each task's process (its key when it has none), as deployed: definitions never change. */
    private Map<String, String> processNames(List<Late> tasks) {
        Set<String> missing = tasks.stream().map(Late::processDefinitionId).filter(Objects::nonNull)
                .filter(id -> !processNames.containsKey(id)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            CurrentUser.withoutUser(identityService, () -> repositoryService.createProcessDefinitionQuery()
                    .processDefinitionIdIn(missing.toArray(String[]::new)).list())
                    .forEach(d -> processNames.put(d.getId(), d.getName() == null ? d.getKey() : d.getName()));
        }
        return processNames;
    }

    /**
     * Each task's case number (business key of its process instance) and candidate unit group; the
     * engine has no query for many tasks' identity links.
     */
    private Map<String, CaseAndGroup> casesAndGroups(List<String> taskIds) {
        Map<String, CaseAndGroup> cases = new HashMap<>();
        IdChunks.forEach(taskIds, chunk -> {
            jdbc.sql("""
                    select t.id_, e.business_key_, l.group_id_
                    from act_ru_task t
                    left join act_ru_execution e on e.id_ = t.proc_inst_id_
                    left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                    where t.id_ in (:ids)""")
                    .param("ids", chunk)
                    .query(rs -> {
                        String group = rs.getString(3);
                        CaseAndGroup row = new CaseAndGroup(rs.getString(2),
                                group != null && UnitGroups.unitCodeOf(group).isPresent() ? group : null);
                        // One row per candidate group: of several unit groups, the first by name.
                        cases.merge(rs.getString(1), row, (a, b) -> b.group() != null
                                && (a.group() == null || b.group().compareTo(a.group()) < 0) ? b : a);
                    });
        });
        return cases;
    }
}
