package org.jiuzhu.system.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The history resources whose queries check an official's authorization row by row: over the whole
 * history an official's query scanned millions of rows (history/detail took 67 s). An official narrows
 * them to a case, a task, an execution or a single entry, as Tasklist and Cockpit always do;
 * administrators, whose queries are not checked row by row, are not held to it.
 */
final class HistoryQueries {

    /** Per resource (the path after {@code history/}), the query parameters that narrow it enough. */
    private static final Map<String, List<String>> NARROWING = Map.of(
            "detail", List.of("processInstanceId", "processInstanceIdIn", "executionId", "activityInstanceId",
                    "taskId", "variableInstanceId", "caseInstanceId", "caseExecutionId", "userOperationId"),
            "variable-instance", List.of("processInstanceId", "processInstanceIdIn", "executionIdIn", "taskIdIn",
                    "activityInstanceIdIn", "caseInstanceId", "caseExecutionIdIn"),
            "activity-instance", List.of("processInstanceId", "executionId", "activityInstanceId"),
            "job-log", List.of("processInstanceId", "executionIdIn", "jobId", "logId"),
            "incident", List.of("processInstanceId", "executionId", "incidentId", "causeIncidentId",
                    "rootCauseIncidentId"),
            "user-operation", List.of("processInstanceId", "executionId", "taskId", "jobId", "batchId", "operationId",
                    "externalTaskId", "caseInstanceId", "caseExecutionId"),
            "identity-link-log", List.of("taskId"),
            "external-task-log", List.of("processInstanceId", "executionIdIn", "activityInstanceIdIn",
                    "externalTaskId", "logId"));

    private HistoryQueries() {
    }

    /** Whether {@code resource} (the API path after the engine, e.g. {@code history/detail/count}) is guarded. */
    static Optional<String> guardedResource(String resource) {
        String[] parts = resource.split("/");
        boolean query = parts.length == 2 || (parts.length == 3 && parts[2].equals("count"));
        return query && parts[0].equals("history") && NARROWING.containsKey(parts[1])
                ? Optional.of(parts[1]) : Optional.empty();
    }

    /** The Chinese refusal when none of the narrowing parameters has a value, else empty. */
    static Optional<String> refusal(String resource, Predicate<String> given) {
        List<String> narrowing = NARROWING.get(resource);
        if (narrowing.stream().anyMatch(given)) {
            return Optional.empty();
        }
        return Optional.of("历史查询 history/" + resource + " 须限定到具体案件、任务或执行，请至少指定以下条件之一："
                + String.join("、", narrowing));
    }
}
