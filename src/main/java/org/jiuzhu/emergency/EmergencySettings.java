package org.jiuzhu.emergency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of the same-day path ({@code jiuzhu.emergency.*}), named {@code emergencySettings} for the
 * timers in the model.
 */
@Component("emergencySettings")
@ConfigurationProperties("jiuzhu.emergency")
public class EmergencySettings {

    /** A same-day task still open this long after it was created is escalated to the township's leaders. */
    private Duration escalateAfter = Duration.ofHours(4);
    /** The catch-up formalities start at the latest this long after the county filed the case. */
    private Duration catchUpAfter = Duration.ofDays(90);
    /** The personal pledge (个人承诺) the applicant makes instead of the up-front verification. */
    private String pledgeText = "本人承诺：所申报的家庭成员、收入和财产情况真实完整，同意民政部门在紧急状态结束后核对家庭经济状况。"
            + "如有隐瞒或虚报，本人愿退还已领取的救助金，并依法承担相应责任。";

    public Duration getEscalateAfter() {
        return escalateAfter;
    }

    public void setEscalateAfter(Duration escalateAfter) {
        this.escalateAfter = escalateAfter;
    }

    public String getEscalateAfterIso() {
        return escalateAfter.toString();
    }

    public Duration getCatchUpAfter() {
        return catchUpAfter;
    }

    public void setCatchUpAfter(Duration catchUpAfter) {
        this.catchUpAfter = catchUpAfter;
    }

    public String getCatchUpAfterIso() {
        return catchUpAfter.toString();
    }

    public String getPledgeText() {
        return pledgeText;
    }

    public void setPledgeText(String pledgeText) {
        this.pledgeText = pledgeText;
    }
}
