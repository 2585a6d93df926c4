package org.jiuzhu.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;

/**
 * Drives dibao cases through the process with the engine API, the way the officials' task forms
 * and the job executor would (tests run without a job executor).
 */
public final class DibaoCases {

    private final ProcessEngine engine;
    private final ApplicationService applications;

    public DibaoCases(ProcessEngine engine, ApplicationService applications) {
        this.engine = engine;
        this.applications = applications;
        init(engine);
    }

    /** A public application, stored and started; the materials check waits for its job. */
    public ProcessInstance submit(ApplicationForm form) {
        String applicationNo = applications.submitPublic(form);
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult();
    }

    /** Runs the materials check of a complete application: the case waits for acceptance. */
    public void toAcceptance(ProcessInstance pi) {
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_Acceptance");
    }

    /** Accepted, verified, investigated, evaluated, assessed and published: the notice period runs. */
    public void toNoticePeriod(ProcessInstance pi) {
        toAcceptance(pi);
        complete(task(pi), withVariables("acceptanceDecision", "accept"));
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_HomeInvestigation");
        complete(task(pi), withVariables("investigators", "王芳、李强", "investigationDate", CaseDates.today(),
                "findings", "住房狭小，家中一人在读", "verifiedMonthlyIncome", 900, "investigatorsSigned", true));
        complete(task(pi), withVariables("evaluationDate", CaseDates.today(), "participantCount", 9, "agreeCount", 9,
                "disagreeCount", 0, "evaluationResult", "agree"));
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isWaitingAt("Event_NoticePeriodEnded");
    }
}
