package org.jiuzhu.system.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every user task with a Camunda form has the form's record, and the record's components are exactly the keys
 * the form submits (its editable fields): a field added to a form without its record, or the other way round,
 * fails here and not in an official's hands.
 */
class TaskFormRecordsTest {

    @Test
    void everyUserTaskFormHasARecordWithExactlyItsSubmittedFields() throws IOException {
        Map<String, Class<?>> records = recordsByFormId();
        Map<String, String> formOfTask = userTaskForms();

        assertThat(formOfTask).isNotEmpty();
        for (Map.Entry<String, String> task : formOfTask.entrySet()) {
            String formId = task.getValue();
            assertThat(records).as("the record of form %s (%s)", formId, task.getKey()).containsKey(formId);
            Set<String> components = Arrays.stream(records.get(formId).getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(components).as("the components of %s against forms/%s.form", records.get(formId).getName(),
                    formId).containsExactlyInAnyOrderElementsOf(submittedKeys(formId));
        }
        assertThat(formOfTask.values()).as("forms of user tasks").containsAll(records.keySet());
    }

    private static Map<String, Class<?>> recordsByFormId() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(TaskFormId.class));
        Map<String, Class<?>> records = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.jiuzhu")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                assertThat(type.isRecord()).as(type.getName()).isTrue();
                assertThat(records.put(type.getAnnotation(TaskFormId.class).value(), type)).as(type.getName()).isNull();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return records;
    }

    /** Task key (with its process) → form id, for every user task with a {@code camunda:formRef}. */
    private static Map<String, String> userTaskForms() throws IOException {
        Map<String, String> forms = new TreeMap<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
                    if (task.getCamundaFormRef() != null) {
                        forms.put(model.getFileName() + "#" + task.getId(), task.getCamundaFormRef());
                    }
                }
            }
        }
        return forms;
    }

    private static Set<String> submittedKeys(String formId) throws IOException {
        return FormFields.submittedKeys(new ObjectMapper().readTree(new File("forms/" + formId + ".form")));
    }
}
