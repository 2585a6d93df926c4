package org.jiuzhu.dibao.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.DibaoApplication;
import org.springframework.stereotype.Component;

/**
 * Walks a dibao case through its stages with the engine API, as the officials would in Tasklist,
 * so each scenario test spells out only the stage it is about. Jobs are executed by hand (the job
 * executor is off in tests) and timers fire by moving the engine clock.
 */
@Component
public class DibaoProcessDriver {

    private final ApplicationService applicationService;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;

    public DibaoProcessDriver(ApplicationService applicationService, ApplicationRepository applications,
                              RuntimeService runtimeService) {
        this.applicationService = applicationService;
        this.applications = applications;
        this.runtimeService = runtimeService;
    }

    public ProcessInstance submit(ApplicationForm form) {
        String applicationNo = applicationService.submitPublic(form);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult();
    }

    public DibaoApplication applicationOf(ProcessInstance pi) {
        return applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
    }

    /** Runs the materials check; the case then waits at acceptance (or correction, or has ended). */
    public void checkMaterials(ProcessInstance pi) {
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_CheckMaterials").singleResult());
    }

    /** From submission to the home investigation: checked, accepted, verified. */
    public void toHomeInvestigation(ProcessInstance pi) {
        checkMaterials(pi);
        complete(task(pi), withVariables("acceptanceDecision", "accept"));
        execute(job(pi));
    }

    public void investigate(ProcessInstance pi, int verifiedIncome) {
        complete(task(pi), homeInvestigation(verifiedIncome));
    }

    public void evaluate(ProcessInstance pi, String result) {
        Map<String, Object> variables = withVariables("evaluationDate", CaseDates.today(), "participantCount", 9,
                "agreeCount", "agree".equals(result) ? 8 : 2, "disagreeCount", "agree".equals(result) ? 1 : 7,
                "evaluationResult", result);
        if ("disagree".equals(result)) {
            variables.put("rejectionReason", "评议认为家庭实际收入高于申报");
        }
        complete(task(pi), variables);
    }

    /** From submission to the notice period (eligible household) or township approval (not eligible). */
    public void toAssessment(ProcessInstance pi, int verifiedIncome) {
        toHomeInvestigation(pi);
        investigate(pi, verifiedIncome);
        evaluate(pi, "agree");
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_AssessEligibility").singleResult());
    }

    public void toNoticePeriod(ProcessInstance pi, int verifiedIncome) {
        toAssessment(pi, verifiedIncome);
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_PublishNotice").singleResult());
    }

    /** Moves the clock past the notice period and takes the notice down. */
    public void endNoticePeriod(ProcessInstance pi) {
        moveClock(Duration.ofDays(8));
        execute(jobQuery().processInstanceId(pi.getId()).timers().singleResult());
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_EndNotice").singleResult());
    }

    public void toTownshipApproval(ProcessInstance pi) {
        toNoticePeriod(pi, 900);
        endNoticePeriod(pi);
    }

    public void finishEnrolment(ProcessInstance pi) {
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_EnrolHousehold").singleResult());
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_NotifyApproval").singleResult());
    }

    public void issueRejection(ProcessInstance pi) {
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_IssueRejectionNotice").singleResult());
    }

    public static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    }

    public static org.camunda.bpm.engine.task.Task task(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).singleResult();
    }

    public static org.camunda.bpm.engine.runtime.Job job(ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).singleResult();
    }

    public static Map<String, Object> homeInvestigation(int verifiedIncome) {
        return withVariables("investigators", "王芳、李强", "investigationDate", CaseDates.today(),
                "findings", "住房狭小，家中一人在读，妻子打零工", "verifiedMonthlyIncome", verifiedIncome,
                "investigatorsSigned", true);
    }
}
