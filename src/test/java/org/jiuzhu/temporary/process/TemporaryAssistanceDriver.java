package org.jiuzhu.temporary.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;

/**
 * Walks 临时救助 cases through the process with the engine API, as officials would in Tasklist, so each
 * scenario spells out only the stage it is about. Jobs are executed by hand (no job executor in tests).
 */
public final class TemporaryAssistanceDriver {


    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TemporaryAssistanceCases cases;

    public TemporaryAssistanceDriver(RuntimeService runtimeService, IdentityService identityService,
                              TemporaryAssistanceCases cases) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.cases = cases;
    }

    /** A valid ID number nobody else in the tests uses: a household of its own. */
    public static String newHousehold() {
        return Households.unusedIdNumber("19800101");
    }

    /**
     * What Tasklist submits for the start form: a fire in 东门社区, a resident family of three, no
     * 先行救助 requested.
     */
    public static VariableMap startForm(String idNumber) {
        return Variables.createVariables()
                .putValue("assistanceType", "SUDDEN")
                .putValue("reason", "FIRE")
                .putValue("applicantName", "张大山")
                .putValue("applicantIdNumber", idNumber)
                .putValue("applicantPhone", "13900002222")
                .putValue("householdSize", 3)
                .putValue("resident", true)
                .putValue("unitCode", DemoOrganisation.VILLAGE_DONGMEN)
                .putValue("hardshipDescription", "11 月 28 日夜间住房失火，家具衣物全部烧毁，一家三口暂住亲戚家")
                .putValue("urgent", false);
    }

    /** Started from Tasklist by the township officer of 城关街道; the amount suggestion waits for its job. */
    ProcessInstance start(VariableMap form) {
        return startAs(DemoOrganisation.CHENGGUAN_OFFICER, form);
    }

    ProcessInstance startAs(String userId, VariableMap form) {
        loginAs(userId);
        try {
            return runtimeService.startProcessInstanceByKey(TemporaryAssistanceVariables.PROCESS_KEY, form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A case of a new household, suggested and waiting at 乡镇审核 (or 先行救助 when urgent). */
    public ProcessInstance startAndSuggest(VariableMap form) {
        ProcessInstance pi = start(form);
        runJob(pi, "Task_SuggestAmount");
        return pi;
    }

    /** 乡镇审核 proposes the case's total; the route is decided. */
    public void reviewAndRoute(ProcessInstance pi, double proposedAmount) {
        complete(task(pi), withVariables("reviewFindings", "经入户核实，住房及生活用品损毁严重，无其他救助",
                "reviewDecision", "propose", "proposedAmount", proposedAmount));
        runJob(pi, "Task_DetermineRoute");
    }

    void aidFirst(ProcessInstance pi, double amount) {
        complete(task(pi), withVariables("aidFirstDecision", "grant", "aidFirstAmount", amount,
                "aidFirstReason", "火灾当晚无处安身，现场发放现金用于临时食宿"));
    }

    void approve(ProcessInstance pi) {
        complete(task(pi), withVariables("approvalDecision", "approve"));
    }

    void deliberate(ProcessInstance pi, double approvedAmount) {
        complete(task(pi), withVariables("meetingDate", CaseDates.today(), "participants", "吴强、马静、县财政局李某",
                "meetingDecision", "该户年内因病、因灾两次陷入困境，同意按乡镇意见给予救助", "approvalDecision", "approve",
                "approvedAmount", approvedAmount));
    }

    /** Records the payment and notifies the applicant. */
    void pay(ProcessInstance pi) {
        runJob(pi, "Task_RecordPayment");
        runJob(pi, "Task_NotifyDecision");
    }

    void issueRefusal(ProcessInstance pi) {
        runJob(pi, "Task_IssueRefusalNotice");
    }

    public TemporaryAssistanceCase caseOf(ProcessInstance pi) {
        return cases.findByCaseNo(pi.getBusinessKey()).orElseThrow();
    }

    static Task task(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).singleResult();
    }

    static void runJob(ProcessInstance pi, String activityId) {
        Job job = jobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        execute(job);
    }

    void loginAs(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }
}
