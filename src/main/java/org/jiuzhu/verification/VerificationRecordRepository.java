package org.jiuzhu.verification;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The default {@link VerificationService}: records held in our own table, loaded from the
 * verification platform's CSV export ({@link VerificationRecordImporter}).
 */
@Repository
public class VerificationRecordRepository implements VerificationService {

    private final JdbcClient jdbc;

    public VerificationRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<VerificationRecord> recordsFor(Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from verification_record where id_number in (:ids) order by id")
                .param("ids", idNumbers)
                .query((rs, row) -> new VerificationRecord(rs.getString("id_number"),
                        VerificationKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getBigDecimal("amount"), rs.getString("source")))
                .list();
    }

    public void insert(VerificationRecord record) {
        jdbc.sql("insert into verification_record (id_number, kind, description, amount, source) values (?, ?, ?, ?, ?)")
                .params(record.idNumber(), record.kind().name(), record.description(), record.amount(), record.source())
                .update();
    }

    public void deleteBySource(String source) {
        jdbc.sql("delete from verification_record where source = ?").param(source).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from verification_record").query(Long.class).single();
    }
}
