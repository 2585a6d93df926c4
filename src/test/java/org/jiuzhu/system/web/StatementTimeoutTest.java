package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Connections handed out while a request is served carry the request statement timeout; the same pooled
 * connections handed out elsewhere (the job executor, start-up) carry none. The cancellation itself, on
 * PostgreSQL, in {@link RequestHygienePostgresTest}.
 */
@JiuzhuIntegrationTest
class StatementTimeoutTest {

    @Autowired DataSource dataSource;
    @Autowired RequestSettings settings;

    @Test
    void limitsTheStatementsOfRequestsOnly() throws Exception {
        List<Long> inRequest = new ArrayList<>();
        new RequestThreads().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> inRequest.addAll(timeoutsOfEveryPooledConnection()));
        List<Long> outside = timeoutsOfEveryPooledConnection();

        assertThat(inRequest).isNotEmpty().containsOnly(settings.statementTimeout().toMillis());
        assertThat(outside).hasSameSizeAs(inRequest).containsOnly(0L);
    }

    /** The query timeout (ms) of each connection of the pool, all of them taken at once. */
    private List<Long> timeoutsOfEveryPooledConnection() {
        List<Connection> taken = new ArrayList<>();
        try {
            int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            List<Long> timeouts = new ArrayList<>();
            for (int i = 0; i < poolSize; i++) {
                Connection connection = dataSource.getConnection();
                taken.add(connection);
                timeouts.add(timeoutOf(connection));
            }
            return timeouts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            taken.forEach(StatementTimeoutTest::close);
        }
    }

    /** In milliseconds, on H2 (the default) or PostgreSQL (the suite's second run). */
    private static long timeoutOf(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement statement = connection.createStatement(); ResultSet setting = statement.executeQuery(postgres
                ? "select setting from pg_settings where name = 'statement_timeout'"
                : "select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'")) {
            setting.next();
            return Long.parseLong(setting.getString(1));
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
