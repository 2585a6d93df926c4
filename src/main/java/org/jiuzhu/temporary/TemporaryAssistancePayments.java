package org.jiuzhu.temporary;

import java.math.BigDecimal;
import java.time.Clock;

import org.jiuzhu.ledger.PaymentLedger;
import org.jiuzhu.ledger.PaymentLedger.Kind;
import org.springframework.stereotype.Service;

/**
 * What a 临时救助 case pays, in the ledger: 先行救助 at once, then the approved total less what 先行救助
 * already paid. One payment of each kind per case (payment keys {@code <caseNo>-AID_FIRST},
 * {@code <caseNo>-TEMPORARY_ASSISTANCE}), however often a job or a form runs.
 */
@Service
public class TemporaryAssistancePayments {

    private final PaymentLedger ledger;
    private final Clock clock;

    public TemporaryAssistancePayments(PaymentLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public void payAidFirst(TemporaryAssistanceCase c, BigDecimal amount, String reason, String recordedBy) {
        ledger.record(payment(c, Kind.AID_FIRST, amount, "先行救助：" + reason, recordedBy), clock.instant());
    }

    /** Pays the approved total less 先行救助; returns what this payment added (zero when 先行救助 covered it). */
    public BigDecimal payRemainder(TemporaryAssistanceCase c, BigDecimal approvedTotal, String recordedBy) {
        BigDecimal aidFirst = paid(c.caseNo(), Kind.AID_FIRST);
        BigDecimal remainder = approvedTotal.subtract(aidFirst);
        if (remainder.signum() > 0) {
            String reason = "临时救助（" + c.assistanceType().label() + "·" + c.reason().label() + "）核定 "
                    + Yuan.format(approvedTotal) + " 元" + (aidFirst.signum() > 0
                    ? "，扣除先行救助 " + Yuan.format(aidFirst) + " 元" : "");
            ledger.record(payment(c, Kind.TEMPORARY_ASSISTANCE, remainder, reason, recordedBy), clock.instant());
        }
        return paid(c.caseNo(), Kind.TEMPORARY_ASSISTANCE);
    }

    public BigDecimal aidFirstPaid(String caseNo) {
        return paid(caseNo, Kind.AID_FIRST);
    }

    public BigDecimal paid(String caseNo, Kind kind) {
        return ledger.ofCase(caseNo).stream().filter(e -> e.kind() == kind).map(PaymentLedger.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PaymentLedger.Payment payment(TemporaryAssistanceCase c, Kind kind, BigDecimal amount, String reason,
                                                 String recordedBy) {
        return new PaymentLedger.Payment(c.caseNo() + "-" + kind.name(), c.caseNo(), kind, c.applicantIdNumber(),
                c.applicantName(), c.villageCode(), c.townshipCode(), c.countyCode(), amount, reason, recordedBy);
    }
}
