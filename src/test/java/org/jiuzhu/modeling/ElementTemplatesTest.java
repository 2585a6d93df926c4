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
    /** The case processes whose steps administrators rebuild in the Modeler. */
    private static final List<String> CASE_PROCESSES = List.of("dibao-application.bpmn", "temporary-assistance.bpmn");

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
        for (String process : CASE_PROCESSES) {
            for (ServiceTask task : Bpmn.readModelFromFile(Path.of("processes", process).toFile())
                    .getModelElementsByType(ServiceTask.class)) {
                String bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{|}$", "");
                if (!ModelRules.SYNCHRONOUS_BY_DESIGN.contains(task.getId()) && !delegates.contains(bean)) {
                    problems.add("no element template for " + process + " " + task.getId() + " (" + bean + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(templates.size()).isGreaterThan(3);
    }
}
