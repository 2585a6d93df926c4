package org.jiuzhu.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 办理时长: every completed user task of a case (table {@code task_completion}) and their sums per month
 * and stage for the case's own unit ({@code stage_duration_month}), from which the dashboard averages
 * the days per stage of any scope without reading a year of tasks.
 */
@Repository
public class TaskCompletions {

    /** One completed task, as the engine knows it when the task completes. */
    public record Completion(String taskId, String processInstanceId, String processDefinitionKey,
                             String businessKey, String taskDefinitionKey, String taskName,
                             String candidateUnitCode, String caseUnitCode, Instant createdAt, Instant completedAt,
                             Instant dueDate, String assignee) {
    }

    /** The completions of one stage within a scope and period. */
    record StageTotal(String processDefinitionKey, String taskDefinitionKey, String taskName, long completed,
                      long totalSeconds) {
    }

    private final JdbcClient jdbc;
    private final MonthlySums sums;
    private final ZoneId zone;

    public TaskCompletions(JdbcClient jdbc, MonthlySums sums, Clock clock) {
        this.jdbc = jdbc;
        this.sums = sums;
        this.zone = clock.getZone();
    }

    /** Records a completed task once (a task id seen before is ignored); returns whether it was new. */
    public boolean record(Completion c) {
        if (jdbc.sql("select count(*) from task_completion where task_id = ?").param(c.taskId())
                .query(Long.class).single() > 0) {
            return false;
        }
        List<CountedUnit> chain = CountedUnit.chainOf(c.caseUnitCode());
        long seconds = Math.max(0, c.completedAt().getEpochSecond() - c.createdAt().getEpochSecond());
        try {
            jdbc.sql("""
                    insert into task_completion (task_id, process_instance_id, process_definition_key, business_key,
                        task_definition_key, task_name, candidate_unit_code, village_code, township_code, county_code,
                        created_at, completed_at, due_date, assignee, duration_seconds)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.taskId(), c.processInstanceId(), c.processDefinitionKey(), c.businessKey(),
                            c.taskDefinitionKey(), c.taskName(), c.candidateUnitCode(),
                            CountedUnit.codeAt(chain, UnitLevel.VILLAGE), CountedUnit.codeAt(chain, UnitLevel.TOWNSHIP),
                            CountedUnit.codeAt(chain, UnitLevel.COUNTY), Timestamp.from(c.createdAt()),
                            Timestamp.from(c.completedAt()), c.dueDate() == null ? null : Timestamp.from(c.dueDate()),
                            c.assignee(), seconds)
                    .update();
        } catch (DuplicateKeyException completedByAnother) {
            // Two officials completed the task at the same moment: the other's completion stands, this one
            // is rolled back and answered like the engine's own conflict (409, 已被他人办理).
            throw new OptimisticLockingException("Task " + c.taskId() + " was completed by another official");
        }
        LocalDate month = LocalDate.ofInstant(c.completedAt(), zone).withDayOfMonth(1);
        String stageName = c.taskName() == null ? c.taskDefinitionKey() : c.taskName();
        // The case's own unit only: a township or the county adds up its units' rows when it reads them
        // (DashboardScope#unitCodeCondition), so completions in different villages never wait for one another.
        CountedUnit unit = chain.get(0);
        sums.add("""
                update stage_duration_month set completed_count = completed_count + 1,
                    total_seconds = total_seconds + ?, task_name = ?
                where unit_code = ? and month_start = ? and process_definition_key = ? and task_definition_key = ?""",
                new Object[] {seconds, stageName, unit.code(), month, c.processDefinitionKey(), c.taskDefinitionKey()},
                """
                insert into stage_duration_month (unit_code, unit_level, month_start, process_definition_key,
                    task_definition_key, task_name, completed_count, total_seconds)
                values (?, ?, ?, ?, ?, ?, 1, ?)""",
                new Object[] {unit.code(), unit.level(), month, c.processDefinitionKey(), c.taskDefinitionKey(),
                        stageName, seconds});
        return true;
    }

    /** Completions per stage of the given processes in the scope, from the month {@code from} on. */
    List<StageTotal> stageTotals(DashboardScope scope, LocalDate from, Collection<String> processKeys) {
        DashboardScope.SqlCondition inScope = scope.unitCodeCondition("m.unit_code");
        var sql = jdbc.sql("""
                select m.process_definition_key, m.task_definition_key, max(m.task_name) as task_name,
                    sum(m.completed_count) as completed, sum(m.total_seconds) as total_seconds
                from stage_duration_month m
                where %s and m.month_start >= :from and m.process_definition_key in (:processKeys)
                group by m.process_definition_key, m.task_definition_key""".formatted(inScope.sql()))
                .params(inScope.params())
                .param("from", from.withDayOfMonth(1))
                .param("processKeys", processKeys);
        return sql.query((rs, row) -> new StageTotal(rs.getString("process_definition_key"),
                rs.getString("task_definition_key"), rs.getString("task_name"), rs.getLong("completed"),
                rs.getLong("total_seconds"))).list();
    }
}
