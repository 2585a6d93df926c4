package org.jiuzhu.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the monthly report ({@code jiuzhu.report.*}).
 *
 * @param townshipsPerJob how many townships' reports one job of the reporting day makes at most; it goes
 *                        on job after job until every township has its report, so that no job runs
 *                        longer than the job executor's lock time (docs/deployment.md)
 */
@ConfigurationProperties("jiuzhu.report")
public record ReportSettings(@DefaultValue("20") int townshipsPerJob) {

    public ReportSettings {
        if (townshipsPerJob < 1) {
            throw new IllegalArgumentException("jiuzhu.report.townships-per-job must be at least 1");
        }
    }
}
