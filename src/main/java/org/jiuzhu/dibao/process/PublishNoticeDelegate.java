package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoSettings;
import org.jiuzhu.casework.NoticeBoard;
import org.springframework.stereotype.Component;

/** 发布公示: posts the township's proposal on the public board (once, even when retried). */
@Component("publishNotice")
public class PublishNoticeDelegate implements JavaDelegate {

    static final String ASSISTANCE_TYPE = "最低生活保障";

    private final ApplicationRepository applications;
    private final NoticeBoard board;
    private final DibaoSettings settings;

    public PublishNoticeDelegate(ApplicationRepository applications, NoticeBoard board, DibaoSettings settings) {
        this.applications = applications;
        this.board = board;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DibaoApplication application = applications.get((Long) execution.getVariable(DibaoVariables.APPLICATION_ID));
        Number amount = (Number) execution.getVariable(DibaoVariables.SUGGESTED_AMOUNT);
        board.publish(application.id(), application.villageCode(), application.applicantName(),
                application.householdSize(), ASSISTANCE_TYPE, new BigDecimal(amount.toString()),
                settings.getNoticePeriod());
    }
}
