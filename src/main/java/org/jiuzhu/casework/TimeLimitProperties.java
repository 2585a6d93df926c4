package org.jiuzhu.casework;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Time limit of each stage in working days ({@code jiuzhu.time-limits.working-days.<stage>}). */
@ConfigurationProperties("jiuzhu.time-limits")
public record TimeLimitProperties(Map<String, Integer> workingDays) {

    public TimeLimitProperties {
        workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    }
}
