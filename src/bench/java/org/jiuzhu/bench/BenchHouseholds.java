package org.jiuzhu.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jiuzhu.casework.IdNumbers;

/**
 * Benchmark households: a poor urban family of three (the README's example family), with valid and
 * distinct ID numbers per household, their verification records as the platform's CSV export, and the
 * application as the public form posts it. Every household is eligible: 900 yuan wage for three people.
 */
final class BenchHouseholds {

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] SURNAMES = {"周", "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "吴"};
    private static final String[] GIVEN = {"建华", "秀英", "志强", "桂兰", "国庆", "玉梅", "春生", "海燕"};
    private static final int SPREAD = 7000;
    private static final int CHILD_DAYS = 3000;

    private BenchHouseholds() {
    }

    /** Applicant, spouse and child of household {@code i}: distinct birth dates, sequences in distinct ranges. */
    static String[] idNumbers(int i) {
        if (i >= 300 * CHILD_DAYS) {
            throw new IllegalArgumentException("At most " + 300 * CHILD_DAYS + " households");
        }
        return new String[] {
            id(LocalDate.of(1960, 1, 1).plusDays(i % SPREAD), 100 + i / SPREAD),
            id(LocalDate.of(1962, 1, 1).plusDays(i % SPREAD), 400 + i / SPREAD),
            id(LocalDate.of(2008, 1, 1).plusDays(i % CHILD_DAYS), 700 + i / CHILD_DAYS)
        };
    }

    private static String id(LocalDate birth, int sequence) {
        String first17 = Organisation.COUNTY.substring(0, 6) + BIRTH.format(birth) + "%03d".formatted(sequence);
        return first17 + IdNumbers.checkCharOf(first17);
    }

    static String name(int i, int member) {
        return SURNAMES[(i + member) % SURNAMES.length] + GIVEN[(i / SURNAMES.length + member) % GIVEN.length];
    }

    /** The platform's export: the spouse's wage and the family's deposit. */
    static byte[] verificationCsv(int households) {
        StringBuilder csv = new StringBuilder("id_number,kind,description,amount\n");
        for (int i = 0; i < households; i++) {
            String[] ids = idNumbers(i);
            csv.append(ids[1]).append(",INCOME,清源县社保中心：灵活就业收入（月均）,900\n");
            csv.append(ids[0]).append(",DEPOSIT,清源农商银行活期存款,2000\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The fields of /apply for household {@code i} in {@code villageCode}, as a browser posts them. */
    static Map<String, String> applicationForm(int i, String villageCode) {
        String[] ids = idNumbers(i);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("unitCode", villageCode);
        f.put("householdType", "URBAN");
        f.put("applicantName", name(i, 0));
        f.put("applicantIdNumber", ids[0]);
        f.put("applicantPhone", "138%08d".formatted(i));
        f.put("address", "清源县第" + (i % 10 + 1) + "街 " + (i + 1) + " 号");
        String[][] members = {{name(i, 0), ids[0], "SELF", "PARTIAL"}, {name(i, 1), ids[1], "SPOUSE", "FULL"},
            {name(i, 2), ids[2], "CHILD", "NONE"}};
        for (int m = 0; m < members.length; m++) {
            String row = "members[" + m + "].";
            f.put(row + "name", members[m][0]);
            f.put(row + "idNumber", members[m][1]);
            f.put(row + "relation", members[m][2]);
            f.put(row + "labourAbility", members[m][3]);
            f.put(row + "disabilityGrade", "0");
            f.put(row + "disabilityKind", "");
            f.put("_" + row + "seriousIllness", "on");
        }
        f.put("incomes[0].kind", "WAGE");
        f.put("incomes[0].memberIdNumber", ids[1]);
        f.put("incomes[0].monthlyAmount", "900");
        f.put("incomes[0].note", "");
        f.put("depositAmount", "2000");
        f.put("vehicleCount", "0");
        f.put("housingCount", "1");
        f.put("_relativeOfOfficial", "on");
        f.put("relativeDeclaration", "");
        f.put("_singlePerson", "on");
        f.put("singlePersonIdNumber", "");
        f.put("pledge", "true");
        f.put("_pledge", "on");
        return f;
    }
}
