package org.jiuzhu.dashboard;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds to a row of a monthly sum in the caller's transaction, inserting the row when it is the month's
 * first. Two transactions may insert the same row at once: the one that loses is undone to a savepoint
 * and adds to the winner's row instead, so the work that is being recorded (a completed task, a stored
 * application) never fails for it.
 */
@Component
class MonthlySums {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    MonthlySums(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param update an update of the row by its key; it must change one row when the row exists
     * @param insert the insert of the row with the first amounts
     */
    void add(String update, Object[] updateParams, String insert, Object[] insertParams) {
        if (jdbc.sql(update).params(updateParams).update() > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql(insert).params(insertParams).update());
        } catch (DuplicateKeyException insertedMeanwhile) {
            jdbc.sql(update).params(updateParams).update();
        }
    }
}
