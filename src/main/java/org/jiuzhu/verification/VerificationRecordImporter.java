package org.jiuzhu.verification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads verification records from CSV (UTF-8, header line
 * {@code id_number,kind,description,amount}). A file replaces the records of the same source.
 * A malformed line rejects the whole file with the line number, so nothing is half loaded.
 */
@Service
public class VerificationRecordImporter {

    /** What verification_record holds: description varchar(200), amount numeric(14,2). */
    private static final int MAX_DESCRIPTION = 200;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final VerificationRecordRepository records;

    public VerificationRecordImporter(VerificationRecordRepository records) {
        this.records = records;
    }

    @Transactional
    public int importCsv(InputStream csv, String source) throws IOException {
        List<VerificationRecord> parsed = parse(csv, source);
        records.deleteBySource(source);
        parsed.forEach(records::insert);
        return parsed.size();
    }

    static List<VerificationRecord> parse(InputStream csv, String source) throws IOException {
        List<VerificationRecord> parsed = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equals("id_number,kind,description,amount")) {
                throw new IllegalArgumentException("核对数据文件第 1 行应为表头 id_number,kind,description,amount");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                parsed.add(parseLine(line, number, source));
            }
        }
        return parsed;
    }

    private static VerificationRecord parseLine(String line, int number, String source) {
        if (line.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行含有空字符（NUL）");
        }
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行应有 4 列");
        }
        String idNumber = fields[0].strip().toUpperCase();
        if (!idNumber.matches("\\d{17}[\\dX]")) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行身份证号格式不正确");
        }
        String description = fields[2].strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行的说明超过 " + MAX_DESCRIPTION + " 个字");
        }
        BigDecimal amount;
        VerificationKind kind;
        try {
            kind = VerificationKind.valueOf(fields[1].strip());
            amount = new BigDecimal(fields[3].strip().isEmpty() ? "0" : fields[3].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行的类别或金额不正确", e);
        }
        // The column holds numeric(14,2).
        if (amount.scale() > 2 || amount.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行的金额超出范围（整数部分最多 12 位，最多 2 位小数）");
        }
        return new VerificationRecord(idNumber, kind, description, amount, source);
    }
}
