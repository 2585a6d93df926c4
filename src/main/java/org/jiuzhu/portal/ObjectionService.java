package org.jiuzhu.portal;

import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ObjectionRepository;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections lodged on the public board: stored, then delivered to the case as a message, which
 * opens the township's 核查异议 task. Both happen or neither does.
 */
@Service
public class ObjectionService {

    /** A user error; the message is Chinese and shown as it is. */
    public static class ObjectionRefusedException extends RuntimeException {
        public ObjectionRefusedException(String message) {
            super(message);
        }
    }

    private final NoticeBoard board;
    private final ObjectionRepository objections;
    private final RuntimeService runtimeService;
    private final ApplicationRepository applications;

    public ObjectionService(NoticeBoard board, ObjectionRepository objections, RuntimeService runtimeService,
                            ApplicationRepository applications) {
        this.board = board;
        this.objections = objections;
        this.runtimeService = runtimeService;
        this.applications = applications;
    }

    @Transactional
    public long lodge(long noticeId, String content, String contact) {
        NoticeBoard.Notice notice = board.find(noticeId)
                .filter(n -> n.status() == NoticeBoard.Status.ACTIVE)
                .orElseThrow(() -> new ObjectionRefusedException("该公示已结束或不存在，无法提出异议"));
        long objectionId = objections.insert(noticeId, notice.applicationId(), content.strip(),
                contact == null || contact.isBlank() ? null : contact.strip());
        try {
            // The case number (business key) finds the case by index; matching on the variable alone
            // made the engine test every running instance's variables (550 ms per objection at 700 cases).
            runtimeService.createMessageCorrelation(DibaoVariables.MESSAGE_OBJECTION)
                    .processInstanceBusinessKey(applications.applicationNoOf(notice.applicationId()))
                    .processInstanceVariableEquals(DibaoVariables.APPLICATION_ID, notice.applicationId())
                    // On the objection's own 异议处理 instance: a second objection cannot overwrite the first.
                    .setVariablesToTriggeredScope(Variables.createVariables()
                            .putValue(DibaoVariables.OBJECTION_TEXT, content.strip())
                            .putValue(DibaoVariables.OBJECTION_ID, objectionId))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ObjectionRefusedException("该公示已结束，无法提出异议");
        }
        return objectionId;
    }
}
