package org.jiuzhu.system.forms;

/**
 * A form with rules that compare the submission with its case (a date not before the acceptance, an amount
 * within the case's limits): checked after the form's own constraints, against the facts its feature reads
 * for the task.
 *
 * @param <C> the case facts the rules need
 */
public interface CaseBoundForm<C> {

    /** Refuses ({@link FormBinding#refused}) a submission its case does not allow. */
    void checkAgainst(C caseFacts);
}
