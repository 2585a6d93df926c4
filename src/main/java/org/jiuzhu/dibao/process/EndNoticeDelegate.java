package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.casework.NoticeBoard;
import org.springframework.stereotype.Component;

/** 公示结束: the notice period is over, the notice comes off the board. */
@Component("endNotice")
public class EndNoticeDelegate implements JavaDelegate {

    private final NoticeBoard board;

    public EndNoticeDelegate(NoticeBoard board) {
        this.board = board;
    }

    @Override
    public void execute(DelegateExecution execution) {
        board.takeDown((Long) execution.getVariable(DibaoVariables.APPLICATION_ID), NoticeBoard.Status.ENDED);
    }
}
