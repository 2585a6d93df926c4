package org.jiuzhu.dibao;

import org.springframework.modulith.NamedInterface;

/** Variables of the process {@code dibaoApplication}: ids and what routing needs, nothing more. */
@NamedInterface("enrolment")
public final class DibaoVariables {

    public static final String PROCESS_KEY = "dibaoApplication";

    public static final String APPLICATION_ID = "applicationId";
    /** Village/community of the case; also decides visibility (see CaseVariables). */
    public static final String UNIT_CODE = "unitCode";
    public static final String TOWNSHIP_CODE = "townshipCode";
    public static final String COUNTY_CODE = "countyCode";
    public static final String RELATIVE_OF_OFFICIAL = "relativeOfOfficial";
    public static final String SINGLE_PERSON = "singlePerson";
    /**
     * Whether the instance continues an application of the emergency same-day path (补办手续), which
     * skips registration, materials check, acceptance and verification. Set by 登记申请 only.
     */
    public static final String CATCH_UP_FORMALITIES = "catchUpFormalities";

    public static final String MATERIALS_COMPLETE = "materialsComplete";
    public static final String DUPLICATE_BENEFIT = "duplicateBenefit";
    public static final String MISSING_ITEMS = "missingItems";

    public static final String ELIGIBLE = "eligible";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String SUGGESTED_AMOUNT = "suggestedAmount";
    public static final String PER_CAPITA_INCOME = "perCapitaIncome";
    public static final String MONTHLY_STANDARD = "monthlyStandard";

    public static final String OBJECTION_TEXT = "objectionText";
    public static final String OBJECTION_ID = "objectionId";

    public static final String APPROVED_AMOUNT = "approvedAmount";
    public static final String AMOUNT_CHANGED = "amountChanged";
    public static final String REQUIRES_CONFIRMATION = "requiresConfirmation";
    public static final String CONFIRMATION_REASONS = "confirmationReasons";


    /** Task-local, shown read-only on every task form. */
    public static final String CASE_SUMMARY = "caseSummary";
    /** Task-local, read-only: what the decision rests on (investigation, evaluation, notice, objections). */
    public static final String DECISION_BASIS = "decisionBasis";
    public static final String CASE_LINK = "caseLink";

    public static final String MESSAGE_OBJECTION = "Message_ObjectionLodged";

    private DibaoVariables() {
    }
}
