package org.jiuzhu.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 督办记录: one per task that passed its due date; kept after the task is done. */
@Repository
public class SupervisionRecords {

    public record Record(long id, String taskId, String processInstanceId, String processDefinitionKey,
                         String businessKey, String taskDefinitionKey, String taskName, String candidateGroup,
                         String unitCode, String townshipCode, String countyCode, Instant dueDate,
                         Instant overdueSince, String escalatedTo, String escalationProcessInstanceId,
                         Instant resolvedAt) {
    }

    private final JdbcClient jdbc;

    public SupervisionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for the escalation lock ({@code supervision_lock}) and holds it until the transaction ends, so
     * that no other transaction escalates at the same time.
     */
    public void lockEscalations() {
        if (escalationLock("").isEmpty()) {
            throw new IllegalStateException("supervision_lock has no row 'escalation' (migration V12)");
        }
    }

    /**
     * Takes the escalation lock until the transaction ends if nobody holds it; returns false at once,
     * without waiting, when another transaction holds it.
     */
    public boolean tryLockEscalations() {
        return !escalationLock(" skip locked").isEmpty();
    }

    private List<String> escalationLock(String mode) {
        return jdbc.sql("select name from supervision_lock where name = 'escalation' for update" + mode)
                .query(String.class).list();
    }

    /**
     * The active user tasks past their due date that have no supervision record yet, most overdue first, at
     * most {@code limit}; tasks of the process {@code exceptProcessKey} (督办 itself) and tasks of no
     * process are left out.
     */
    public List<String> overdueTasksWithoutRecord(Instant now, String exceptProcessKey, int limit) {
        return jdbc.sql("""
                select t.id_ from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_
                where t.due_date_ < :now and t.suspension_state_ = 1 and d.key_ <> :exceptProcessKey
                    and not exists (select 1 from supervision_record r where r.task_id = t.id_)
                order by t.due_date_, t.id_
                fetch first :limit rows only""")
                .param("now", Timestamp.from(now))
                .param("exceptProcessKey", exceptProcessKey)
                .param("limit", limit)
                .query(String.class).list();
    }

    public boolean existsForTask(String taskId) {
        return jdbc.sql("select count(*) from supervision_record where task_id = ?").param(taskId)
                .query(Long.class).single() > 0;
    }

    /** Which of these tasks have a supervision record, for lists of overdue tasks. */
    public Set<String> tasksWithRecords(Collection<String> taskIds) {
        Set<String> found = new HashSet<>();
        IdChunks.forEach(List.copyOf(taskIds), ids -> found.addAll(
                jdbc.sql("select task_id from supervision_record where task_id in (:ids)").param("ids", ids)
                        .query(String.class).list()));
        return found;
    }

    public void insert(Record r) {
        jdbc.sql("""
                insert into supervision_record (task_id, process_instance_id, process_definition_key, business_key,
                    task_definition_key, task_name, candidate_group, unit_code, township_code, county_code, due_date,
                    overdue_since, escalated_to, escalation_process_instance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.taskId(), r.processInstanceId(), r.processDefinitionKey(), r.businessKey(),
                        r.taskDefinitionKey(), r.taskName(), r.candidateGroup(), r.unitCode(), r.townshipCode(),
                        r.countyCode(), Timestamp.from(r.dueDate()), Timestamp.from(r.overdueSince()),
                        r.escalatedTo(), r.escalationProcessInstanceId())
                .update();
    }

    public Optional<Record> openForTask(String taskId) {
        return jdbc.sql("select * from supervision_record where task_id = ? and resolved_at is null").param(taskId)
                .query(SupervisionRecords::map).optional();
    }

    public void resolve(long id, Instant at) {
        jdbc.sql("update supervision_record set resolved_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    public long openForProcessInstance(String processInstanceId) {
        return jdbc.sql("select count(*) from supervision_record where process_instance_id = ? and resolved_at is null")
                .param(processInstanceId).query(Long.class).single();
    }

    public List<Record> forProcessInstance(String processInstanceId) {
        return jdbc.sql("select * from supervision_record where process_instance_id = ? order by overdue_since, id")
                .param(processInstanceId).query(SupervisionRecords::map).list();
    }

    private static Record map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Record(rs.getLong("id"), rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("process_definition_key"), rs.getString("business_key"),
                rs.getString("task_definition_key"), rs.getString("task_name"), rs.getString("candidate_group"),
                rs.getString("unit_code"), rs.getString("township_code"), rs.getString("county_code"),
                rs.getTimestamp("due_date").toInstant(), rs.getTimestamp("overdue_since").toInstant(),
                rs.getString("escalated_to"), rs.getString("escalation_process_instance_id"),
                resolved == null ? null : resolved.toInstant());
    }
}
