package org.jiuzhu.dibao;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Dibao settings an administrator may change ({@code jiuzhu.dibao.*}). Named {@code dibaoSettings}
 * for expressions in the model, e.g. the notice timer {@code ${dibaoSettings.noticePeriodIso}}.
 */
@Component("dibaoSettings")
@ConfigurationProperties("jiuzhu.dibao")
public class DibaoSettings {

    private Duration noticePeriod = Duration.ofDays(7);
    private int reviewMonthsStable = 12;
    private int reviewMonthsUnstable = 6;
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

    /** How many officials at least visit a household for 入户调查. */
    public int getInvestigatorsQuorum() {
        return investigatorsQuorum;
    }

    public void setInvestigatorsQuorum(int investigatorsQuorum) {
        this.investigatorsQuorum = investigatorsQuorum;
    }
}
