package org.jiuzhu.dibao.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.dibao.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.notice.NoticeBoard;
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

    public IssueRejectionNoticeDelegate(ApplicationRepository applications, CaseRecords records, NoticeBoard board) {
        this.applications = applications;
        this.records = records;
        this.board = board;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        DibaoApplication application = applications.get(applicationId);
        String stage = (String) execution.getVariable(DibaoVariables.REJECTION_STAGE);
        String reason = (String) execution.getVariable(DibaoVariables.REJECTION_REASON);
        String content = "您的最低生活保障申请（编号 %s）在“%s”环节未获通过。理由：%s。如有异议，可自收到本告知之日起依法申请行政复议或提起行政诉讼。"
                .formatted(application.applicationNo(), stage, reason);
        records.issueWrittenNotice(applicationId, "REJECTED", stage, content);
        records.queueMessage(applicationId, "DIBAO_REJECTED", application.applicantPhone(), content);
        board.takeDown(applicationId, NoticeBoard.Status.WITHDRAWN);
        applications.setStatus(applicationId, ApplicationStatus.REJECTED);
    }
}
