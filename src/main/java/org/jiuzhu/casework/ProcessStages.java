package org.jiuzhu.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;

/**
 * Where a case of any kind stands: the stages (activity names of the model) its process instance is at
 * now, or how it ended. Queries run as the current engine user, so a caller sees only cases they may read.
 */
@Service
public class ProcessStages {

    /** The current stages, or the outcome once the case has ended. */
    public record Progress(List<String> currentStages, String outcome) {

        public boolean ended() {
            return outcome != null;
        }
    }

    private static final Set<String> STAGE_TYPES = Set.of(ActivityTypes.TASK_USER_TASK, ActivityTypes.TASK_SERVICE,
            ActivityTypes.INTERMEDIATE_EVENT_TIMER, ActivityTypes.GATEWAY_EVENT_BASED, ActivityTypes.CALL_ACTIVITY);

    private final HistoryService historyService;
    private final RuntimeService runtimeService;

    public ProcessStages(HistoryService historyService, RuntimeService runtimeService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
    }

    /** Where the case of this process instance stands, its stages named as in the model. */
    public Progress of(String processInstanceId) {
        return of(processInstanceId, activityId -> null);
    }

    /**
     * @param stageNames the name of a stage the case type words itself (e.g. the notice period with its end),
     *                   by activity id; null for the model's name
     */
    public Progress of(String processInstanceId, Function<String, String> stageNames) {
        HistoricProcessInstance instance = processInstanceId == null ? null : historyService
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new Progress(List.of(), null);
        }
        if (instance.getEndTime() != null) {
            return new Progress(List.of(), outcomeOf(instance));
        }
        return new Progress(stagesOf(processInstanceId, stageNames), null);
    }

    /** The stages a running instance is at, following a call activity into the process it called. */
    private List<String> stagesOf(String processInstanceId, Function<String, String> stageNames) {
        List<String> stages = new ArrayList<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).unfinished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
            if (ActivityTypes.CALL_ACTIVITY.equals(activity.getActivityType()) && activity.getCalledProcessInstanceId() != null) {
                stages.addAll(stagesOf(activity.getCalledProcessInstanceId(), stageNames));
            } else if (STAGE_TYPES.contains(activity.getActivityType())) {
                String own = stageNames.apply(activity.getActivityId());
                stages.add(own != null ? own : nameOf(activity.getActivityName(), activity.getActivityId()));
            }
        }
        // A system step waiting for its job (asynchronous continuation) has no activity instance yet.
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        if (tree != null) {
            collectWaitingSteps(tree, stages);
        }
        return stages;
    }

    private static void collectWaitingSteps(ActivityInstance instance, List<String> stages) {
        for (TransitionInstance waiting : instance.getChildTransitionInstances()) {
            String name = nameOf(waiting.getActivityName(), waiting.getActivityId());
            if (!stages.contains(name)) {
                stages.add(name);
            }
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectWaitingSteps(child, stages);
        }
    }

    private String outcomeOf(HistoricProcessInstance instance) {
        if (!HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) || instance.getEndActivityId() == null) {
            return "已终止办理";
        }
        String endName = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(instance.getEndActivityId()).list().stream()
                .map(HistoricActivityInstance::getActivityName)
                .filter(name -> name != null && !name.isBlank())
                .findFirst().orElse(instance.getEndActivityId());
        return "已办结：" + endName;
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
