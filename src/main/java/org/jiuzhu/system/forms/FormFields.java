package org.jiuzhu.system.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a Camunda Form submits: the keys (or paths) of its fields that are not disabled, as
 * form-js (Tasklist) builds its submission — a disabled field only shows a value, it never sends one.
 * Read from the form the task or start event resolves to (its binding decides which version), and
 * remembered per deployed form, which never changes.
 */
@Component
public class FormFields {

    private final ObjectMapper objectMapper;
    private final Map<String, Set<String>> byFormDefinition = new ConcurrentHashMap<>();

    public FormFields(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The fields a task's form submits; empty for a task without a Camunda form. */
    public Set<String> ofTask(CommandContext commandContext, TaskEntity task) {
        task.initializeFormKey();
        String deploymentId = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
        return fieldsOf(commandContext, task.getCamundaFormRef(), deploymentId);
    }

    /** The fields the start form of a process definition submits; empty when it has no Camunda form. */
    public Set<String> ofStart(CommandContext commandContext, ProcessDefinitionEntity definition) {
        FormData form = commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration()
                .getFormService().getStartFormData(definition.getId()));
        return fieldsOf(commandContext, form.getCamundaFormRef(), form.getDeploymentId());
    }

    private Set<String> fieldsOf(CommandContext commandContext, CamundaFormRef ref, String deploymentId) {
        if (ref == null || ref.getKey() == null) {
            return Set.of();
        }
        CamundaFormDefinition definition = commandContext.runWithoutAuthorization(
                new GetCamundaFormDefinitionCmd(ref, deploymentId));
        if (definition == null) {
            return Set.of();
        }
        return byFormDefinition.computeIfAbsent(definition.getId(), id -> {
            try (InputStream schema = commandContext.runWithoutAuthorization(
                    new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
                return submittedKeys(objectMapper.readTree(schema));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read form " + definition.getResourceName(), e);
            }
        });
    }

    /** The top-level names a form-js schema submits. */
    static Set<String> submittedKeys(JsonNode schema) {
        Set<String> keys = new HashSet<>();
        collect(schema.path("components"), keys);
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.path("disabled").asBoolean(false)) {
                continue;
            }
            String key = component.path("key").asText(null);
            String path = component.path("path").asText(null);
            if (key != null && !key.isBlank() && !component.has("components")) {
                keys.add(firstSegment(key));
            } else if (path != null && !path.isBlank()) {
                // A group or list bound to a path submits its fields under that name.
                keys.add(firstSegment(path));
            } else {
                collect(component.path("components"), keys);
            }
        }
    }

    private static String firstSegment(String keyOrPath) {
        int dot = keyOrPath.indexOf('.');
        return dot < 0 ? keyOrPath : keyOrPath.substring(0, dot);
    }
}
