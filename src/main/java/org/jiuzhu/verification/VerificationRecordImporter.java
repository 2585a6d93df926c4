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
        try {
            return new VerificationRecord(idNumber, VerificationKind.valueOf(fields[1].strip()), fields[2].strip(),
                    new BigDecimal(fields[3].strip().isEmpty() ? "0" : fields[3].strip()), source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("核对数据文件第 " + number + " 行的类别或金额不正确", e);
        }
    }
}
