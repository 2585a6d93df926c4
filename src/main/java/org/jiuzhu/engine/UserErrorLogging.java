package org.jiuzhu.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * An official's mistake is not a server error: the engine logs a failed command at debug level when it
 * failed on a refused form, a conflict with another official or a task already claimed, also where a task
 * listener raised it (the engine wraps what a listener throws, and would otherwise log the refusal of
 * every wrongly filled form as an ERROR with its stack trace). Technical failures stay errors.
 */
@Component
public class UserErrorLogging extends AbstractProcessEnginePlugin {

    private static final int DEEPEST_CAUSE = 10;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(processEngineConfiguration) {
                    @Override
                    protected boolean shouldLogFine(Throwable exception) {
                        return super.shouldLogFine(exception) || causedByUser(exception);
                    }
                };
            }
        };
        // The engine introduces itself only to a factory it makes itself.
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    static boolean causedByUser(Throwable exception) {
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException || cause instanceof OptimisticLockingException
                    || cause instanceof TaskAlreadyClaimedException) {
                return true;
            }
        }
        return false;
    }
}
