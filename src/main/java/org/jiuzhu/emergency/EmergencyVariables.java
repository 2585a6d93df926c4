package org.jiuzhu.emergency;

/** Variables of the process {@code emergencySameDay} besides the dibao routing variables it shares. */
public final class EmergencyVariables {

    public static final String PROCESS_KEY = "emergencySameDay";

    public static final String EMERGENCY_PERIOD_ID = "emergencyPeriodId";
    /** Months of the urban dibao standard granted on approval (decision table emergencyGrant). */
    public static final String EMERGENCY_MONTHS = "emergencyMonths";
    /** Those months at the urban dibao standard for every member of the household. */
    public static final String EMERGENCY_AMOUNT = "emergencyAmount";
    public static final String PLEDGE_TRUTHFUL = "pledgeTruthful";
    public static final String PLEDGE_FINDINGS = "pledgeFindings";
    /** The grant paid on a false pledge, which the township recovers. */
    public static final String AMOUNT_TO_RECOVER = "amountToRecover";
    /** False from registration, true once the case's emergency has ended (set by EmergencyPeriods). */
    public static final String EMERGENCY_ENDED = "emergencyEnded";

    public static final String MESSAGE_EMERGENCY_ENDED = "Message_EmergencyEnded";

    private EmergencyVariables() {
    }
}
