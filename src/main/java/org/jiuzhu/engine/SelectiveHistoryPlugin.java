package org.jiuzhu.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history, less what {@link HistoryProperties} names: the engine's database history handler is
 * replaced by one that drops those events and writes every other one as before. The history level
 * stays {@code full} (a custom level would change what the engine records elsewhere and would not
 * match the level stored in an existing database).
 */
@Component
public class SelectiveHistoryPlugin extends AbstractProcessEnginePlugin {

    private final HistoryProperties properties;

    public SelectiveHistoryPlugin(HistoryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (properties.derivedTaskVariables().isEmpty() && properties.decisionsWithoutHistory().isEmpty()) {
            return;
        }
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new SelectiveDbHistoryEventHandler(properties));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    static final class SelectiveDbHistoryEventHandler extends DbHistoryEventHandler {

        private final HistoryProperties properties;

        SelectiveDbHistoryEventHandler(HistoryProperties properties) {
            this.properties = properties;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (recorded(event)) {
                super.handleEvent(event);
            }
        }

        boolean recorded(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return variable.getTaskId() == null
                        || !properties.derivedTaskVariables().contains(variable.getVariableName());
            }
            if (event instanceof HistoricDecisionEvaluationEvent decision) {
                return !properties.decisionsWithoutHistory().contains(
                        decision.getRootHistoricDecisionInstance().getDecisionDefinitionKey());
            }
            return true;
        }
    }
}
