package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Everything in processes/ and forms/ is deployed by the process application, the forms in the
 * same deployment as the processes that reference them, so a new installation has every form the
 * processes bind (binding "latest": later versions may come from the Modeler without their forms).
 */
@JiuzhuIntegrationTest
class ProcessApplicationDeploymentTest {

    @Autowired RepositoryService repositoryService;

    @Test
    void deploysEveryModelAndForm() throws IOException {
        List<String> expected = Stream.concat(filesIn("processes"), filesIn("forms")).toList();
        assertThat(expected).anyMatch(f -> f.endsWith(".form")).anyMatch(f -> f.endsWith(".bpmn"))
                .anyMatch(f -> f.endsWith(".dmn"));

        List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
                .map(Resource::getName).toList();

        assertThat(deployed).containsAll(expected);
    }

    @Test
    void deploysEachReferencedFormWithItsProcess() {
        List<ProcessDefinition> fromProcessApplication = repositoryService.createProcessDefinitionQuery().list().stream()
                .filter(d -> d.getResourceName().startsWith("processes/")).toList();
        assertThat(fromProcessApplication).isNotEmpty();
        for (ProcessDefinition definition : fromProcessApplication) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            List<String> resources = repositoryService.getDeploymentResources(definition.getDeploymentId()).stream()
                    .map(Resource::getName).toList();
            Stream.concat(model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
                            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
                    .filter(ref -> ref != null)
                    .forEach(ref -> assertThat(resources).as(definition.getKey() + " references form " + ref)
                            .contains("forms/" + ref + ".form"));
        }
    }

    private static Stream<String> filesIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder + "/" + p.getFileName())
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
                    .toList().stream();
        }
    }
}
