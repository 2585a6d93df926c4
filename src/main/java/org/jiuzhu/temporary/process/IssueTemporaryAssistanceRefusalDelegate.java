package org.jiuzhu.temporary.process;

import org.jiuzhu.casework.Refusals;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.stereotype.Component;

/**
 * 书面告知不予救助: wherever the case was refused, the written notice names the stage and the reason;
 * it is stored on the case (status 不予救助) and sent to the applicant, each once.
 */
@Component("issueTemporaryAssistanceRefusal")
public class IssueTemporaryAssistanceRefusalDelegate implements JavaDelegate {

    static final String MESSAGE_KIND = "TEMPORARY_REJECTED";

    private final TemporaryAssistanceCases cases;
    private final CaseRecords records;

    public IssueTemporaryAssistanceRefusalDelegate(TemporaryAssistanceCases cases, CaseRecords records) {
        this.cases = cases;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TemporaryAssistanceCase c = cases.get((Long) execution.getVariable(CASE_ID));
        String stage = (String) execution.getVariable(Refusals.STAGE);
        String reason = ((String) execution.getVariable(Refusals.REASON)).strip().replaceAll("[。.]+$", "");
        String content = "您的临时救助申请（编号 %s）在“%s”环节未获通过。理由：%s。如有异议，可自收到本告知之日起依法申请行政复议或提起行政诉讼。"
                .formatted(c.caseNo(), stage, reason);
        cases.decide(c.id(), TemporaryAssistanceCase.Status.REJECTED, null, content);
        records.queueCaseMessage(c.caseNo(), MESSAGE_KIND, c.applicantPhone(), content);
    }
}
