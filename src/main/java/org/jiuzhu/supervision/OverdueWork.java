package org.jiuzhu.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;

/**
 * What counts as overdue, wherever it is counted — the dashboard (统计分析), Cockpit's 逾期案件 and Tasklist's
 * 已逾期 — so that a supervisor finds the same number in all three: an open, not suspended user task of a
 * case whose due date has passed, whatever the process (dibao, emergency, temporary assistance), whoever
 * works on it, counted per task; not a 督办 task, which is a leader's reminder and no stage of a case. A user
 * sees the late tasks of the cases of their unit and the units below it (a supervisor: their county's;
 * administrators: all), a case belonging to the unit of its {@code unitCode}. Tasklist lists a task of
 * another unit from the overdue scan on (every 10 minutes), which grants it to the case's readers.
 */
public final class OverdueWork {

    /** Whose cases' late work a user sees: every case, or the cases whose unit code matches a pattern. */
    public record Scope(boolean everything, List<String> unitCodePatterns) {

        static final Scope NONE = new Scope(false, List.of());

        public boolean isEmpty() {
            return !everything && unitCodePatterns.isEmpty();
        }
    }

    private OverdueWork() {
    }

    /**
     * The condition on a runtime task ({@code act_ru_task}) under the alias {@code t}, with the named
     * parameter {@code now}.
     */
    public static String taskCondition(String t) {
        return t + ".suspension_state_ = 1 and " + t + ".due_date_ < :now and " + t + ".task_def_key_ <> '"
                + OverdueEscalation.SUPERVISE_TASK + "'";
    }

    /** The query of Tasklist's filter 已逾期: the same tasks, as far as the user may read them. */
    public static TaskQuery tasklistQuery(TaskService taskService) {
        return taskService.createTaskQuery().active().dueBeforeExpression("${now()}")
                .taskDefinitionKeyNotIn(OverdueEscalation.SUPERVISE_TASK);
    }

    /**
     * The scope of a user with these groups: administrators everything; an official their own unit (the
     * most local one); a supervisor the county they supervise; anybody else nothing.
     */
    public static Scope scopeOf(Collection<String> groupIds) {
        if (groupIds.contains(UnitGroups.ADMINISTRATORS)) {
            return new Scope(true, List.of());
        }
        Optional<String> unit = UnitGroups.mostLocalUnitCode(groupIds).or(() -> UnitGroups.supervisedCounty(groupIds));
        return unit.map(code -> new Scope(false, List.of(casesOf(code)))).orElse(Scope.NONE);
    }

    /**
     * The case unit codes within a unit, as a SQL {@code like} pattern: codes nest (6 digits county,
     * 3 township, 3 village), so a township's cases are those whose code starts with its 9 digits.
     */
    public static String casesOf(String unitCode) {
        return switch (UnitLevel.ofCode(unitCode)) {
            case VILLAGE -> unitCode;
            case TOWNSHIP -> unitCode.substring(0, 9) + "%";
            case COUNTY -> unitCode.substring(0, 6) + "%";
        };
    }
}
