package org.jiuzhu.system.forms;

import java.util.function.Function;

/**
 * Server-side rules of task forms, checked before a submission reaches the engine so that the
 * official gets a clean Chinese message and the API a 400. Implementations throw
 * {@link org.camunda.bpm.engine.BadUserRequestException} with the message.
 */
public interface TaskFormRules {

    boolean appliesTo(String processDefinitionKey);

    void validate(String taskDefinitionKey, Function<String, Object> variables);
}
