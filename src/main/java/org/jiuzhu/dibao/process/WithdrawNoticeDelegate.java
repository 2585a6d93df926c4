package org.jiuzhu.dibao.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.notice.NoticeBoard;
import org.springframework.stereotype.Component;

/** 撤下公示: a founded objection stops the notice; a new one follows a new investigation. */
@Component("withdrawNotice")
public class WithdrawNoticeDelegate implements JavaDelegate {

    private final NoticeBoard board;

    public WithdrawNoticeDelegate(NoticeBoard board) {
        this.board = board;
    }

    @Override
    public void execute(DelegateExecution execution) {
        board.takeDown((Long) execution.getVariable(DibaoVariables.APPLICATION_ID), NoticeBoard.Status.WITHDRAWN);
    }
}
