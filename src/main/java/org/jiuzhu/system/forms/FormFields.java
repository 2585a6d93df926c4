package org.jiuzhu.system.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jiuzhu.engine.EngineRequests.DeployedForm;
import org.jiuzhu.engine.EngineRequests.ReadableTask;
import org.jiuzhu.engine.EngineRequests.StartableProcess;
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
    public Set<String> ofTask(ReadableTask task) {
        return fieldsOf(task.form());
    }

    /** The fields the start form of a process definition submits; empty when it has no Camunda form. */
    public Set<String> ofStart(StartableProcess process) {
        return fieldsOf(process.startForm());
    }

    private Set<String> fieldsOf(Optional<DeployedForm> form) {
        if (form.isEmpty()) {
            return Set.of();
        }
        DeployedForm deployed = form.get();
        return byFormDefinition.computeIfAbsent(deployed.id(), id -> {
            try (InputStream schema = deployed.schema()) {
                return submittedKeys(objectMapper.readTree(schema));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read form " + deployed.resourceName(), e);
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
