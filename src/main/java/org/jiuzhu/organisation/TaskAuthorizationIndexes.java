package org.jiuzhu.organisation;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jiuzhu.system.PostgresIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Two partial indexes on the engine's authorization table, on PostgreSQL. Every task query a user makes
 * (Tasklist filters, the Cockpit plugin) first selects the user's task and task-definition grants:
 * {@code RESOURCE_TYPE_} 7 or 6 for the user or their groups. The engine's indexes are on the group or the
 * user alone, and each unit group holds a grant for every case it ever read (historic process
 * instances), so at 200,000 finished cases PostgreSQL scanned all 1.2 million rows for it: 400 ms per
 * query (docs/performance.md). Limited to the two task resource types, the indexes hold only the grants
 * of open tasks and definitions and answer in a millisecond.
 *
 * <p>Created once the engine has its tables, {@code CONCURRENTLY} so that an upgrade does not lock the
 * table on a live system; H2 (the embedded default) has no partial indexes and no such volume. Off with
 * {@code jiuzhu.postgres.task-authorization-indexes=false} (the benchmark compares both).
 */
@Component
@ConditionalOnProperty(name = "jiuzhu.postgres.task-authorization-indexes", havingValue = "true", matchIfMissing = true)
class TaskAuthorizationIndexes implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskAuthorizationIndexes.class);

    static final String GROUP_INDEX = "jiuzhu_idx_auth_group_task";
    static final String USER_INDEX = "jiuzhu_idx_auth_user_task";

    private final DataSource dataSource;

    TaskAuthorizationIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (PostgresIndexes.ensure(dataSource,
                GROUP_INDEX + " on act_ru_authorization (group_id_, resource_type_) where resource_type_ in (6, 7)",
                USER_INDEX + " on act_ru_authorization (user_id_, resource_type_) where resource_type_ in (6, 7)")) {
            LOG.info("Task authorization indexes {} and {} in place", GROUP_INDEX, USER_INDEX);
        }
    }
}
