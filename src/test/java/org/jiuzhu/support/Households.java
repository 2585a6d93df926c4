package org.jiuzhu.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.casework.HouseholdType;
import org.jiuzhu.casework.IdNumbers;
import org.jiuzhu.dibao.IncomeKind;
import org.jiuzhu.dibao.LabourAbility;
import org.jiuzhu.dibao.Relation;

/** Test households with valid ID numbers. */
public final class Households {

    private Households() {
    }

    /** A valid ID number: region 341899, the birth date, a sequence number and the GB 11643 check character. */
    public static String idNumber(String birthDate, int sequence) {
        String first17 = "341899" + birthDate + "%03d".formatted(sequence);
        return first17 + IdNumbers.checkCharOf(first17);
    }

    /**
     * A family of three in 东门社区 (urban): the applicant, a spouse and a child; 900 yuan wage income,
     * so 300 per head, well below the urban standard. Every call gives people of their own: a person can
     * have one open application only, and the tests share one database.
     */
    public static ApplicationForm poorFamily(int sequence) {
        return family(sequence, "1975", "0312", "1978", "0506", "2012", "0901");
    }

    /**
     * The same family with ID numbers of other birth dates, for tests that must not meet the
     * households of other tests in the shared database.
     */
    public static ApplicationForm poorFamilyBornIn(int year, int sequence) {
        return family(sequence, String.valueOf(year), "0415", String.valueOf(year + 3), "0623",
                String.valueOf(year + 37), "0305");
    }

    private static ApplicationForm family(int sequence, String applicantYear, String applicantDay, String spouseYear,
                                          String spouseDay, String childYear, String childDay) {
        List<String> ids = unusedIds(sequence, List.of(applicantYear + applicantDay, spouseYear + spouseDay,
                childYear + childDay));
        ApplicationForm form = new ApplicationForm();
        form.unitCode = DemoOrganisation.VILLAGE_DONGMEN;
        form.householdType = HouseholdType.URBAN;
        form.applicantName = "周建华";
        form.applicantIdNumber = ids.get(0);
        form.applicantPhone = "13800001234";
        form.address = "清源县城关街道东门社区幸福路 12 号";
        form.members = new ArrayList<>(List.of(
                member("周建华", form.applicantIdNumber, Relation.SELF, LabourAbility.PARTIAL),
                member("林秀梅", ids.get(1), Relation.SPOUSE, LabourAbility.FULL),
                member("周小雨", ids.get(2), Relation.CHILD, LabourAbility.NONE)));
        ApplicationForm.IncomeForm wage = new ApplicationForm.IncomeForm();
        wage.kind = IncomeKind.WAGE;
        wage.monthlyAmount = new BigDecimal("900");
        wage.memberIdNumber = form.members.get(1).idNumber;
        form.incomes = new ArrayList<>(List.of(wage));
        form.depositAmount = new BigDecimal("2000");
        form.vehicleCount = 0;
        form.housingCount = 1;
        form.pledge = true;
        return form;
    }

    private static final Set<String> HANDED_OUT = new HashSet<>();

    /**
     * ID numbers for people born on the given dates (yyyyMMdd), with sequence numbers from
     * {@code sequence} on, that no earlier call handed out: the birth day moves on when they are taken.
     */
    private static synchronized List<String> unusedIds(int sequence, List<String> birthDates) {
        for (int shift = 0; ; shift++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < birthDates.size(); i++) {
                LocalDate born = LocalDate.parse(birthDates.get(i), DateTimeFormatter.BASIC_ISO_DATE).plusDays(shift);
                ids.add(idNumber(born.format(DateTimeFormatter.BASIC_ISO_DATE), (sequence + i) % 1000));
            }
            if (ids.stream().noneMatch(HANDED_OUT::contains)) {
                HANDED_OUT.addAll(ids);
                return ids;
            }
        }
    }

    /** A valid ID number of someone born on that date (yyyyMMdd) that no other call handed out. */
    public static String unusedIdNumber(String birthDate) {
        return unusedIds(1, List.of(birthDate)).get(0);
    }

    /** The household as the Tasklist start form dibao-start submits it (lists as JSON variables). */
    public static VariableMap asStartForm(ApplicationForm household) {
        String members = """
                [{"name":"%s","idNumber":"%s","relation":"SELF","labourAbility":"PARTIAL","disabilityGrade":"0","seriousIllness":false},
                 {"name":"%s","idNumber":"%s","relation":"SPOUSE","labourAbility":"FULL","disabilityGrade":"0"},
                 {"name":"%s","idNumber":"%s","relation":"CHILD","labourAbility":"NONE","disabilityGrade":"0"}]"""
                .formatted(household.members.get(0).name, household.members.get(0).idNumber,
                        household.members.get(1).name, household.members.get(1).idNumber,
                        household.members.get(2).name, household.members.get(2).idNumber);
        return Variables.createVariables()
                .putValue("unitCode", household.unitCode)
                .putValue("householdType", household.householdType.name())
                .putValue("applicantName", household.applicantName)
                .putValue("applicantIdNumber", household.applicantIdNumber)
                .putValue("applicantPhone", household.applicantPhone)
                .putValue("address", household.address)
                .putValueTyped("members", SpinValues.jsonValue(members).create())
                .putValueTyped("incomes", SpinValues.jsonValue("[{\"kind\":\"WAGE\",\"monthlyAmount\":900}]").create())
                .putValue("depositAmount", 2000)
                .putValue("vehicleCount", 0)
                .putValue("housingCount", 1)
                .putValue("relativeOfOfficial", false)
                .putValue("singlePerson", false)
                .putValue("pledge", true);
    }

    /** The form as a browser posts it: one field per input, rows numbered from 0. */
    public static Map<String, String> formFields(ApplicationForm form) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "unitCode", form.unitCode);
        put(fields, "householdType", form.householdType == null ? null : form.householdType.name());
        put(fields, "applicantName", form.applicantName);
        put(fields, "applicantIdNumber", form.applicantIdNumber);
        put(fields, "applicantPhone", form.applicantPhone);
        put(fields, "address", form.address);
        for (int i = 0; i < form.members.size(); i++) {
            ApplicationForm.MemberForm m = form.members.get(i);
            String row = "members[" + i + "].";
            put(fields, row + "name", m.name);
            put(fields, row + "idNumber", m.idNumber);
            put(fields, row + "relation", m.relation == null ? null : m.relation.name());
            put(fields, row + "labourAbility", m.labourAbility == null ? null : m.labourAbility.name());
            put(fields, row + "disabilityGrade", String.valueOf(m.disabilityGrade));
            put(fields, row + "disabilityKind", m.disabilityKind == null ? null : m.disabilityKind.name());
            checkbox(fields, row + "seriousIllness", m.seriousIllness);
        }
        for (int i = 0; i < form.incomes.size(); i++) {
            ApplicationForm.IncomeForm income = form.incomes.get(i);
            String row = "incomes[" + i + "].";
            put(fields, row + "kind", income.kind == null ? null : income.kind.name());
            put(fields, row + "memberIdNumber", income.memberIdNumber);
            put(fields, row + "monthlyAmount", income.monthlyAmount == null ? null : income.monthlyAmount.toPlainString());
            put(fields, row + "note", income.note);
        }
        put(fields, "depositAmount", form.depositAmount == null ? null : form.depositAmount.toPlainString());
        put(fields, "vehicleCount", form.vehicleCount == null ? null : form.vehicleCount.toString());
        put(fields, "housingCount", form.housingCount == null ? null : form.housingCount.toString());
        checkbox(fields, "relativeOfOfficial", form.relativeOfOfficial);
        put(fields, "relativeDeclaration", form.relativeDeclaration);
        checkbox(fields, "singlePerson", form.singlePerson);
        put(fields, "singlePersonIdNumber", form.singlePersonIdNumber);
        checkbox(fields, "pledge", form.pledge);
        return fields;
    }

    /** The same ID number with a wrong check character. */
    public static String withWrongChecksum(String idNumber) {
        char wrong = idNumber.charAt(17) == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        fields.put(name, value == null ? "" : value);
    }

    /** A checked box sends "true"; Spring's marker field says the box was on the page. */
    private static void checkbox(Map<String, String> fields, String name, boolean checked) {
        if (checked) {
            fields.put(name, "true");
        }
        fields.put("_" + name, "on");
    }

    public static ApplicationForm.MemberForm member(String name, String idNumber, Relation relation,
                                                    LabourAbility labourAbility) {
        ApplicationForm.MemberForm member = new ApplicationForm.MemberForm();
        member.name = name;
        member.idNumber = idNumber;
        member.relation = relation;
        member.labourAbility = labourAbility;
        return member;
    }
}
