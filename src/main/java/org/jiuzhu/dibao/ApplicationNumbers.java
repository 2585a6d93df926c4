package org.jiuzhu.dibao;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Application numbers {@code DB-<county>-<yyyyMMdd>-<seq>}, counted per county and day. The counter
 * row is locked by the increment until the application is stored, so numbers are never handed out twice.
 */
@Component
public class ApplicationNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public ApplicationNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(String countyCode, LocalDate day) {
        String dayKey = day.format(DAY);
        if (increment(countyCode, dayKey) == 0) {
            createCounter(countyCode, dayKey);
            increment(countyCode, dayKey);
        }
        int value = jdbc.sql("select last_value from application_sequence where county_code = ? and seq_day = ?")
                .params(countyCode, dayKey).query(Integer.class).single();
        return "DB-%s-%s-%04d".formatted(countyCode.substring(0, 6), dayKey, value);
    }

    private int increment(String countyCode, String dayKey) {
        return jdbc.sql("update application_sequence set last_value = last_value + 1 where county_code = ? and seq_day = ?")
                .params(countyCode, dayKey).update();
    }

    private void createCounter(String countyCode, String dayKey) {
        try {
            separateTransaction.executeWithoutResult(status ->
                    jdbc.sql("insert into application_sequence (county_code, seq_day, last_value) values (?, ?, 0)")
                            .params(countyCode, dayKey).update());
        } catch (DuplicateKeyException concurrentlyCreated) {
            // Another application of the same county and day created it first: fine.
        }
    }
}
