package org.jiuzhu.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Modeler's element templates name real delegates, and every delegate we use has one. */
@JiuzhuIntegrationTest
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates", "jiuzhu.json");

    @Autowired ApplicationContext context;

    @Test
    void nameExistingDelegatesAndCoverEveryServiceTask() throws IOException {
        JsonNode templates = new ObjectMapper().readTree(TEMPLATES.toFile());
        Set<String> ids = new HashSet<>();
        Set<String> delegates = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode template : templates) {
            if (!ids.add(template.path("id").asText())) {
                problems.add("duplicate template id " + template.path("id").asText());
            }
            // Templates cannot set task listeners: the administrator adds them, so the panel must show them.
            if (template.path("appliesTo").toString().contains("bpmn:UserTask") && !template.path("entriesVisible").asBoolean()) {
                problems.add(template.path("id").asText() + " hides the task listeners (entriesVisible is not true)");
            }
            for (JsonNode property : template.path("properties")) {
                if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                    String bean = property.path("value").asText().replaceAll("^\\$\\{|}$", "");
                    delegates.add(bean);
                    if (!context.containsBean(bean)) {
                        problems.add(template.path("id").asText() + " names no bean: " + bean);
                    }
                }
            }
        }
        try (var models = java.nio.file.Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                for (ServiceTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ServiceTask.class)) {
                    String bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{|}$", "");
                    if (!ModelRules.SYNCHRONOUS_BY_DESIGN.contains(task.getId()) && !delegates.contains(bean)) {
                        problems.add("no element template for " + model.getFileName() + " " + task.getId() + " (" + bean + ")");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(templates.size()).isGreaterThan(3);
    }
}
