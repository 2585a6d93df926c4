package org.jiuzhu.system.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * On completion of a user task (in the model: a task listener on {@code complete} with the delegate
 * expression {@code ${taskFormListener}}): binds the variables into the record of the task's form
 * ({@code camunda:formRef}), validates it and hands it to the feature that records the decision. The one
 * check of a task form, whether it is completed in Tasklist, over the REST API or from Java: a broken rule
 * aborts the completion with a {@link org.camunda.bpm.engine.BadUserRequestException} and nothing changes.
 */
@Component("taskFormListener")
public class TaskFormListener implements TaskListener {

    private final FormBinding binding;
    private final Map<String, Completion<?>> byFormId = new HashMap<>();

    public TaskFormListener(FormBinding binding, List<TaskFormHandlers> handlers) {
        this.binding = binding;
        Registry registry = new Registry();
        handlers.forEach(h -> h.register(registry));
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        Completion<?> completion = byFormId.get(formId);
        if (completion == null) {
            throw new IllegalStateException("No record for the form " + formId + " of task "
                    + task.getTaskDefinitionKey());
        }
        completion.complete(task);
    }

    /**
     * Models deployed before the typed forms name the check per process
     * ({@code ${dibaoTaskChecks.onComplete(task)}} and the emergency's and temporary assistance's alike);
     * their running cases complete their tasks through this listener too (the aliases below).
     */
    public void onComplete(DelegateTask task) {
        notify(task);
    }

    /** The bean names those models use for the listener. */
    @Configuration(proxyBeanMethods = false)
    static class EarlierModels {

        @Bean
        static BeanFactoryPostProcessor earlierTaskCheckNames() {
            return beanFactory -> {
                for (String name : List.of("dibaoTaskChecks", "emergencyTaskChecks", "temporaryAssistanceTaskChecks")) {
                    beanFactory.registerAlias("taskFormListener", name);
                }
            };
        }
    }

    private record Completion<F extends Record>(Class<F> type, FormBinding binding,
                                                BiConsumer<DelegateTask, F> completed) {

        void complete(DelegateTask task) {
            completed.accept(task, binding.bindValid(type, task::getVariable));
        }
    }

    private final class Registry implements TaskFormHandlers.Registry {

        @Override
        public <F extends Record> void on(Class<F> form, BiConsumer<DelegateTask, F> completed) {
            TaskFormId id = form.getAnnotation(TaskFormId.class);
            if (id == null) {
                throw new IllegalStateException("No @TaskFormId on " + form.getName());
            }
            if (byFormId.putIfAbsent(id.value(), new Completion<>(form, binding, completed)) != null) {
                throw new IllegalStateException("Two records for the form " + id.value());
            }
        }

        @Override
        public <F extends Record & CaseBoundForm<C>, C> void on(Class<F> form, Function<DelegateTask, C> caseFacts,
                                                               BiConsumer<DelegateTask, F> completed) {
            on(form, (task, valid) -> {
                valid.checkAgainst(caseFacts.apply(task));
                completed.accept(task, valid);
            });
        }
    }
}
