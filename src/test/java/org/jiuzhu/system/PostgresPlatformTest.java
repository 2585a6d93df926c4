package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.flywaydb.core.Flyway;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile on a real PostgreSQL ({@code mvn verify -Ppostgres}, which .ci/run does; in a JVM
 * of its own, see pom.xml):
 * configuration from the environment variables, our migrations, the engine's schema, no demo data.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "jiuzhu.test.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "JIUZHU_DB_URL=jdbc:postgresql://127.0.0.1:5432/jiuzhu_test",
    "JIUZHU_DB_USER=jiuzhu_test",
    "JIUZHU_DB_PASSWORD=jiuzhu_test",
    "JIUZHU_ADMIN_USER=pgadmin",
    "JIUZHU_ADMIN_PASSWORD=pg-secret-1"
})
class PostgresPlatformTest {

    @Autowired JdbcClient jdbc;
    @Autowired Flyway flyway;
    @Autowired IdentityService identityService;
    @LocalServerPort int port;

    @Test
    void runsOnPostgresWithEveryMigrationApplied() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1");
        assertThat(jdbc.sql("select count(*) from act_ge_property").query(Long.class).single()).isPositive();
    }

    @Test
    void indexesTheTaskGrantsOfTheAuthorizationTable() {
        assertThat(jdbc.sql("""
                select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indisvalid and c.relname in ('jiuzhu_idx_auth_group_task', 'jiuzhu_idx_auth_user_task')""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("jiuzhu_idx_auth_group_task", "jiuzhu_idx_auth_user_task");
    }

    @Test
    void indexesTheCaseUnitOfRunningInstancesForTheDashboard() {
        assertThat(jdbc.sql("""
                select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indisvalid and c.relname = 'jiuzhu_idx_case_unit_code'""")
                .query(String.class).list())
                .singleElement().asString()
                .contains("act_ru_variable", "(execution_id_) INCLUDE (text_)", "'unitCode'", "task_id_ IS NULL");
    }

    @Test
    void seedsNoDemoDataButTheAdministratorFromTheEnvironment() {
        assertThat(jdbc.sql("select count(*) from admin_unit where code like '341899%'").query(Long.class).single()).isZero();
        assertThat(identityService.createUserQuery().userId("lixiuying").count()).isZero();
        assertThat(identityService.createUserQuery().userId("pgadmin").memberOfGroup(UnitGroups.ADMINISTRATORS).count())
                .isOne();
    }

    @Test
    void securesTheRestApi() {
        assertThat(new WebSession(port).get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        assertThat(new WebSession(port).getWithBasic("/engine-rest/process-definition", "pgadmin", "pg-secret-1")
                .statusCode()).isEqualTo(200);
    }
}
