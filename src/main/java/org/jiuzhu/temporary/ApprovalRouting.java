package org.jiuzhu.temporary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.ledger.PaymentLedger;
import org.springframework.stereotype.Service;

/**
 * 临时救助审批权限: who decides a case. The decision table temporaryAssistanceRouting holds the figures
 * (the township's limit per case, the household's yearly cap); this class feeds it the case's amount
 * and what the household already received this year from our ledger.
 */
@Service
public class ApprovalRouting {

    static final String DECISION = "temporaryAssistanceRouting";

    /** Who approves, from the township up; a higher authority may decide what a lower one may. */
    public enum Route {
        TOWNSHIP("乡镇审批"),
        COUNTY("县级审批"),
        DELIBERATION("一事一议");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean covers(Route needed) {
            return compareTo(needed) >= 0;
        }
    }

    /** The route and the table's reason for it, in words. */
    public record Decision(Route route, String reason) {
    }

    private final DecisionService decisions;
    private final PaymentLedger ledger;
    private final Clock clock;

    public ApprovalRouting(DecisionService decisions, PaymentLedger ledger, Clock clock) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * What the household received this calendar year in every other case (先行救助 of other open cases
     * included); the case's own payments are part of the amount being decided.
     */
    public BigDecimal yearlyTotalBefore(String householdIdNumber, String caseNo) {
        return ledger.yearlyTotalExcept(householdIdNumber, LocalDate.now(clock), clock.getZone(), caseNo);
    }

    /** @param amount the case's total, including any 先行救助 already paid in it */
    public Decision route(BigDecimal amount, BigDecimal yearlyTotalBefore) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("amount", amount.doubleValue())
                        .putValue("yearlyTotalBefore", yearlyTotalBefore.doubleValue()))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("决策表 " + DECISION + " 没有给出审批权限（金额 " + Yuan.format(amount)
                    + " 元，本年此前累计 " + Yuan.format(yearlyTotalBefore) + " 元），请管理员检查后重试");
        }
        return new Decision(Route.valueOf(result.getSingleResult().getEntry("approvalRoute")),
                result.getSingleResult().getEntry("routeReason"));
    }
}
