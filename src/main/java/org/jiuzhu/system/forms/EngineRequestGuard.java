package org.jiuzhu.system.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.system.security.CamundaIdentityAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What officials may send to the engine's API — {@code /engine-rest} and the webapps' own
 * {@code /camunda/api/engine} that Tasklist uses — beyond what Camunda's authorizations decide. Nothing
 * an official sends may set an id, a unit or a routing variable of a case:
 * <ul>
 *   <li>A task form (submit-form, complete, resolve) carries the editable fields of the task's Camunda
 *       form and nothing else; a process start carries the editable fields of the start form, no business
 *       key and no start instructions (which would begin a case past its registration).</li>
 *   <li>Messages, signals and conditions, BPMN errors and escalations thrown from tasks, writes of process,
 *       task or execution variables, modifications and restarts are the engine's and administrators' to
 *       make: 403.</li>
 *   <li>A task form that breaks the rules of its process ({@link TaskFormRules}) is refused with the rule's
 *       Chinese message (400, which Tasklist shows as it is). The same rules run again in the engine (task
 *       listeners), so nothing gets past them either way.</li>
 * </ul>
 * Administrators ({@code camunda-admin}) are held only to the form rules.
 */
public class EngineRequestGuard extends OncePerRequestFilter {

    /** The resource path after the API's root, e.g. {@code /task/42/submit-form}. */
    private static final Pattern API = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)");
    private static final Pattern TASK_SUBMISSION = Pattern.compile("/task/([^/]+)/(?:submit-form|complete|resolve)");
    private static final Pattern PROCESS_START =
            Pattern.compile("/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)");
    private static final Pattern ENGINE_ONLY = Pattern.compile(
            "/(?:message|signal|condition)(?:/.*)?"
            + "|/task/[^/]+/(?:bpmnError|bpmnEscalation)"
            + "|/process-definition/.+/restart(?:-async)?"
            + "|/process-instance/(?:.+/)?modification(?:-async)?"
            + "|/process-instance/variables-async"
            + "|/(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?");
    private static final Set<String> TASK_FIELDS = Set.of("variables", "withVariablesInReturn");
    private static final Set<String> START_FIELDS = Set.of("variables", "businessKey", "withVariablesInReturn");

    private final ProcessEngine processEngine;
    private final CommandExecutor commandExecutor;
    private final List<TaskFormRules> rules;
    private final FormFields formFields;
    private final ObjectMapper objectMapper;

    public EngineRequestGuard(ProcessEngine processEngine, List<TaskFormRules> rules, FormFields formFields,
                              ObjectMapper objectMapper) {
        this.processEngine = processEngine;
        this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.rules = rules;
        this.formFields = formFields;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || !API.matcher(pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher api = API.matcher(pathOf(request));
        String resource = api.matches() ? api.group(1) : "";
        IdentityService identityService = processEngine.getIdentityService();
        boolean authenticatedHere = identityService.getCurrentAuthentication() == null && authenticateFromSpring();
        try {
            Authentication user = identityService.getCurrentAuthentication();
            boolean administrator = user != null && user.getGroupIds() != null
                    && user.getGroupIds().contains(UnitGroups.ADMINISTRATORS);
            if (!administrator && ENGINE_ONLY.matcher(resource).matches()) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                        "没有权限：消息、信号、流程变量的修改和流程的改动只能由系统或管理员进行");
                return;
            }
            Matcher task = TASK_SUBMISSION.matcher(resource);
            Matcher start = PROCESS_START.matcher(resource);
            if (!task.matches() && !start.matches()) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readAllBytes();
            String refusal = task.matches()
                    ? checkTaskSubmission(task.group(1), body, administrator)
                    : administrator ? null : checkStart(start.group(1), start.group(2), body);
            if (refusal != null) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
        } finally {
            if (authenticatedHere) {
                identityService.clearAuthentication();
            }
        }
    }

    /** The reason to refuse a task form, or null when it may go to the engine. */
    private String checkTaskSubmission(String taskId, byte[] body, boolean administrator) {
        JsonNode json = parse(body);
        if (json == null) {
            return null; // not JSON: the REST API answers that itself
        }
        if (!administrator) {
            String unexpected = unexpectedFields(json, TASK_FIELDS);
            if (unexpected != null) {
                return "任务表单不接受这些内容：" + unexpected;
            }
        }
        Map<String, Object> submitted = valuesOf(json.path("variables"));
        // One engine command for the task, its form, its definition and the few variables the rules read.
        return commandExecutor.execute(commandContext -> taskVerdict(commandContext, taskId, submitted, administrator));
    }

    private String taskVerdict(CommandContext commandContext, String taskId, Map<String, Object> submitted,
                               boolean administrator) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return null;
        }
        try {
            // Under the user's own authorization: a task they may not read gets no verdict from us (the
            // REST API answers it as it answers any such request).
            for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkReadTask(task);
            }
        } catch (ProcessEngineException notTheirs) {
            return null;
        }
        if (!administrator) {
            String foreign = notInForm(submitted.keySet(), formFields.ofTask(commandContext, task));
            if (foreign != null) {
                return "“" + task.getName() + "”的表单中没有这些字段，不能提交：" + foreign;
            }
        }
        ProcessDefinitionEntity definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        List<TaskFormRules> applicable = rules.stream().filter(r -> r.appliesTo(definition.getKey())).toList();
        if (applicable.isEmpty()) {
            return null;
        }
        Function<String, Object> values = name -> submitted.containsKey(name) ? submitted.get(name)
                : task.getVariable(name);
        try {
            for (TaskFormRules rule : applicable) {
                rule.validate(task.getTaskDefinitionKey(), values);
            }
            return null;
        } catch (BadUserRequestException e) {
            return e.getMessage();
        }
    }

    /** The reason to refuse an official's process start, or null when it may go to the engine. */
    private String checkStart(String processKey, String processDefinitionId, byte[] body) {
        JsonNode json = parse(body);
        if (json == null) {
            return null;
        }
        String unexpected = unexpectedFields(json, START_FIELDS);
        if (unexpected != null) {
            return "发起流程的请求不接受这些内容：" + unexpected;
        }
        if (!json.path("businessKey").asText("").isBlank()) {
            return "案件编号由系统在登记时生成，发起流程时不能指定";
        }
        Set<String> variables = valuesOf(json.path("variables")).keySet();
        return commandExecutor.execute(commandContext -> {
            ProcessDefinitionEntity definition = commandContext.runWithoutAuthorization(() -> processKey != null
                    ? commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processKey)
                    : commandContext.getProcessDefinitionManager().findLatestDefinitionById(processDefinitionId));
            try {
                for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkCreateProcessInstance(definition);
                }
            } catch (RuntimeException noSuchProcessOrNotTheirs) {
                return null; // the engine answers that (404, 403)
            }
            String foreign = notInForm(variables, formFields.ofStart(commandContext, definition));
            return foreign == null ? null : "申请表中没有这些字段，不能随申请提交：" + foreign;
        });
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
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .toList();
        processEngine.getIdentityService().setAuthentication(authentication.getName(), groups);
        return true;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return objectMapper.createObjectNode();
        }
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
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

    private void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(objectMapper.writeValueAsString(Map.of("type", type, "message", message)));
    }

    /** The path as the servlet container mapped it: decoded, normalised, without path parameters. */
    private static String pathOf(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** The request with its body read once here and again by the REST API. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
