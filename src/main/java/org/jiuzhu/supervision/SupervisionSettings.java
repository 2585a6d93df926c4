package org.jiuzhu.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the overdue scan ({@code jiuzhu.supervision.*}).
 *
 * @param escalationsPerJob how many overdue tasks one job of the scan escalates at most; the scan goes on
 *                          job after job until none is left, so that no job runs longer than the job
 *                          executor's lock time however much work is late (docs/deployment.md)
 */
@ConfigurationProperties("jiuzhu.supervision")
public record SupervisionSettings(@DefaultValue("50") int escalationsPerJob) {

    public SupervisionSettings {
        if (escalationsPerJob < 1) {
            throw new IllegalArgumentException("jiuzhu.supervision.escalations-per-job must be at least 1");
        }
    }
}
