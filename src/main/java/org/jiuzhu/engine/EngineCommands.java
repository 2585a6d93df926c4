package org.jiuzhu.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Work done by the engine on its own authority, in the engine's (and the caller's) transaction. */
public final class EngineCommands {

    private EngineCommands() {
    }

    /**
     * Runs the work without authorization checks: inside the engine command under way (a listener, a
     * delegate), else in a command of its own that joins the caller's transaction. Engine API calls the
     * work makes run in that command, so none of them checks the user's authorizations either.
     */
    public static <T> T withoutAuthorization(ProcessEngine engine, Supplier<T> work) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return current.runWithoutAuthorization(work::get);
        }
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
    }

    /** {@link #withoutAuthorization(ProcessEngine, Supplier)} for work without a result. */
    public static void withoutAuthorization(ProcessEngine engine, Runnable work) {
        withoutAuthorization(engine, () -> {
            work.run();
            return null;
        });
    }
}
