package org.jiuzhu.dibao;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Dibao settings an administrator may change ({@code jiuzhu.dibao.*}). Named {@code dibaoSettings}
 * for expressions in the model, e.g. the notice timer {@code ${dibaoSettings.noticePeriodIso}}.
 */
@Component("dibaoSettings")
@ConfigurationProperties("jiuzhu.dibao")
public class DibaoSettings {

    /** From which month an approved household receives benefits. */
    public enum BenefitStart {
        /** 次月起发放: the month after the decision (the national rule). */
        NEXT_MONTH,
        /** 当月起发放: the month of the decision (where a local rule says so). */
        DECISION_MONTH;

        public YearMonth firstMonth(LocalDate decidedOn) {
            YearMonth decisionMonth = YearMonth.from(decidedOn);
            return this == NEXT_MONTH ? decisionMonth.plusMonths(1) : decisionMonth;
        }
    }

    private Duration noticePeriod = Duration.ofDays(7);
    private int reviewMonthsStable = 12;
    private int reviewMonthsUnstable = 6;
    private BenefitStart benefitStart = BenefitStart.NEXT_MONTH;
    private int investigatorsQuorum = 2;

    public Duration getNoticePeriod() {
        return noticePeriod;
    }

    public void setNoticePeriod(Duration noticePeriod) {
        this.noticePeriod = noticePeriod;
    }

    /** The notice period as an ISO-8601 duration, for the timer (a demo may shorten it, e.g. PT3M). */
    public String getNoticePeriodIso() {
        return noticePeriod.toString();
    }

    public int getReviewMonthsStable() {
        return reviewMonthsStable;
    }

    public void setReviewMonthsStable(int reviewMonthsStable) {
        this.reviewMonthsStable = reviewMonthsStable;
    }

    public int getReviewMonthsUnstable() {
        return reviewMonthsUnstable;
    }

    public void setReviewMonthsUnstable(int reviewMonthsUnstable) {
        this.reviewMonthsUnstable = reviewMonthsUnstable;
    }

    public BenefitStart getBenefitStart() {
        return benefitStart;
    }

    public void setBenefitStart(BenefitStart benefitStart) {
        this.benefitStart = benefitStart;
    }

    /** How many officials at least visit a household for 入户调查. */
    public int getInvestigatorsQuorum() {
        return investigatorsQuorum;
    }

    public void setInvestigatorsQuorum(int investigatorsQuorum) {
        this.investigatorsQuorum = investigatorsQuorum;
    }
}
