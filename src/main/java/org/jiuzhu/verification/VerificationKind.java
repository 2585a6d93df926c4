package org.jiuzhu.verification;

/** What the county's verification platform reports about a person. */
public enum VerificationKind {
    /** Monthly income (tax, social insurance, pensions). */
    INCOME,
    /** Bank deposits and securities. */
    DEPOSIT,
    /** A registered motor vehicle. */
    VEHICLE,
    /** A registered property. */
    REAL_ESTATE,
    /** A registered business (enterprise or 个体工商户). */
    BUSINESS
}
