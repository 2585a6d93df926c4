package org.jiuzhu.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    public boolean existsForTask(String taskId) {
        return jdbc.sql("select count(*) from supervision_record where task_id = ?").param(taskId)
                .query(Long.class).single() > 0;
    }

    /**
     * Which of these tasks have a supervision record: one query per 500 ids (a database takes only so
     * many parameters), for lists of overdue tasks.
     */
    public java.util.Set<String> tasksWithRecords(java.util.Collection<String> taskIds) {
        List<String> ids = List.copyOf(taskIds);
        java.util.Set<String> found = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            found.addAll(jdbc.sql("select task_id from supervision_record where task_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500))).query(String.class).list());
        }
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
