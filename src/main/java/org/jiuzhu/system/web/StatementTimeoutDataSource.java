package org.jiuzhu.system.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the request statement timeout while an HTTP request is served
 * ({@link RequestThreads}) and the database's own default everywhere else (the job executor's batches,
 * start-up, the history cleanup). Pooled connections pass between the two: the setting is changed only
 * when the connection's current one differs, which this class remembers per physical connection.
 */
final class StatementTimeoutDataSource extends DelegatingDataSource {

    /** The SQL that sets a timeout in milliseconds and the SQL that restores the default, per database. */
    private enum Dialect {
        POSTGRESQL("SET statement_timeout = %d", "RESET statement_timeout"),
        H2("SET QUERY_TIMEOUT %d", "SET QUERY_TIMEOUT 0"),
        OTHER(null, null);

        private final String set;
        private final String reset;

        Dialect(String set, String reset) {
            this.set = set;
            this.reset = reset;
        }

        static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgresql") ? POSTGRESQL : product.equals("h2") ? H2 : OTHER;
        }
    }

    private final long requestTimeoutMillis;
    private final Map<Connection, Long> appliedMillis = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Dialect dialect;

    StatementTimeoutDataSource(DataSource target, Duration requestTimeout) {
        super(target);
        this.requestTimeoutMillis = requestTimeout.toMillis();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return applied(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return applied(super.getConnection(username, password));
    }

    private Connection applied(Connection connection) throws SQLException {
        long wanted = RequestThreads.servingRequest() ? requestTimeoutMillis : 0;
        Connection physical = connection.unwrap(Connection.class);
        Dialect database = dialect(connection);
        if (appliedMillis.getOrDefault(physical, 0L) == wanted || database == Dialect.OTHER
                // Inside a transaction the setting would be undone with it.
                || !connection.getAutoCommit()) {
            return connection;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(wanted == 0 ? database.reset : database.set.formatted(wanted));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        appliedMillis.put(physical, wanted);
        return connection;
    }

    private Dialect dialect(Connection connection) throws SQLException {
        if (dialect == null) {
            dialect = Dialect.of(connection);
        }
        return dialect;
    }
}
