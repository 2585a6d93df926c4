package org.jiuzhu.casework;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers {@code <prefix>-<county>-<yyyyMMdd>-<seq>}, counted per prefix, county and day: dibao
 * applications {@code DB-…}, other kinds of case with their own prefix (临时救助 {@code LS-…}). The
 * counter row is locked by the increment until the case is stored, so numbers are never handed out twice.
 */
@Component
public class ApplicationNumbers {

    public static final String DIBAO = "DB";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public ApplicationNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next dibao application number. */
    public String next(String countyCode, LocalDate day) {
        return next(DIBAO, countyCode, day);
    }

    public String next(String prefix, String countyCode, LocalDate day) {
        String dayKey = day.format(DAY);
        if (increment(prefix, countyCode, dayKey) == 0) {
            createCounter(prefix, countyCode, dayKey);
            increment(prefix, countyCode, dayKey);
        }
        int value = jdbc.sql("select last_value from case_number_sequence where prefix = ? and county_code = ? and seq_day = ?")
                .params(prefix, countyCode, dayKey).query(Integer.class).single();
        return "%s-%s-%s-%04d".formatted(prefix, countyCode.substring(0, 6), dayKey, value);
    }

    private int increment(String prefix, String countyCode, String dayKey) {
        return jdbc.sql("""
                update case_number_sequence set last_value = last_value + 1
                where prefix = ? and county_code = ? and seq_day = ?""")
                .params(prefix, countyCode, dayKey).update();
    }

    private void createCounter(String prefix, String countyCode, String dayKey) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc.sql("""
                    insert into case_number_sequence (prefix, county_code, seq_day, last_value) values (?, ?, ?, 0)""")
                    .params(prefix, countyCode, dayKey).update());
        } catch (DuplicateKeyException concurrentlyCreated) {
            // Another case of the same prefix, county and day created it first: fine.
        }
    }
}
