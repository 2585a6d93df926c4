package org.jiuzhu.temporary;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * 临时救助 settings an administrator may change ({@code jiuzhu.temporary.*}). The amounts and limits
 * of the decision itself are in the decision tables temporaryAssistanceAmount and temporaryAssistanceRouting.
 */
@Component("temporaryAssistanceSettings")
@ConfigurationProperties("jiuzhu.temporary")
public class TemporaryAssistanceSettings {

    /** The most the township may pay at once as 先行救助, before the review. */
    private BigDecimal aidFirstMax = new BigDecimal("1000");

    public BigDecimal getAidFirstMax() {
        return aidFirstMax;
    }

    public void setAidFirstMax(BigDecimal aidFirstMax) {
        this.aidFirstMax = aidFirstMax;
    }
}
