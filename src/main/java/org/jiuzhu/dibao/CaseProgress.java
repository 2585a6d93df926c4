package org.jiuzhu.dibao;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ProcessStages;
import org.springframework.stereotype.Service;

/**
 * Where an application stands for the applicant and the officials: its current stages (casework's
 * {@link ProcessStages}) and the step bar of each kind of case. Queries run as the current engine user,
 * so a caller sees only cases they may read.
 */
@Service
public class CaseProgress {

    private static final String NOTICE_TIMER = "Event_NoticePeriodEnded";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** How far a step of the step bar is. */
    public enum StepState { DONE, CURRENT, PENDING, SKIPPED, STOPPED }

    /**
     * One step of the bar: when it was finished, or (the current one) by when it is due; the deadline is
     * the due date of the open task, or the end of the notice period; null for a step the system does.
     */
    public record Step(String label, StepState state, LocalDate finishedOn, LocalDate deadline) {

        public boolean current() {
            return state == StepState.CURRENT;
        }
    }

    /**
     * The step bar of a case; {@code correction} is what the applicant is asked to correct while the case
     * waits at 补正材料 (null otherwise), as the materials check wrote it, for the caller to redact.
     */
    public record Steps(List<Step> steps, String correction) {

        public boolean awaitingCorrection() {
            return correction != null;
        }
    }

    /** A step of the bar and the model elements (activity ids) that belong to it. */
    private record StepDefinition(String label, Set<String> activities, boolean optional) {

        StepDefinition(String label, String... activities) {
            this(label, Set.of(activities), false);
        }
    }

    // The bars follow the models' element ids (the activity ids are technical names chosen on purpose).
    private static final List<StepDefinition> DIBAO_STEPS = List.of(
            new StepDefinition("提交", "StartEvent_ApplicationSubmitted", "Task_RegisterApplication"),
            new StepDefinition("受理", "Task_CheckMaterials", "Task_CorrectMaterials", "Task_Acceptance"),
            new StepDefinition("核对", "Task_EconomicVerification"),
            new StepDefinition("入户调查", "Task_HomeInvestigation"),
            new StepDefinition("评议", "Task_DemocraticEvaluation", "Task_AssessEligibility"),
            new StepDefinition("公示", "Task_PublishNotice", "SubProcess_PublicNotice", "Event_NoticePeriodEnded",
                    "Task_CheckObjection", "Task_WithdrawNotice", "Task_EndNotice"),
            new StepDefinition("审批", "Task_TownshipApproval"),
            new StepDefinition("备案", "Task_CountyFiling", "Task_EnrolHousehold", "Task_NotifyApproval"));
    private static final List<StepDefinition> EMERGENCY_STEPS = List.of(
            new StepDefinition("提交", "Task_RegisterApplication", "Task_RegisterEmergencyCase", "Task_CheckMaterials"),
            new StepDefinition("村级审核", "Task_VillageReview"),
            new StepDefinition("乡镇审批", "Task_TownshipApproval", "Task_GrantAssistance"),
            new StepDefinition("县级备案", "Task_CountyFiling"),
            new StepDefinition("补办手续", "Task_EconomicVerification", "Task_CheckPledge", "Task_AssessCatchUpEligibility",
                    "CallActivity_RegularProcedure", "Task_RecordLiability", "Task_RecoverFunds"));
    private static final List<StepDefinition> TEMPORARY_STEPS = List.of(
            new StepDefinition("提交", "Task_RegisterTemporaryAssistance", "Task_SuggestAmount"),
            new StepDefinition("先行救助", Set.of("Task_AidFirst"), true),
            new StepDefinition("乡镇审核", "Task_TownshipReview", "Task_DetermineRoute"),
            new StepDefinition("审批", "Task_TownshipApproval", "Task_CountyApproval", "Task_CaseByCaseDeliberation"),
            new StepDefinition("发放", "Task_RecordPayment", "Task_NotifyDecision"));
    private static final Map<String, List<StepDefinition>> STEPS_BY_PROCESS = Map.of(
            "dibaoApplication", DIBAO_STEPS, "emergencySameDay", EMERGENCY_STEPS,
            "temporaryAssistance", TEMPORARY_STEPS);
    private static final String CORRECTION_TASK = "Task_CorrectMaterials";
    private static final Set<String> REFUSAL_ENDS = Set.of("EndEvent_Rejected", "EndEvent_Refused",
            "EndEvent_AssistanceStopped", "EndEvent_FundsRecovered");

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final NoticeBoard board;
    private final ProcessStages stages;
    private final Clock clock;

    public CaseProgress(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
                        NoticeBoard board, ProcessStages stages, Clock clock) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.board = board;
        this.stages = stages;
        this.clock = clock;
    }

    /** The step bar of a dibao (or same-day emergency) application. */
    public Steps stepsOf(DibaoApplication application) {
        return steps(application.processInstanceId(), application.submittedAt(), application);
    }

    /** The step bar of a case of another kind (临时救助), by its process instance. */
    public Steps stepsOfProcessInstance(String processInstanceId, Instant submittedAt) {
        return steps(processInstanceId, submittedAt, null);
    }

    private Steps steps(String processInstanceId, Instant submittedAt, DibaoApplication application) {
        HistoricProcessInstance instance = processInstanceId == null ? null : historyService
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        List<StepDefinition> definitions = instance == null ? DIBAO_STEPS
                : STEPS_BY_PROCESS.getOrDefault(instance.getProcessDefinitionKey(), DIBAO_STEPS);
        List<HistoricActivityInstance> history = instance == null ? List.of() : historyService
                .createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list();
        Set<String> waiting = new HashSet<>();
        if (instance != null && instance.getEndTime() == null) {
            history.stream().filter(a -> a.getEndTime() == null).forEach(a -> waiting.add(a.getActivityId()));
            ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
            if (tree != null) {
                collectWaitingIds(tree, waiting);
            }
        }
        boolean refused = instance != null && instance.getEndTime() != null
                && REFUSAL_ENDS.contains(instance.getEndActivityId());

        List<Step> steps = new ArrayList<>();
        int lastReached = -1;
        for (StepDefinition definition : definitions) {
            boolean reached = steps.isEmpty() || history.stream().anyMatch(a -> definition.activities().contains(a.getActivityId()))
                    || definition.activities().stream().anyMatch(waiting::contains);
            if (definition.optional() && !reached) {
                continue;
            }
            if (reached) {
                lastReached = steps.size();
            }
            boolean current = definition.activities().stream().anyMatch(waiting::contains);
            LocalDate finished = steps.isEmpty() ? dayOf(submittedAt) : history.stream()
                    .filter(a -> definition.activities().contains(a.getActivityId()) && a.getEndTime() != null)
                    .map(a -> a.getEndTime().toInstant()).max(Instant::compareTo).map(this::dayOf).orElse(null);
            StepState state = current ? StepState.CURRENT : reached ? StepState.DONE : StepState.PENDING;
            LocalDate deadline = current ? deadlineOf(processInstanceId, definition, application) : null;
            steps.add(new Step(definition.label(), state, current ? null : finished, deadline));
        }
        // Steps passed over (e.g. 民主评议 when the county holds it only on objection) are not "pending".
        for (int i = 0; i < lastReached; i++) {
            if (steps.get(i).state() == StepState.PENDING) {
                steps.set(i, new Step(steps.get(i).label(), StepState.SKIPPED, null, null));
            }
        }
        if (refused && lastReached >= 0) {
            Step last = steps.get(lastReached);
            steps.set(lastReached, new Step(last.label(), StepState.STOPPED, last.finishedOn(), null));
        }
        String correction = waiting.contains(CORRECTION_TASK) ? correctionOf(processInstanceId) : null;
        return new Steps(steps, correction);
    }

    private LocalDate deadlineOf(String processInstanceId, StepDefinition step, DibaoApplication application) {
        if (application != null && step.activities().contains(NOTICE_TIMER)) {
            Optional<LocalDate> noticeEnds = board.activeForApplication(application.id())
                    .map(notice -> dayOf(notice.endsAt()));
            if (noticeEnds.isPresent()) {
                return noticeEnds.get();
            }
        }
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(step.activities().toArray(String[]::new)).list().stream()
                .map(Task::getDueDate).filter(Objects::nonNull).map(Date::toInstant).min(Instant::compareTo)
                .map(this::dayOf).orElse(null);
    }

    private String correctionOf(String processInstanceId) {
        Object value = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(DibaoVariables.MISSING_ITEMS).list().stream()
                .max(java.util.Comparator.comparing(HistoricVariableInstance::getCreateTime))
                .map(HistoricVariableInstance::getValue).orElse(null);
        return value == null || value.toString().isBlank() ? "请按乡镇（街道）的通知补正申请材料" : value.toString();
    }

    private static void collectWaitingIds(ActivityInstance instance, Set<String> ids) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ids.add(child.getActivityId());
            collectWaitingIds(child, ids);
        }
    }

    private LocalDate dayOf(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, clock.getZone());
    }

    /** Where a dibao (or same-day emergency) application stands; the notice period is named with its end. */
    public ProcessStages.Progress of(DibaoApplication application) {
        if (application.processInstanceId() == null) {
            return new ProcessStages.Progress(List.of("登记申请"), null);
        }
        return stages.of(application.processInstanceId(),
                activityId -> NOTICE_TIMER.equals(activityId) ? noticeStage(application) : null);
    }

    private String noticeStage(DibaoApplication application) {
        return board.activeForApplication(application.id())
                .map(notice -> "公示中（至 " + DAY.format(dayOf(notice.endsAt())) + "）")
                .orElse("公示中");
    }
}
