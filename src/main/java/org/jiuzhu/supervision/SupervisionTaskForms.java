package org.jiuzhu.supervision;

import org.jiuzhu.system.forms.TaskFormHandlers;
import org.springframework.stereotype.Component;

/** The 督办 form: checked on completion; its answers stay with the task in the history, nothing else records them. */
@Component
class SupervisionTaskForms implements TaskFormHandlers {

    @Override
    public void register(Registry registry) {
        registry.on(SupervisionForm.class, (task, form) -> {
        });
    }
}
