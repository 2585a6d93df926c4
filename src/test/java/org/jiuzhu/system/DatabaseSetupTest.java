package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On H2 the engine creates its schema and Flyway applies our migrations, side by side. */
@JiuzhuIntegrationTest
class DatabaseSetupTest {

    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine processEngine;
    @Autowired Flyway flyway;

    @Test
    void appliesEveryMigration() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1");
        assertThat(flyway.info().applied()).allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        assertThat(jdbc.sql("select count(*) from admin_unit").query(Long.class).single()).isPositive();
    }

    @Test
    void runsTheEngineWithFullHistoryAndAuthorization() {
        var configuration = processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(jdbc.sql("select count(*) from ACT_GE_PROPERTY").query(Long.class).single()).isPositive();
    }

    @Test
    void cleansUpHistoryAtNight() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isEnableHistoricInstancePermissions()).isTrue();
    }
}
