package org.jiuzhu.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiuzhu.engine.CaseProcessListener;
import org.jiuzhu.engine.EngineCommands;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One open case per person and programme (table {@code open_case_person}): a double click, a retry
 * after a lost answer or the same household submitted on two nodes meets the first case's rows in the
 * database's primary key, not a check that both could pass at once. The rows are written in the
 * transaction that stores the case and starts its process, and removed when that process instance ends,
 * however it ends (decision, refusal, cancellation in Cockpit), for every case process, also those an
 * administrator deploys from the Modeler.
 */
@Component
public class OpenCases implements CaseProcessListener {

    /** The programmes of which a person may have one open case each. */
    public enum Programme {
        /** 最低生活保障, also when it starts on the emergency same-day path. */
        DIBAO,
        TEMPORARY
    }

    /** A person of the new case has an open case already. */
    public static class AlreadyOpenException extends RuntimeException {
        private final String caseNo;

        AlreadyOpenException(String caseNo) {
            super("Open case " + caseNo);
            this.caseNo = caseNo;
        }

        /** The number of the open case, which the applicant is told. */
        public String caseNo() {
            return caseNo;
        }
    }

    private record Holder(String caseNo, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final ProcessEngine processEngine;
    private final Clock clock;

    public OpenCases(JdbcClient jdbc, PlatformTransactionManager transactionManager, ProcessEngine processEngine,
                     Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.processEngine = processEngine;
        this.clock = clock;
    }

    /**
     * Records the case (its number and process instance) as the open case of every person, inside the
     * caller's transaction.
     *
     * @throws AlreadyOpenException when one of them has an open case of the programme (nothing recorded)
     */
    public void open(Programme programme, String caseNo, String processInstanceId, Collection<String> idNumbers) {
        List<String> ids = idNumbers.stream().map(id -> id.strip().toUpperCase()).distinct().toList();
        try {
            insert(programme, caseNo, processInstanceId, ids);
        } catch (DuplicateKeyException taken) {
            Optional<Holder> holder = holderOf(programme, ids);
            if (holder.isPresent() && isRunning(holder.get().processInstanceId())) {
                throw new AlreadyOpenException(holder.get().caseNo());
            }
            // The instance that held the rows no longer runs (cancelled without its listeners): clear, retry.
            holder.ifPresent(h -> close(h.processInstanceId()));
            try {
                insert(programme, caseNo, processInstanceId, ids);
            } catch (DuplicateKeyException takenMeanwhile) {
                throw new AlreadyOpenException(holderOf(programme, ids).map(Holder::caseNo).orElse("?"));
            }
        }
    }

    /** The people of an open case changed (corrected materials): the case holds the new ones instead. */
    public void replacePeople(Programme programme, String caseNo, String processInstanceId, Collection<String> idNumbers) {
        savepoint.executeWithoutResult(status -> {
            close(processInstanceId);
            open(programme, caseNo, processInstanceId, idNumbers);
        });
    }

    @Override
    public void ended(DelegateExecution processInstance) {
        close(processInstance.getProcessInstanceId());
    }

    /** The case of this process instance is no longer open: its people may apply again. */
    public void close(String processInstanceId) {
        jdbc.sql("delete from open_case_person where process_instance_id = ?").param(processInstanceId).update();
    }

    /** The number of the open case of the programme that one of these people has, if any. */
    public Optional<String> openCaseOf(Programme programme, Collection<String> idNumbers) {
        return holderOf(programme, idNumbers).map(Holder::caseNo);
    }

    private Optional<Holder> holderOf(Programme programme, Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select case_no, process_instance_id from open_case_person
                where programme = :programme and id_number in (:ids)""")
                .param("programme", programme.name()).param("ids", idNumbers)
                .query((rs, row) -> new Holder(rs.getString(1), rs.getString(2))).list().stream().findFirst();
    }

    private void insert(Programme programme, String caseNo, String processInstanceId, List<String> ids) {
        // In a savepoint: on PostgreSQL a failed insert would otherwise abort the caller's whole transaction.
        savepoint.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            for (String id : ids) {
                jdbc.sql("""
                        insert into open_case_person (programme, id_number, case_no, process_instance_id, opened_at)
                        values (?, ?, ?, ?, ?)""")
                        .params(programme.name(), id, caseNo, processInstanceId, now).update();
            }
        });
    }

    /** Whether the process instance runs, whoever may see it. */
    private boolean isRunning(String processInstanceId) {
        return EngineCommands.withoutAuthorization(processEngine, () -> processEngine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    }
}
