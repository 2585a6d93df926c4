package org.jiuzhu.system.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.engine.EngineRequests;
import org.jiuzhu.engine.EngineRequests.ReadableTask;
import org.jiuzhu.system.forms.FormFields;
import org.jiuzhu.system.forms.StartFormFields;
import org.jiuzhu.system.security.CamundaIdentityAuthenticationProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What officials may send to the engine's APIs — {@code /engine-rest} (also under {@code /engine/{name}}) and
 * the webapps' {@code /camunda/api/engine} that Tasklist uses — beyond what Camunda's authorizations decide.
 * Runs after the authentication, as the official. Nothing an official sends may set an id, a unit or a
 * routing variable of a case, or make the database read the whole history:
 * <ul>
 *   <li>A task form (submit-form, complete, resolve) carries the editable fields of the task's Camunda form
 *       and nothing else ({@link FormFields}); a process start carries the editable fields of the start form,
 *       no business key and no start instructions (which would begin a case past its registration).</li>
 *   <li>Messages, signals and conditions, BPMN errors and escalations thrown from tasks, writes of process,
 *       task or execution variables (also uploads of their data), modifications and restarts are the engine's
 *       and administrators' (403).</li>
 *   <li>History queries name a case or task ({@link HistoryQueries}); variables are of plain types only
 *       ({@link VariableTypes}).</li>
 *   <li>A task's fields ({@code PUT /task/{id}}) are the process's: an official sets the follow-up date and
 *       nothing else, the due date included ({@link TaskUpdates}); free tasks are created by administrators.</li>
 * </ul>
 * Administrators ({@code camunda-admin}) are not held to these. A refusal is a 400 (403 for what only the
 * engine may do) in Camunda's error format with a Chinese message. The rules of a task form's values are the
 * engine's to check, on completion ({@link org.jiuzhu.system.forms.TaskFormListener}), whoever completes it:
 * the API answers their refusal with the same 400 and Chinese message.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    /** The resource after the API's root, e.g. {@code task/42/submit-form}. */
    private static final Pattern ENGINE_RESOURCE =
            Pattern.compile("/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/(.+)");
    private static final Pattern TASK_UPDATE = Pattern.compile("task/([^/]+)");
    private static final Pattern TASK_SUBMISSION = Pattern.compile("task/([^/]+)/(?:submit-form|complete|resolve)");
    private static final Pattern PROCESS_START =
            Pattern.compile("process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)");
    private static final Pattern ENGINE_ONLY = Pattern.compile(
            "(?:message|signal|condition)(?:/.*)?"
            + "|task/[^/]+/(?:bpmnError|bpmnEscalation)"
            + "|process-definition/.+/restart(?:-async)?"
            + "|process-instance/(?:.+/)?modification(?:-async)?"
            + "|process-instance/variables-async"
            + "|(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?");
    static final String FREE_TASK_REFUSED =
            "没有权限：自由任务只能由系统管理员创建；案件的任务由流程按规定产生";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Set<String> TASK_FIELDS = Set.of("variables", "withVariablesInReturn");
    private static final Set<String> START_FIELDS = Set.of("variables", "businessKey", "withVariablesInReturn");

    private final ProcessEngine processEngine;
    private final EngineRequests engineRequests;
    private final FormFields formFields;
    private final ObjectMapper objectMapper;

    EngineRequestGuard(ProcessEngine processEngine, EngineRequests engineRequests, FormFields formFields,
                       ObjectMapper objectMapper) {
        this.processEngine = processEngine;
        this.engineRequests = engineRequests;
        this.formFields = formFields;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENGINE_RESOURCE.matcher(WebRequests.pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdentityService identityService = processEngine.getIdentityService();
        // In the webapps the engine does not know the user yet at this point; Spring Security does.
        boolean authenticatedHere = !CurrentUser.isKnown(identityService) && authenticateFromSpring();
        try {
            guard(request, response, chain, CurrentUser.groupIds(identityService));
        } finally {
            if (authenticatedHere) {
                identityService.clearAuthentication();
            }
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                       List<String> userGroupIds) throws ServletException, IOException {
        Matcher matcher = ENGINE_RESOURCE.matcher(WebRequests.pathOf(request));
        String resource = matcher.matches() ? matcher.group(1) : "";
        String method = request.getMethod();
        boolean administrator = userGroupIds != null && userGroupIds.contains(Groups.CAMUNDA_ADMIN);
        if (!administrator && !READS.contains(method) && ENGINE_ONLY.matcher(resource).matches()) {
            WebRequests.refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "没有权限：消息、信号、流程变量的修改和流程的改动只能由系统或管理员进行");
            return;
        }
        if (!administrator && "POST".equals(method) && "task/create".equals(resource)) {
            WebRequests.refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    FREE_TASK_REFUSED);
            return;
        }
        byte[] body = WITH_BODY.contains(method) && WebRequests.isJson(request.getContentType())
                ? request.getInputStream().readAllBytes() : null;
        JsonNode tree = parse(body);
        if (tree == null && body != null && body.length > 0) {
            // The API would answer with Jackson's English words and Camunda's class names.
            refuse(request, response, "请求内容不是有效的 JSON");
            return;
        }
        Matcher taskUpdate = TASK_UPDATE.matcher(resource);
        if ("PUT".equals(method) && taskUpdate.matches() && tree != null) {
            Optional<TaskUpdates.Verdict> notAllowed = TaskUpdates.badDates(tree);
            if (notAllowed.isEmpty() && !administrator) {
                notAllowed = engineRequests.onReadableTask(taskUpdate.group(1), task -> followUp(task, tree));
                if (notAllowed.isPresent() && notAllowed.get().status() == HttpServletResponse.SC_NO_CONTENT) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
            }
            if (notAllowed.isPresent()) {
                TaskUpdates.Verdict refusal = notAllowed.get();
                WebRequests.refuse(request, response, refusal.status(),
                        refusal.status() == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException"
                                : "InvalidRequestException", refusal.message());
                return;
            }
            JsonNode readable = TaskUpdates.withoutReadOnlyFields(tree);
            if (readable != tree) {
                body = objectMapper.writeValueAsBytes(readable);
            }
        }
        Optional<String> refusal = administrator ? Optional.empty() : officialRefusal(request, resource, tree);
        if (refusal.isEmpty() && "POST".equals(method) && !administrator) {
            refusal = formRefusal(resource, tree);
        }
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        chain.doFilter(body == null ? request : new CachedBodyRequest(request, body), response);
    }

    /** History queries over everything and variables of other than plain types. */
    private static Optional<String> officialRefusal(HttpServletRequest request, String resource, JsonNode tree) {
        Optional<String> history = HistoryQueries.guardedResource(resource);
        if (history.isPresent()) {
            Predicate<String> given = "GET".equals(request.getMethod())
                    ? name -> hasText(request.getParameter(name))
                    : name -> tree != null && hasValue(tree.get(name));
            Optional<String> refusal = HistoryQueries.refusal(history.get(), given);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return tree == null ? Optional.empty() : VariableTypes.refusal(tree);
    }

    /** A task form or process start with more than its form's fields. */
    private Optional<String> formRefusal(String resource, JsonNode tree) {
        Matcher task = TASK_SUBMISSION.matcher(resource);
        if (task.matches()) {
            return Optional.ofNullable(checkTaskSubmission(task.group(1), tree));
        }
        Matcher start = PROCESS_START.matcher(resource);
        if (start.matches()) {
            return Optional.ofNullable(checkStart(start.group(1), start.group(2), tree));
        }
        return Optional.empty();
    }

    /** The reason to refuse a task form, or null when it may go to the engine. */
    private String checkTaskSubmission(String taskId, JsonNode json) {
        JsonNode submission = json == null ? objectMapper.createObjectNode() : json;
        String unexpected = unexpectedFields(submission, TASK_FIELDS);
        if (unexpected != null) {
            return "任务表单不接受这些内容：" + unexpected;
        }
        Map<String, Object> submitted = valuesOf(submission.path("variables"));
        return engineRequests.onReadableTask(taskId, task -> taskVerdict(task, submitted)).orElse(null);
    }

    /**
     * An official's {@code PUT /task/{id}}: refused when it changes more than the follow-up date; otherwise the
     * follow-up date is set here (answered 204), for the engine asks for the right to update the whole task
     * (assignee included), which officials do not hold; working on the task is what a reminder needs. Null
     * (no verdict) for a task the official may not work on, which the API answers; a task they may not read
     * gets no verdict from us either ({@link EngineRequests#onReadableTask}).
     */
    private static TaskUpdates.Verdict followUp(ReadableTask task, JsonNode update) {
        Optional<TaskUpdates.Verdict> refusal = TaskUpdates.officialRefusal(task.task(), update);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!task.mayWork()) {
            return null;
        }
        task.setFollowUpDate(TaskUpdates.followUpOf(update));
        return TaskUpdates.DONE;
    }

    private String taskVerdict(ReadableTask task, Map<String, Object> submitted) {
        if (task.task().getProcessDefinitionId() == null) {
            return null;
        }
        String foreign = notInForm(submitted.keySet(), formFields.ofTask(task));
        return foreign == null ? null : "“" + task.task().getName() + "”的表单中没有这些字段，不能提交：" + foreign;
    }

    /** The reason to refuse an official's process start, or null when it may go to the engine. */
    private String checkStart(String processKey, String processDefinitionId, JsonNode json) {
        JsonNode submission = json == null ? objectMapper.createObjectNode() : json;
        String unexpected = unexpectedFields(submission, START_FIELDS);
        if (unexpected != null) {
            return "发起流程的请求不接受这些内容：" + unexpected;
        }
        if (!submission.path("businessKey").asText("").isBlank()) {
            return "案件编号由系统在登记时生成，发起流程时不能指定";
        }
        Set<String> variables = valuesOf(submission.path("variables")).keySet();
        return engineRequests.onStartableProcess(processKey, processDefinitionId, process -> {
            String foreign = notInForm(variables, formFields.ofStart(process));
            return foreign == null ? null : StartFormFields.refusal(foreign);
        }).orElse(null);
    }

    private static String unexpectedFields(JsonNode json, Set<String> allowed) {
        if (!json.isObject()) {
            return null;
        }
        Set<String> unexpected = new TreeSet<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unexpected.add(name);
            }
        }
        return unexpected.isEmpty() ? null : String.join("、", unexpected);
    }

    private static String notInForm(Set<String> submitted, Set<String> allowed) {
        List<String> foreign = new ArrayList<>(new TreeSet<>(submitted));
        foreign.removeAll(allowed);
        return foreign.isEmpty() ? null : String.join("、", foreign);
    }

    private boolean authenticateFromSpring() {
        org.springframework.security.core.Authentication authentication =
                SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        processEngine.getIdentityService().setAuthentication(authentication.getName(),
                CamundaIdentityAuthenticationProvider.groupIdsOf(authentication));
        return true;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return objectMapper.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The values of {@code {"name": {"value": ..., "type": ...}}}. */
    private static Map<String, Object> valuesOf(JsonNode variables) {
        Map<String, Object> values = new HashMap<>();
        variables.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().path("value");
            values.put(entry.getKey(), value.isNull() || value.isMissingNode() ? null
                    : value.isBoolean() ? value.booleanValue()
                    : value.isNumber() ? value.numberValue()
                    : value.isTextual() ? value.textValue() : value.toString());
        });
        return values;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean hasValue(JsonNode value) {
        return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                && !(value.isTextual() && value.asText().isBlank());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        WebRequests.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
    }
}
