package org.jiuzhu.temporary;

import java.math.BigDecimal;
import java.time.Instant;

/** One 临时救助 case (table temporary_assistance_case). */
public record TemporaryAssistanceCase(long id, String caseNo, AssistanceType assistanceType, HardshipReason reason,
                                      String applicantName, String applicantIdNumber, String applicantPhone,
                                      int householdSize, boolean resident, String householdRegistration,
                                      String villageCode, String townshipCode, String countyCode,
                                      String hardshipDescription, BigDecimal requestedAmount, boolean urgent,
                                      Status status, String submittedBy, Instant submittedAt,
                                      String processInstanceId, BigDecimal suggestedAmount, String suggestionBasis,
                                      String approvalRoute, BigDecimal decidedAmount, String decisionNotice,
                                      Instant decidedAt) {

    public enum Status {
        IN_PROGRESS("办理中"),
        APPROVED("已批准"),
        REJECTED("不予救助");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 急难发生地: the village, or the township for a case without one. Decides who may see the case. */
    public String unitCode() {
        return villageCode != null ? villageCode : townshipCode;
    }
}
