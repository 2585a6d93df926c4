package org.jiuzhu.system.forms;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jiuzhu.system.security.CamundaIdentityAuthenticationProvider;
import org.jiuzhu.system.web.CachedBodyRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a task form submitted through the REST API (Tasklist's {@code submit-form}, or
 * {@code complete}) against the {@link TaskFormRules} before the engine sees it. A broken rule gets
 * 400 with the rule's Chinese message in Camunda's error format, which Tasklist shows as it is. The
 * same rules run again in the engine (task listener), so nothing gets past them either way.
 */
public class TaskFormPrecheckFilter extends OncePerRequestFilter {

    private static final Pattern TASK_SUBMISSION =
            Pattern.compile("/(?:engine-rest|camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:submit-form|complete)");

    private final ProcessEngine processEngine;
    private final CommandExecutor commandExecutor;
    private final List<TaskFormRules> rules;
    private final ObjectMapper objectMapper;

    public TaskFormPrecheckFilter(ProcessEngine processEngine, List<TaskFormRules> rules, ObjectMapper objectMapper) {
        this.processEngine = processEngine;
        this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.rules = rules;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !TASK_SUBMISSION.matcher(pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Matcher matcher = TASK_SUBMISSION.matcher(pathOf(request));
        String refusal = matcher.matches() ? check(matcher.group(1), body) : null;
        if (refusal != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(objectMapper.writeValueAsString(
                    Map.of("type", "InvalidRequestException", "message", refusal)));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The rule's message, or null when the submission passes (or is not ours to judge). */
    private String check(String taskId, byte[] body) {
        IdentityService identityService = processEngine.getIdentityService();
        boolean authenticatedHere = identityService.getCurrentAuthentication() == null && authenticateFromSpring();
        try {
            Map<String, Object> submitted = submittedValues(body);
            // One engine command for the task, its definition and the few variables the rules read, where
            // a task query, a definition query and all variables would take three, each authorised.
            return commandExecutor.execute(commandContext -> verdict(commandContext, taskId, submitted));
        } finally {
            if (authenticatedHere) {
                identityService.clearAuthentication();
            }
        }
    }

    private String verdict(CommandContext commandContext, String taskId, Map<String, Object> submitted) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        String key = definition.getKey();
        List<TaskFormRules> applicable = rules.stream().filter(r -> r.appliesTo(key)).toList();
        if (applicable.isEmpty()) {
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

    private boolean authenticateFromSpring() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
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

    /** The values of {@code {"variables": {"name": {"value": ..., "type": ...}}}}. */
    private Map<String, Object> submittedValues(byte[] body) {
        Map<String, Object> values = new HashMap<>();
        if (body.length == 0) {
            return values;
        }
        try {
            JsonNode variables = objectMapper.readTree(body).path("variables");
            variables.fields().forEachRemaining(entry -> {
                JsonNode value = entry.getValue().path("value");
                values.put(entry.getKey(), value.isNull() || value.isMissingNode() ? null
                        : value.isBoolean() ? value.booleanValue()
                        : value.isNumber() ? value.numberValue()
                        : value.isTextual() ? value.textValue() : value.toString());
            });
        } catch (IOException e) {
            // Not JSON: the engine's REST API answers that itself.
        }
        return values;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
