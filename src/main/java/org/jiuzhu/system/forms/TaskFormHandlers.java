package org.jiuzhu.system.forms;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A feature's task forms and what completing each of them records (the decision on the case, the
 * variables the model routes by). The {@link TaskFormListener} binds and validates the form first, so a
 * completion gets a valid record.
 */
public interface TaskFormHandlers {

    void register(Registry registry);

    /** Where a feature declares its forms. */
    interface Registry {

        /** A form checked by its own constraints alone. */
        <F extends Record> void on(Class<F> form, BiConsumer<DelegateTask, F> completed);

        /** A form whose rules also need the case: {@code caseFacts} reads them for the task. */
        <F extends Record & CaseBoundForm<C>, C> void on(Class<F> form, Function<DelegateTask, C> caseFacts,
                                                        BiConsumer<DelegateTask, F> completed);
    }
}
