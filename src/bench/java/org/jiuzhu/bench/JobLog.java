package org.jiuzhu.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the asynchronous steps waited for the job executor, read afterwards from the engine's job
 * log: from the job's creation to its successful end (queueing and execution), and for the brought-
 * forward timer from its new due date to its execution.
 */
final class JobLog {

    record Step(String activity, int jobs, double p50, double p95, double p99, double max) {
    }

    private JobLog() {
    }

    static List<Step> steps(JdbcTemplate jdbc, String processKey, Instant from) {
        Map<String, List<Double>> waits = new LinkedHashMap<>();
        jdbc.query("""
                select c.act_id_ as activity, extract(epoch from (s.timestamp_ - c.timestamp_)) * 1000 as millis
                from act_hi_job_log c
                join act_hi_job_log s on s.job_id_ = c.job_id_ and s.job_state_ = 2
                where c.job_state_ = 0 and c.job_def_type_ = 'async-continuation'
                  and c.process_def_key_ = ? and c.timestamp_ >= ?
                order by min(c.timestamp_) over (partition by c.act_id_), c.act_id_""",
                rs -> {
                    waits.computeIfAbsent(rs.getString("activity"), a -> new ArrayList<>()).add(rs.getDouble("millis"));
                }, processKey, Timestamp.from(from));
        jdbc.query("""
                select s.act_id_ || '（定时器，提前后）' as activity,
                       extract(epoch from (s.timestamp_ - s.job_duedate_)) * 1000 as millis
                from act_hi_job_log s
                where s.job_state_ = 2 and s.job_def_type_ like 'timer%' and s.process_def_key_ = ? and s.timestamp_ >= ?""",
                rs -> {
                    waits.computeIfAbsent(rs.getString("activity"), a -> new ArrayList<>()).add(rs.getDouble("millis"));
                }, processKey, Timestamp.from(from));
        List<Step> steps = new ArrayList<>();
        waits.forEach((activity, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            steps.add(new Step(activity, sorted.length, Stats.percentileMillis(sorted, 50),
                    Stats.percentileMillis(sorted, 95), Stats.percentileMillis(sorted, 99), sorted[sorted.length - 1]));
        });
        return steps;
    }
}
