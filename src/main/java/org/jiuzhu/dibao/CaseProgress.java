package org.jiuzhu.dibao;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.jiuzhu.notice.NoticeBoard;
import org.springframework.stereotype.Service;

/**
 * Where a case stands: the stages (activity names of the model) it is at now, or how it ended.
 * Queries run as the current engine user, so a caller sees only cases they may read.
 */
@Service
public class CaseProgress {

    /** The current stages, or the outcome once the case has ended. */
    public record Progress(List<String> currentStages, String outcome) {

        public boolean ended() {
            return outcome != null;
        }
    }

    private static final Set<String> STAGE_TYPES = Set.of(ActivityTypes.TASK_USER_TASK, ActivityTypes.TASK_SERVICE,
            ActivityTypes.INTERMEDIATE_EVENT_TIMER, ActivityTypes.GATEWAY_EVENT_BASED, ActivityTypes.CALL_ACTIVITY);
    private static final String NOTICE_TIMER = "Event_NoticePeriodEnded";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final NoticeBoard board;
    private final Clock clock;

    public CaseProgress(HistoryService historyService, RuntimeService runtimeService, NoticeBoard board,
                        Clock clock) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.board = board;
        this.clock = clock;
    }

    public Progress of(DibaoApplication application) {
        String processInstanceId = application.processInstanceId();
        if (processInstanceId == null) {
            return new Progress(List.of("登记申请"), null);
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new Progress(List.of(), null);
        }
        if (instance.getEndTime() != null) {
            return new Progress(List.of(), outcomeOf(instance));
        }
        return new Progress(stagesOf(processInstanceId, application), null);
    }

    /** Where a case of another kind (临时救助) stands, by its process instance. */
    public Progress ofProcessInstance(String processInstanceId) {
        HistoricProcessInstance instance = processInstanceId == null ? null : historyService
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new Progress(List.of(), null);
        }
        if (instance.getEndTime() != null) {
            return new Progress(List.of(), outcomeOf(instance));
        }
        return new Progress(stagesOf(processInstanceId, null), null);
    }

    /** The stages a running instance is at, following a call activity into the process it called. */
    private List<String> stagesOf(String processInstanceId, DibaoApplication application) {
        List<String> stages = new ArrayList<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).unfinished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
            if (ActivityTypes.CALL_ACTIVITY.equals(activity.getActivityType()) && activity.getCalledProcessInstanceId() != null) {
                stages.addAll(stagesOf(activity.getCalledProcessInstanceId(), application));
            } else if (STAGE_TYPES.contains(activity.getActivityType())) {
                stages.add(NOTICE_TIMER.equals(activity.getActivityId()) && application != null
                        ? noticeStage(application) : nameOf(activity.getActivityName(), activity.getActivityId()));
            }
        }
        // A system step waiting for its job (asynchronous continuation) has no activity instance yet.
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        if (tree != null) {
            collectWaitingSteps(tree, stages);
        }
        return stages;
    }

    private String noticeStage(DibaoApplication application) {
        return board.activeForApplication(application.id())
                .map(notice -> "公示中（至 " + DAY.format(LocalDate.ofInstant(notice.endsAt(), clock.getZone())) + "）")
                .orElse("公示中");
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
