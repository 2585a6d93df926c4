package org.jiuzhu.system.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /task/{id}}: the engine replaces every field of the task with the body's (a field left out
 * becomes empty). Tasklist sends the whole task back with a new follow-up date (the official's own
 * reminder) or a new due date. An official may change the follow-up date and nothing else: the due date
 * moves by the rules of the process or by an administrator, and name, priority, people, parent task, case
 * and tenant are the process's. The body Tasklist sends also carries the task's form reference, which the
 * API cannot read back (Jackson cannot build the engine's {@code CamundaFormRef} interface) and which the
 * update ignores anyway: it is taken out for everyone.
 */
final class TaskUpdates {

    static final String DUE_REFUSED = "没有权限：办理期限只能按规定延长或由系统管理员调整，经办人只能设置自己的跟进日期";
    static final String BAD_DATE = "日期格式不正确（写作 2026-12-06T09:00:00.000+0800）";

    /** Fields the update reads and never writes back; {@code camundaFormRef} breaks the API's reading. */
    private static final List<String> READ_ONLY = List.of("camundaFormRef");

    /** What the update writes besides the dates, with the Chinese name and the task's current value. */
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", new Field("任务名称", Task::getName));
        FIELDS.put("description", new Field("任务说明", Task::getDescription));
        FIELDS.put("priority", new Field("优先级", Task::getPriority));
        FIELDS.put("assignee", new Field("办理人", Task::getAssignee));
        FIELDS.put("owner", new Field("任务所有人", Task::getOwner));
        FIELDS.put("delegationState", new Field("委托状态",
                task -> task.getDelegationState() == null ? null : task.getDelegationState().name()));
        FIELDS.put("parentTaskId", new Field("上级任务", Task::getParentTaskId));
        FIELDS.put("caseInstanceId", new Field("所属案例", Task::getCaseInstanceId));
        FIELDS.put("tenantId", new Field("租户", Task::getTenantId));
    }

    private record Field(String label, Function<Task, Object> current) {
    }

    private static final ObjectMapper DATES = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    private TaskUpdates() {
    }

    /** The body without what the API cannot read; the same node when there is nothing to take out. */
    static JsonNode withoutReadOnlyFields(JsonNode body) {
        if (body instanceof ObjectNode object && READ_ONLY.stream().anyMatch(object::has)) {
            ObjectNode copy = object.deepCopy();
            copy.remove(READ_ONLY);
            return copy;
        }
        return body;
    }

    /** A follow-up or due date the API could not read (a Chinese 400 rather than the API's English one). */
    static Optional<Verdict> badDates(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty(); // the API answers that
        }
        try {
            dateOf(body.get("due"));
            dateOf(body.get("followUp"));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Verdict(400, BAD_DATE));
        }
    }

    /** The follow-up date the update sets (null: none); the dates were read by {@link #badDates} before. */
    static Date followUpOf(JsonNode body) {
        return dateOf(body.get("followUp"));
    }

    /** Why an official may not send this update of {@code task}, empty when only the follow-up date changes. */
    static Optional<Verdict> officialRefusal(Task task, JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.of(new Verdict(400, "请求内容应为任务的 JSON 对象"));
        }
        if (!sameSecond(dateOf(body.get("due")), task.getDueDate())) {
            return Optional.of(new Verdict(403, DUE_REFUSED));
        }
        List<String> changed = FIELDS.entrySet().stream()
                .filter(field -> !same(body.get(field.getKey()), field.getValue().current().apply(task)))
                .map(field -> field.getValue().label())
                .toList();
        if (!changed.isEmpty()) {
            return Optional.of(new Verdict(403, "没有权限：任务的" + String.join("、", changed)
                    + "由流程决定，只能由系统管理员更改；经办人只能设置自己的跟进日期"));
        }
        return Optional.empty();
    }

    /** What to answer: a refusal (400 bad input, 403 not allowed) with its Chinese message, or {@link #DONE}. */
    record Verdict(int status, String message) {
    }

    /** The official's follow-up date is set: nothing left for the API to do (its answer, 204). */
    static final Verdict DONE = new Verdict(204, "");

    private static Date dateOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return DATES.convertValue(value, Date.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a date", e);
        }
    }

    /** The database may keep less than milliseconds; a second is what a person sets. */
    private static boolean sameSecond(Date sent, Date current) {
        if (sent == null || current == null) {
            return sent == current;
        }
        return truncated(sent).equals(truncated(current));
    }

    private static Instant truncated(Date date) {
        return date.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A field left out or null is written as empty (priority: 0); text compares as text. */
    private static boolean same(JsonNode sent, Object current) {
        if (current instanceof Integer number && isEmpty(sent)) {
            return number == 0;
        }
        if (isEmpty(sent)) {
            return current == null;
        }
        return sent.isValueNode() && Objects.equals(sent.asText(), String.valueOf(current));
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull();
    }
}
