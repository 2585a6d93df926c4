package org.jiuzhu.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The overdue views at scale, each called the way its page calls it, one request after the other
 * (after ten that are not measured): the Cockpit plugin 逾期案件 in a logged-in Cockpit session, the
 * dashboard's data in a page session, the Tasklist filter 已逾期 over REST with the user's own
 * credentials.
 */
final class QueryBench {

    private static final String OVERDUE_PLUGIN = "/camunda/api/cockpit/plugin/overdue-cases/default/overdue-tasks";
    /** What the plugin loads first: the counts by township and stage, then the first page of the list. */
    static final String OVERDUE_SUMMARY = OVERDUE_PLUGIN + "/summary";
    static final String OVERDUE_FIRST_PAGE = OVERDUE_PLUGIN + "?firstResult=0&maxResults=50";
    private static final int WARM_UP = 10;
    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** One view as one user calls it; {@code body} null for a GET. */
    record Query(String name, Web.Session session, String path, Object body) {
    }

    record Result(String name, boolean available, String size, Stats.Summary summary, Duration took) {
        double perSecond() {
            return summary.count() / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    record Scan(long escalated, Duration took, boolean finished) {
    }

    private QueryBench() {
    }

    static List<Result> run(List<Query> queries, int samples, Stats stats) {
        return queries.stream().map(query -> measure(query, samples, stats)).toList();
    }

    private static Result measure(Query query, int samples, Stats stats) {
        Web.Response first = call(query, "queries (warm-up): " + query.name(), 200, 404);
        if (first.status() == 404) {
            return new Result(query.name(), false, "", null, Duration.ZERO);
        }
        for (int i = 1; i < WARM_UP; i++) {
            call(query, "queries (warm-up): " + query.name(), 200);
        }
        long start = System.nanoTime();
        Web.Response last = first;
        for (int i = 0; i < samples; i++) {
            last = call(query, query.name(), 200);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Stats.Summary summary = stats.measure(query.name()).summary();
        return new Result(query.name(), true, size(last), summary, took);
    }

    private static Web.Response call(Query query, String measure, int... expected) {
        return query.body() == null ? query.session().get(measure, query.path(), expected)
                : query.session().postJson(measure, query.path(), query.body(), expected);
    }

    private static String size(Web.Response response) {
        if (!response.ok()) {
            return "";
        }
        try {
            JsonNode json = response.json();
            if (json.isArray()) {
                return json.size() + " 项";
            }
            if (json.has("tasks")) {
                return json.path("tasks").size() + " 项（共 " + json.path("total").asText() + "）";
            }
            if (json.has("townships")) {
                return json.path("townships").size() + " 个乡镇，共 " + json.path("total").asText();
            }
            if (json.has("count")) {
                return json.path("count").asText();
            }
        } catch (Web.BenchFailure e) {
            // not JSON: say how big it is
        }
        return response.body().length() + " 字节";
    }

    /**
     * Brings the overdue scan (逾期巡查) forward, as for the notice timer, and waits for the job executor
     * to finish it: the generated overdue tasks are then escalated, as they would be in production.
     */
    static Scan runOverdueScan(Web.Session admin, Duration timeout) throws InterruptedException {
        JsonNode timers = admin.get("queries: overdue scan timer", "/engine-rest/job?processDefinitionKey=overdueScan&timers=true")
                .require().json();
        if (timers.isEmpty()) {
            throw new Web.BenchFailure("No timer of the overdue scan");
        }
        Instant before = Instant.now().minusSeconds(1);
        long start = System.nanoTime();
        admin.putJson("queries: bring overdue scan forward", "/engine-rest/job/" + timers.get(0).path("id").asText()
                + "/duedate", Map.of("duedate", REST_DATE.format(Instant.now().atZone(ZoneId.systemDefault()))), 204)
                .require();
        String after = Web.enc(REST_DATE.format(before.atZone(ZoneId.systemDefault())));
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode done = admin.get("queries: wait for overdue scan", "/engine-rest/history/process-instance"
                    + "?processDefinitionKey=overdueScan&finished=true&startedAfter=" + after).require().json();
            if (!done.isEmpty()) {
                String instance = done.get(0).path("id").asText();
                JsonNode variable = admin.get("queries: wait for overdue scan", "/engine-rest/history/variable-instance"
                        + "?processInstanceId=" + instance + "&variableName=escalatedTasks").require().json();
                long escalated = variable.isEmpty() ? -1 : variable.get(0).path("value").asLong();
                return new Scan(escalated, Duration.ofNanos(System.nanoTime() - start), true);
            }
            Thread.sleep(500);
        }
        return new Scan(-1, timeout, false);
    }
}
