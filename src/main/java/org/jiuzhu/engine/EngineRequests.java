package org.jiuzhu.engine;

import java.io.InputStream;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a guard in front of the engine's APIs needs to know about a request before the API carries it out,
 * asked as the requesting user, each in one engine command: the task it names, or the process it starts,
 * with their Camunda forms.
 */
@Component
public class EngineRequests {

    private final CommandExecutor commandExecutor;

    public EngineRequests(ProcessEngine processEngine) {
        this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /** A deployed Camunda form, inside the command that found it. */
    public static final class DeployedForm {
        private final CommandContext commandContext;
        private final CamundaFormDefinition definition;

        private DeployedForm(CommandContext commandContext, CamundaFormDefinition definition) {
            this.commandContext = commandContext;
            this.definition = definition;
        }

        /** The id of the deployed form definition: a deployed form never changes. */
        public String id() {
            return definition.getId();
        }

        public String resourceName() {
            return definition.getResourceName();
        }

        /** The form-js schema. */
        public InputStream schema() {
            return commandContext.runWithoutAuthorization(
                    new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()));
        }
    }

    /** A task the user may read, inside the command that found it. */
    public static final class ReadableTask {
        private final CommandContext commandContext;
        private final TaskEntity task;

        private ReadableTask(CommandContext commandContext, TaskEntity task) {
            this.commandContext = commandContext;
            this.task = task;
        }

        public Task task() {
            return task;
        }

        /** The Camunda form the task resolves to (its binding decides the version), if any. */
        public Optional<DeployedForm> form() {
            task.initializeFormKey();
            String deploymentId = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
            return formOf(commandContext, task.getCamundaFormRef(), deploymentId);
        }

        /** Whether the user may work on the task (complete it, set its variables). */
        public boolean mayWork() {
            try {
                for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkTaskWork(task);
                }
                return true;
            } catch (ProcessEngineException notTheirs) {
                return false;
            }
        }

        /**
         * Sets the task's follow-up date, the engine acting for the user: the engine's API asks for the right
         * to update the whole task (assignee included).
         */
        public void setFollowUpDate(Date followUp) {
            task.setFollowUpDate(followUp);
            commandContext.runWithoutAuthorization(() -> new SaveTaskCmd(task).execute(commandContext));
        }
    }

    /** A process the user may start, inside the command that found it. */
    public record StartableProcess(ProcessDefinition definition, Optional<DeployedForm> startForm) {
    }

    /**
     * The work's answer on the task, or empty when the user may not read it or there is no such task (the
     * API answers that request as it answers any such request).
     */
    public <T> Optional<T> onReadableTask(String taskId, Function<ReadableTask, T> work) {
        return commandExecutor.execute(commandContext -> {
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.empty();
            }
            try {
                for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkReadTask(task);
                }
            } catch (ProcessEngineException notTheirs) {
                return Optional.empty();
            }
            return Optional.ofNullable(work.apply(new ReadableTask(commandContext, task)));
        });
    }

    /**
     * The work's answer on the latest version of the process (by key, else by definition id), or empty when
     * there is no such process or the user may not start it (the API answers that: 404, 403).
     */
    public <T> Optional<T> onStartableProcess(String processKey, String processDefinitionId,
                                              Function<StartableProcess, T> work) {
        return commandExecutor.execute(commandContext -> {
            ProcessDefinitionEntity definition = commandContext.runWithoutAuthorization(() -> processKey != null
                    ? commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processKey)
                    : commandContext.getProcessDefinitionManager().findLatestDefinitionById(processDefinitionId));
            try {
                for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkCreateProcessInstance(definition);
                }
            } catch (RuntimeException noSuchProcessOrNotTheirs) {
                return Optional.empty();
            }
            FormData form = commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration()
                    .getFormService().getStartFormData(definition.getId()));
            return Optional.ofNullable(work.apply(new StartableProcess(definition,
                    formOf(commandContext, form.getCamundaFormRef(), form.getDeploymentId()))));
        });
    }

    private static Optional<DeployedForm> formOf(CommandContext commandContext, CamundaFormRef ref, String deploymentId) {
        if (ref == null || ref.getKey() == null) {
            return Optional.empty();
        }
        CamundaFormDefinition definition = commandContext.runWithoutAuthorization(
                new GetCamundaFormDefinitionCmd(ref, deploymentId));
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(new DeployedForm(commandContext, definition));
    }
}
