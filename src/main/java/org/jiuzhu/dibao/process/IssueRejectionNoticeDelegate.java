package org.jiuzhu.dibao.process;

import org.jiuzhu.casework.Refusals;

import org.jiuzhu.dibao.DibaoVariables;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.casework.RefusalStages;
import org.jiuzhu.casework.NoticeBoard;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * 书面告知不予批准: wherever the case was refused, the applicant gets a written notice stating the
 * stage and the reason (and a message); any notice still on the board comes down. Each once.
 */
@Component("issueRejectionNotice")
public class IssueRejectionNoticeDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final CaseRecords records;
    private final NoticeBoard board;
    private final MessageSource messages;

    public IssueRejectionNoticeDelegate(ApplicationRepository applications, CaseRecords records, NoticeBoard board,
                                        MessageSource messages) {
        this.messages = messages;
        this.applications = applications;
        this.records = records;
        this.board = board;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        DibaoApplication application = applications.get(applicationId);
        String stage = (String) execution.getVariable(Refusals.STAGE);
        String reason = (String) execution.getVariable(Refusals.REASON);
        // Refused before acceptance the application is "not accepted", later "not approved" (wording in messages).
        String content = messages.getMessage(RefusalStages.isAcceptanceStage(stage)
                        ? "notice.content.dibao.notAccepted" : "notice.content.dibao.refused",
                new Object[] {application.applicationNo(), stage, reason.strip().replaceAll("[。.]+$", "")},
                Locale.SIMPLIFIED_CHINESE);
        records.issueWrittenNotice(applicationId, "REJECTED", stage, content);
        records.queueMessage(applicationId, "DIBAO_REJECTED", application.applicantPhone(), content);
        board.takeDown(applicationId, NoticeBoard.Status.WITHDRAWN);
        applications.setStatus(applicationId, ApplicationStatus.REJECTED);
    }
}
