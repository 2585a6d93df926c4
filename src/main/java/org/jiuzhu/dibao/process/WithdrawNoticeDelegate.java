package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ObjectionRepository;
import org.springframework.stereotype.Component;

/**
 * 撤下公示: a founded objection stops the notice, and with it the checks of other objections still open;
 * those are recorded as taken over by the new investigation (or the refusal), so none is left unanswered.
 */
@Component("withdrawNotice")
public class WithdrawNoticeDelegate implements JavaDelegate {

    private final NoticeBoard board;
    private final ObjectionRepository objections;

    public WithdrawNoticeDelegate(NoticeBoard board, ObjectionRepository objections) {
        this.board = board;
        this.objections = objections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        board.takeDown(applicationId, NoticeBoard.Status.WITHDRAWN);
        objections.supersedeOpen(applicationId, "另一异议经核查成立，公示已撤下；本异议在重新调查（或不予批准）时一并处理");
    }
}
