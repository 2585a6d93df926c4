package org.jiuzhu.casework;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.organisation.AdminUnit;

/** Process variables every case process shares. */
public final class CaseVariables {

    /**
     * The 12-digit code of the case's most local unit (the applicant's village or community, or the
     * township for cases that start there). Decides who may see the case.
     */
    public static final String UNIT_CODE = "unitCode";

    /** 申请编号 (the business key), for Tasklist's list: filters show variables, not business keys. */
    public static final String CASE_NO = "caseNo";
    /** The applicant's name as officials' lists show it (张*明). */
    public static final String APPLICANT = "applicantMasked";
    /** The village or community (township for a case that starts there), e.g. 城关街道 东门社区. */
    public static final String PLACE = "placeName";

    /** The columns of Tasklist's task lists, in order, with their Chinese labels. */
    public static final List<Map.Entry<String, String>> LISTED = List.of(
            Map.entry(CASE_NO, "申请编号"), Map.entry(APPLICANT, "申请人"), Map.entry(PLACE, "村（社区）"));

    private CaseVariables() {
    }

    /** 城关街道 东门社区: the township and the village (the township alone when there is no village). */
    public static String placeName(AdminUnit township, AdminUnit village) {
        return village == null ? township.name() : township.name() + " " + village.name();
    }

    /** What a case sets at its start for the task lists; the name is already masked. */
    public static Map<String, Object> listed(String caseNo, String maskedApplicant, String placeName) {
        return Variables.createVariables().putValue(CASE_NO, caseNo).putValue(APPLICANT, maskedApplicant)
                .putValue(PLACE, placeName);
    }
}
