package org.jiuzhu.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Indexes of ours on the engine's tables, PostgreSQL only: each created {@code CONCURRENTLY} (an upgrade
 * does not lock the table on a live system) and only if missing. H2, the embedded default, has no partial
 * indexes and no such volume.
 */
public final class PostgresIndexes {

    private PostgresIndexes() {
    }

    /**
     * @param definitions each {@code <name> on <table> (...) [where ...]}, as after {@code create index}
     * @return whether the database is PostgreSQL (and the indexes are in place)
     */
    public static boolean ensure(DataSource dataSource, String... definitions) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String definition : definitions) {
                    statement.execute("create index concurrently if not exists " + definition);
                }
            }
            return true;
        }
    }
}
