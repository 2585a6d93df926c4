package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL ({@code mvn verify -Ppostgres}; the database {@code jiuzhu_test} unless the system property
 * {@code jiuzhu.test.database} names another): a statement of a request that runs past the statement timeout
 * is cancelled and answered with a Chinese 400, on the REST API and on our pages, while connections used
 * outside requests keep no timeout; a claim that loses to a concurrent update is a Chinese 409 on both APIs.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "jiuzhu.test.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "JIUZHU_DB_URL=jdbc:postgresql://127.0.0.1:5432/${jiuzhu.test.database:jiuzhu_test}",
    "JIUZHU_DB_USER=jiuzhu_test",
    "JIUZHU_DB_PASSWORD=jiuzhu_test",
    "JIUZHU_ADMIN_USER=pgadmin",
    "JIUZHU_ADMIN_PASSWORD=pg-secret-1",
    "jiuzhu.requests.statement-timeout=2s"
})
class RequestHygienePostgresTest {

    private static final String ADMIN = "pgadmin";
    private static final String PASSWORD = "pg-secret-1";
    /** Far longer than the statement timeout of these tests (2 s). */
    private static final Duration LOCK_HELD_AT_MOST = Duration.ofSeconds(20);

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired TaskService taskService;
    @Autowired Environment environment;

    @Test
    void cancelsARestQueryThatRunsPastTheTimeout() throws SQLException {
        HttpResponse<String> response;
        try (Connection locker = lock("act_hi_detail")) {
            response = new WebSession(port).getWithBasic("/engine-rest/history/detail?processInstanceId=any", ADMIN, PASSWORD);
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"QueryTimeoutException\"", "查询耗时过长")
                .doesNotContain("canceling statement", "SQL", "act_hi_detail");
    }

    @Test
    void cancelsAPageQueryThatRunsPastTheTimeout() throws SQLException {
        HttpResponse<String> page;
        try (Connection locker = lock("public_notice")) {
            page = new WebSession(port).get("/notices");
        }

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("查询耗时过长").doesNotContain("canceling statement", "public_notice");
    }

    @Test
    void leavesConnectionsUsedOutsideRequestsWithoutTimeout() throws SQLException {
        for (int i = 0; i < 3; i++) {
            new WebSession(port).getWithBasic("/engine-rest/history/detail?processInstanceId=any", ADMIN, PASSWORD);
        }

        List<String> timeouts = new ArrayList<>();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
                Connection connection = dataSource.getConnection();
                taken.add(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet shown = statement.executeQuery("show statement_timeout")) {
                    shown.next();
                    timeouts.add(shown.getString(1));
                }
            }
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(timeouts).isNotEmpty().containsOnly("0");
    }

    @Test
    void tellsTheLoserOfAClaimRaceOnBothApisThatTheTaskIsTaken() throws SQLException {
        Task task = taskService.newTask();
        task.setName("认领竞争测试");
        taskService.saveTask(task);
        // Every update of the task finds it changed, as when another official's claim commits first.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace function jiuzhu_test_lost_update() returns trigger language plpgsql "
                    + "as $$ begin return null; end $$");
            statement.execute("create trigger jiuzhu_test_lost_claim before update on act_ru_task for each row "
                    + "when (old.id_ = '" + task.getId() + "') execute function jiuzhu_test_lost_update()");
        }
        try {
            HttpResponse<String> overRest = new WebSession(port).postJsonWithBasic("/engine-rest/task/" + task.getId()
                    + "/claim", "{\"userId\": \"" + ADMIN + "\"}", ADMIN, PASSWORD);
            WebSession tasklist = new WebSession(port);
            tasklist.login(ADMIN, PASSWORD);
            String token = tasklist.send("GET", "/camunda/api/engine/engine/default/task/count",
                    Map.of("X-XSRF-TOKEN", "Fetch"), null).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            HttpResponse<String> inTasklist = tasklist.send("POST", "/camunda/api/engine/engine/default/task/"
                    + task.getId() + "/claim", Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", token),
                    "{\"userId\": \"" + ADMIN + "\"}");

            for (HttpResponse<String> response : List.of(overRest, inTasklist)) {
                assertThat(response.statusCode()).isEqualTo(409);
                assertThat(response.body()).contains("\"type\":\"OptimisticLockingException\"", "该任务已被他人认领")
                        .doesNotContain("ENGINE-", "UPDATE");
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop trigger jiuzhu_test_lost_claim on act_ru_task");
                statement.execute("drop function jiuzhu_test_lost_update()");
            }
            taskService.deleteTask(task.getId(), true);
        }
    }

    /**
     * A transaction of its own that holds the table until the connection closes (and rolls back): at the end
     * of the test, or after {@link #LOCK_HELD_AT_MOST}, so that a request the timeout did not cancel ends
     * (and the test fails) instead of waiting for ever.
     */
    private Connection lock(String table) throws SQLException {
        Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                "jiuzhu_test", "jiuzhu_test");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in access exclusive mode");
        }
        CompletableFuture.runAsync(() -> close(connection),
                CompletableFuture.delayedExecutor(LOCK_HELD_AT_MOST.toSeconds(), TimeUnit.SECONDS));
        return connection;
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
