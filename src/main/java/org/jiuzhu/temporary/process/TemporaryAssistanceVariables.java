package org.jiuzhu.temporary.process;

import java.util.List;

/** Variables of the process {@code temporaryAssistance}: ids, what routing needs and the officials' decisions. */
public final class TemporaryAssistanceVariables {

    public static final String PROCESS_KEY = "temporaryAssistance";

    public static final String CASE_ID = "caseId";
    /** 急难发生地 (village, community or township); also decides visibility (see CaseVariables). */
    public static final String UNIT_CODE = "unitCode";
    public static final String TOWNSHIP_CODE = "townshipCode";
    public static final String COUNTY_CODE = "countyCode";
    /** 申请先行救助. */
    public static final String URGENT = "urgent";
    /** The applicant's ID number, by which the ledger adds up the household's year. */
    public static final String HOUSEHOLD_ID_NUMBER = "householdIdNumber";

    public static final String SUGGESTED_AMOUNT = "suggestedAmount";

    public static final String AID_FIRST_AMOUNT = "aidFirstAmount";

    /** The case's total as the township proposes it, 先行救助 included. */
    public static final String PROPOSED_AMOUNT = "proposedAmount";

    public static final String YEARLY_TOTAL_BEFORE = "yearlyTotalBefore";
    public static final String APPROVAL_ROUTE = "approvalRoute";
    public static final String ROUTE_REASON = "routeReason";

    /** The case's total as approved, 先行救助 included. */
    public static final String APPROVED_AMOUNT = "approvedAmount";


    /** Task-local, shown read-only on every task form. */
    public static final String CASE_SUMMARY = "caseSummary";
    /** Task-local, read-only: the decisions so far with their findings. */
    public static final String DECISION_BASIS = "decisionBasis";
    /** Task-local: the case file page, linked from every task form. */
    public static final String CASE_LINK = "caseLink";
    /** Task-local on 先行救助: the configured maximum. */
    public static final String AID_FIRST_MAX = "aidFirstMax";

    /** The start form's fields that live in our table once registered. */
    public static final List<String> START_FORM_FIELDS = List.of("assistanceType", "reason",
            "applicantName", "applicantIdNumber", "applicantPhone", "householdSize", "resident",
            "householdRegistration", "hardshipDescription", "requestedAmount");

    private TemporaryAssistanceVariables() {
    }
}
