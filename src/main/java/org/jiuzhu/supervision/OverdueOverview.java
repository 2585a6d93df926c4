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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.system.CaseVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The overdue tasks a user may see, with where they are late: township, stage, days overdue, who has them.
 * Feeds the Cockpit plugin 逾期案件: counts by township and stage first, then one page of the tasks at a time.
 * A user sees the tasks Camunda lets them read (their unit's own, those escalated to them); an official of
 * a township or county also every overdue task of the cases of their unit and the units below it, which they
 * may read as cases (process-instance grants), whoever works on them. A village's officials see only their
 * own tasks; supervisors, who belong to no unit, what is escalated to them.
 */
@Service
public class OverdueOverview {

    /** The group of the tasks that belong to no unit (no candidate unit group). */
    public static final String NO_UNIT = "（未归属单位）";

    public record OverdueTask(String taskId, String taskName, String processInstanceId, String processName,
                              String businessKey, String dueDate, long daysOverdue, String assignee,
                              String candidateGroup, String unitName, String townshipCode, String townshipName,
                              boolean escalated) {
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

    /** An overdue task as the overview needs it, whether the engine's query found it or the unit's cases. */
    private record Late(String id, String name, Date dueDate, String assignee, String processInstanceId,
                        String processDefinitionId) {

        static final Comparator<Late> MOST_OVERDUE_FIRST = Comparator.comparing(Late::dueDate).thenComparing(Late::id);

        static Late of(Task task) {
            return new Late(task.getId(), task.getName(), task.getDueDate(), task.getAssignee(),
                    task.getProcessInstanceId(), task.getProcessDefinitionId());
        }
    }

    private final IdentityService identityService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final AdminUnitRepository units;
    private final SupervisionRecords records;
    private final Clock clock;
    private final JdbcClient jdbc;
    /** Process definition id → its name (key when unnamed); deployed definitions never change. */
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    public OverdueOverview(IdentityService identityService, TaskService taskService,
                           RepositoryService repositoryService, AdminUnitRepository units, SupervisionRecords records,
                           Clock clock, JdbcClient jdbc) {
        this.identityService = identityService;
        this.taskService = taskService;
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
    public Summary summaryFor(String userId, List<String> groupIds) {
        List<Late> tasks = visibleTo(userId, groupIds);
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
     * candidate unit group lies in one township (the township or one of its villages). The engine
     * pages and counts what it lets the user read; only the page's tasks are looked up further.
     *
     * @throws UnknownTownshipException when {@code townshipCode} names no registered township
     */
    public Page pageFor(String userId, List<String> groupIds, String townshipCode, int firstResult, int maxResults) {
        Map<String, AdminUnit> unitsByCode = unitsByCode();
        List<String> townshipGroups = townshipCode == null ? null : groupsOfTownship(townshipCode, unitsByCode);
        if (overseenCases(groupIds).isPresent()) {
            return pageOfOverseenCases(userId, groupIds, townshipGroups, firstResult, maxResults, unitsByCode);
        }
        record Found(long total, List<Task> tasks) {
        }
        Found found = asUser(userId, groupIds, () -> {
            TaskQuery query = overdueTasks(clock.instant());
            if (townshipGroups != null) {
                // A candidate query leaves out claimed tasks unless told otherwise.
                query.taskCandidateGroupIn(townshipGroups).includeAssignedTasks();
            }
            // The task id breaks ties of due dates, so that pages neither repeat nor skip a task.
            query.orderByDueDate().asc().orderByTaskId().asc();
            List<Task> page = query.listPage(firstResult, maxResults);
            // A page that is not full is the last one: its end is the total, no second authorised query.
            boolean last = page.size() < maxResults && (!page.isEmpty() || firstResult == 0);
            return new Found(last ? firstResult + page.size() : query.count(), page);
        });
        return new Page(found.total(), firstResult, maxResults,
                enrich(found.tasks().stream().map(Late::of).toList(), unitsByCode));
    }

    /**
     * A page for an official who oversees the cases of their unit: the engine cannot page the tasks it lets
     * them read together with those of their unit's cases, so both are read (ids, names and dates only: a
     * county's overdue work, not its history) and paged here.
     */
    private Page pageOfOverseenCases(String userId, List<String> groupIds, List<String> townshipGroups,
                                     int firstResult, int maxResults, Map<String, AdminUnit> unitsByCode) {
        List<Late> tasks = visibleTo(userId, groupIds);
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
     * Every overdue task the user may see, most overdue first: what the engine lets them read, and for an
     * official of a township or county the overdue tasks of their unit's cases.
     */
    private List<Late> visibleTo(String userId, List<String> groupIds) {
        Instant now = clock.instant();
        List<Late> readable = asUser(userId, groupIds, () -> overdueTasks(now).list()).stream().map(Late::of).toList();
        Optional<String> overseen = overseenCases(groupIds);
        if (overseen.isEmpty()) {
            return readable;
        }
        Map<String, Late> tasks = new HashMap<>();
        readable.forEach(task -> tasks.put(task.id(), task));
        overdueTasksOfCases(overseen.get(), now).forEach(task -> tasks.putIfAbsent(task.id(), task));
        return tasks.values().stream().sorted(Late.MOST_OVERDUE_FIRST).toList();
    }

    private TaskQuery overdueTasks(Instant now) {
        return taskService.createTaskQuery().active().dueBefore(Date.from(now));
    }

    /**
     * The unit codes of the cases an official of a township or county oversees, as a SQL {@code like}
     * pattern: codes nest (6 digits county, 3 township, 3 village), so a township's cases are those whose
     * code starts with its 9 digits. None for a village's officials and for users of no unit.
     */
    private static Optional<String> overseenCases(List<String> groupIds) {
        return UnitGroups.mostLocalUnitCode(groupIds).flatMap(code -> switch (UnitLevel.ofCode(code)) {
            case COUNTY -> Optional.of(code.substring(0, 6) + "%");
            case TOWNSHIP -> Optional.of(code.substring(0, 9) + "%");
            case VILLAGE -> Optional.empty();
        });
    }

    /**
     * The overdue tasks of the running cases whose unit ({@link CaseVariables#UNIT_CODE}) matches the pattern,
     * whoever works on them; not those of 督办, which are the leaders'. The unit variable is read through the
     * PostgreSQL index on it (dashboard/CaseUnitIndex), which names it literally.
     */
    private List<Late> overdueTasksOfCases(String unitCodePattern, Instant now) {
        return jdbc.sql("""
                select t.id_, t.name_, t.due_date_, t.assignee_, t.proc_inst_id_, t.proc_def_id_
                from act_ru_task t
                join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.task_id_ is null
                    and v.name_ = '%s'
                join act_re_procdef d on d.id_ = t.proc_def_id_
                where t.due_date_ < :now and t.suspension_state_ = 1 and d.key_ <> :escalation
                    and v.text_ like :cases""".formatted(CaseVariables.UNIT_CODE))
                .param("now", Timestamp.from(now))
                .param("escalation", OverdueEscalation.ESCALATION_PROCESS)
                .param("cases", unitCodePattern)
                .query((rs, row) -> new Late(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Runs the engine query as this user, so that it returns only what the user may see. */
    private <T> T asUser(String userId, List<String> groupIds, Supplier<T> query) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, groupIds);
        try {
            return query.get();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
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
        return tasks.stream().map(task -> {
            CaseAndGroup found = cases.getOrDefault(task.id(), CaseAndGroup.NONE);
            Place place = placeOf(found.group(), unitsByCode);
            Instant due = task.dueDate().toInstant();
            // A task created in Tasklist has no process, and the cache takes no null key.
            return new OverdueTask(task.id(), task.name(), task.processInstanceId(),
                    task.processDefinitionId() == null ? null : processNames.get(task.processDefinitionId()),
                    found.businessKey(), due.toString(),
                    Math.max(1, Duration.between(due, now).toDays() + 1), task.assignee(), found.group(),
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
            Authentication user = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(missing.toArray(String[]::new)).list()
                        .forEach(d -> processNames.put(d.getId(), d.getName() == null ? d.getKey() : d.getName()));
            } finally {
                if (user != null) {
                    identityService.setAuthentication(user);
                }
            }
        }
        return processNames;
    }

    /**
     * Each task's case number (business key of its process instance) and candidate unit group; the
     * engine has no query for many tasks' identity links.
     */
    private Map<String, CaseAndGroup> casesAndGroups(List<String> taskIds) {
        Map<String, CaseAndGroup> cases = new HashMap<>();
        for (int from = 0; from < taskIds.size(); from += 500) {
            List<String> chunk = taskIds.subList(from, Math.min(taskIds.size(), from + 500));
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
        }
        return cases;
    }
}
