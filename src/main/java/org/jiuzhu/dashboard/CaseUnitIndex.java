package org.jiuzhu.dashboard;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.system.PostgresIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A partial index on the engine's variable table, on PostgreSQL: the case unit ({@link CaseVariables#UNIT_CODE})
 * of each running process instance, with its value. The dashboard counts the open tasks of its scope by
 * case unit ({@link DashboardFigures}); without it PostgreSQL looked the variable up per open task among
 * all the instance's variables (20,000 open tasks: 185 ms), with it one index-only scan and a hash join
 * (57 ms, docs/performance.md). Off with {@code jiuzhu.postgres.case-unit-index=false}.
 */
@Component
@ConditionalOnProperty(name = "jiuzhu.postgres.case-unit-index", havingValue = "true", matchIfMissing = true)
class CaseUnitIndex implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CaseUnitIndex.class);

    static final String INDEX = "jiuzhu_idx_case_unit_code";

    private final DataSource dataSource;

    CaseUnitIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (PostgresIndexes.ensure(dataSource, INDEX + " on act_ru_variable (execution_id_) include (text_) where name_ = '"
                + CaseVariables.UNIT_CODE + "' and task_id_ is null")) {
            LOG.info("Case unit index {} in place", INDEX);
        }
    }
}
