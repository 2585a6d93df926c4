package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.RecipientRegistry;
import org.springframework.stereotype.Component;

/** 告知审批结果: the written decision and a message to the applicant (each once). */
@Component("notifyApproval")
public class NotifyApprovalDelegate implements JavaDelegate {

    static final String STAGE = "县级备案/确认";

    private final ApplicationRepository applications;
    private final RecipientRegistry registry;
    private final CaseRecords records;

    public NotifyApprovalDelegate(ApplicationRepository applications, RecipientRegistry registry, CaseRecords records) {
        this.applications = applications;
        this.registry = registry;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        DibaoApplication application = applications.get(applicationId);
        RecipientRegistry.Recipient recipient = registry.findByApplication(applicationId).orElseThrow(
                () -> new IllegalStateException("Application " + applicationId + " approved but not enrolled"));
        YearMonth start = YearMonth.parse(recipient.startMonth());
        String content = "您的最低生活保障申请（编号 %s）已批准，核定月保障金 %s 元，自 %d 年 %d 月起发放。"
                .formatted(application.applicationNo(), recipient.monthlyAmount().toPlainString(), start.getYear(),
                        start.getMonthValue());
        records.issueWrittenNotice(applicationId, "APPROVED", STAGE, content);
        records.queueMessage(applicationId, "DIBAO_APPROVED", application.applicantPhone(), content);
    }
}
