package org.jiuzhu.system;

/** Process variables every case process shares. */
public final class CaseVariables {

    /**
     * The 12-digit code of the case's most local unit (the applicant's village or community, or the
     * township for cases that start there). Decides who may see the case.
     */
    public static final String UNIT_CODE = "unitCode";

    private CaseVariables() {
    }
}
