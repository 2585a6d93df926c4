package org.jiuzhu.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.jiuzhu.organisation.UnitCodes;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 办理时长: every completed user task of a case (table {@code task_completion}) and their sums per month,
 * stage and case unit ({@code stage_duration_month}), from which the dashboard averages the days per
 * stage without reading a year of tasks.
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
    public record StageTotal(String processDefinitionKey, String taskDefinitionKey, String taskName,
                             long completed, long totalSeconds) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final ZoneId zone;

    public TaskCompletions(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.zone = clock.getZone();
    }

    /** Records a completed task once (a task id seen before is ignored); returns whether it was new. */
    public boolean record(Completion c) {
        if (jdbc.sql("select count(*) from task_completion where task_id = ?").param(c.taskId())
                .query(Long.class).single() > 0) {
            return false;
        }
        CaseUnits units = CaseUnits.of(c.caseUnitCode());
        long seconds = Math.max(0, c.completedAt().getEpochSecond() - c.createdAt().getEpochSecond());
        jdbc.sql("""
                insert into task_completion (task_id, process_instance_id, process_definition_key, business_key,
                    task_definition_key, task_name, candidate_unit_code, village_code, township_code, county_code,
                    created_at, completed_at, due_date, assignee, duration_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.taskId(), c.processInstanceId(), c.processDefinitionKey(), c.businessKey(),
                        c.taskDefinitionKey(), c.taskName(), c.candidateUnitCode(), units.village(), units.township(),
                        units.county(), Timestamp.from(c.createdAt()), Timestamp.from(c.completedAt()),
                        c.dueDate() == null ? null : Timestamp.from(c.dueDate()), c.assignee(), seconds)
                .update();
        addToMonth(c, units, seconds);
        return true;
    }

    private void addToMonth(Completion c, CaseUnits units, long seconds) {
        LocalDate month = LocalDate.ofInstant(c.completedAt(), zone).withDayOfMonth(1);
        if (incrementMonth(c, units, month, seconds) > 0) {
            return;
        }
        // The month's first completion of this stage and unit. Another transaction may insert the row at
        // the same time: the losing insert is undone to its savepoint and adds to the winner's row instead.
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                    insert into stage_duration_month (month_start, process_definition_key, task_definition_key,
                        unit_code, task_name, village_code, township_code, county_code, completed_count, total_seconds)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                    .params(month, c.processDefinitionKey(), c.taskDefinitionKey(), units.key(), stageName(c),
                            units.village(), units.township(), units.county(), seconds)
                    .update());
        } catch (DuplicateKeyException concurrentlyInserted) {
            incrementMonth(c, units, month, seconds);
        }
    }

    private int incrementMonth(Completion c, CaseUnits units, LocalDate month, long seconds) {
        return jdbc.sql("""
                update stage_duration_month set completed_count = completed_count + 1,
                    total_seconds = total_seconds + ?, task_name = ?
                where month_start = ? and process_definition_key = ? and task_definition_key = ? and unit_code = ?""")
                .params(seconds, stageName(c), month, c.processDefinitionKey(), c.taskDefinitionKey(), units.key())
                .update();
    }

    /** The stage's latest name, for the chart. */
    private static String stageName(Completion c) {
        return c.taskName() == null ? c.taskDefinitionKey() : c.taskName();
    }

    /** Completions per stage of the given processes in the scope, from the month {@code from} on. */
    List<StageTotal> stageTotals(DashboardScope scope, LocalDate from, Collection<String> processKeys) {
        var sql = jdbc.sql("""
                select m.process_definition_key, m.task_definition_key, max(m.task_name) as task_name,
                    sum(m.completed_count) as completed, sum(m.total_seconds) as total_seconds
                from stage_duration_month m
                where %s and m.month_start >= :from and m.process_definition_key in (:processKeys)
                group by m.process_definition_key, m.task_definition_key""".formatted(scope.condition("m")))
                .param("from", from.withDayOfMonth(1))
                .param("processKeys", processKeys);
        if (!scope.isEverything()) {
            sql = sql.param("scopeCodes", scope.codes());
        }
        return sql.query((rs, row) -> new StageTotal(rs.getString("process_definition_key"),
                rs.getString("task_definition_key"), rs.getString("task_name"), rs.getLong("completed"),
                rs.getLong("total_seconds"))).list();
    }

    /** The village, township and county of a case's unit; the key is the unit itself ('' for none). */
    record CaseUnits(String key, String village, String township, String county) {

        static CaseUnits of(String unitCode) {
            if (!UnitCodes.isWellFormed(unitCode)) {
                return new CaseUnits("", null, null, null);
            }
            return switch (UnitLevel.ofCode(unitCode)) {
                case VILLAGE -> {
                    String township = UnitCodes.parentCodeOf(unitCode);
                    yield new CaseUnits(unitCode, unitCode, township, UnitCodes.parentCodeOf(township));
                }
                case TOWNSHIP -> new CaseUnits(unitCode, null, unitCode, UnitCodes.parentCodeOf(unitCode));
                case COUNTY -> new CaseUnits(unitCode, null, null, unitCode);
            };
        }
    }
}
