package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.jiuzhu.system.identity.LoginThrottle;
import org.jiuzhu.system.identity.LoginThrottleProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed logins slow guessing down, per client address and per account, on every path that checks a
 * password, and nobody can lock an official out. Every request here comes from this machine's address,
 * so each test starts and ends with no failure counted (later tests log in from it too).
 */
@JiuzhuIntegrationTest
class LoginThrottleTest {

    private static final String REST = "/engine-rest/process-definition";
    private static final String GOOD_PASSWORD = "Lantern-Festival-88";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired LoginThrottle throttle;
    @Autowired LoginThrottleProperties properties;
    @Autowired JdbcClient jdbc;

    private final List<String> users = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void forgetFailuresAndTime() {
        ClockUtil.reset();
        jdbc.sql("update login_failure set counts_for_client = false, counts_for_user = false").update();
        users.forEach(identityService::deleteUser);
        users.clear();
    }

    @Test
    void strangersCannotLockAnOfficialOutWithWrongPasswords() {
        String official = official("throttle_victim");
        WebSession stranger = new WebSession(port);

        // Spaced out as an attacker would, each wrong password is a real failure.
        for (int i = 0; i < 10; i++) {
            moveClock(properties.user().maxDelay().plusSeconds(1));
            assertThat(stranger.getWithBasic(REST, official, "guess-" + i).statusCode()).isEqualTo(401);
        }
        moveClock(properties.user().maxDelay().plusSeconds(1));

        assertThat(new WebSession(port).getWithBasic(REST, official, GOOD_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(new WebSession(port).login(official, GOOD_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
    }

    @Test
    void ignoresALockCamundaSetBeforeTheUpgrade() {
        String official = official("throttle_locked_before");
        jdbc.sql("update act_id_user set attempts_ = 10, lock_exp_time_ = ? where id_ = ?")
                .params(java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))), official)
                .update();

        assertThat(new WebSession(port).getWithBasic(REST, official, GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void delaysAnAccountAfterFailuresInARowUntilTheDelayEnds() {
        String official = official("throttle_delayed");
        for (int i = 0; i < properties.user().freeFailures(); i++) {
            assertThat(new WebSession(port).getWithBasic(REST, official, "wrong").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> delayed = new WebSession(port).getWithBasic(REST, official, GOOD_PASSWORD);
        assertThat(delayed.statusCode()).isEqualTo(429);
        assertThat(delayed.headers().firstValue("Retry-After"))
                .hasValue(String.valueOf(properties.user().firstDelay().toSeconds()));
        assertThat(delayed.body()).contains("该账号连续登录失败", "秒后再试");

        WebSession page = new WebSession(port);
        assertThat(page.login(official, GOOD_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?throttled"));
        HttpResponse<String> loginPage = page.get("/login?throttled");
        assertThat(loginPage.statusCode()).isEqualTo(429);
        assertThat(loginPage.body()).contains("该账号连续登录失败");

        moveClock(properties.user().firstDelay().plusSeconds(1));
        assertThat(new WebSession(port).getWithBasic(REST, official, GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAClientAddressWithTooManyFailuresUntilAnAdministratorLiftsIt() {
        WebSession administrator = new WebSession(port);
        administrator.login(ADMINISTRATOR, PASSWORD);
        // Many accounts, one failure each: no account delay, only the address counts.
        for (int i = 0; i < properties.client().maxFailures(); i++) {
            assertThat(new WebSession(port).getWithBasic(REST, "stranger" + i, "wrong").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = new WebSession(port).getWithBasic(REST, DONGMEN_OFFICER, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("本机登录失败次数过多");
        assertThat(new WebSession(port).login(DONGMEN_OFFICER, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?throttled"));

        assertThat(throttle.refusedClients()).singleElement().satisfies(t ->
                assertThat(t.failures()).isEqualTo(properties.client().maxFailures()));
        String address = throttle.refusedClients().get(0).subject();
        assertThat(administrator.get("/admin/login-attempts").body()).contains("暂停登录的客户端地址", address, "stranger0");
        HttpResponse<String> lifted = administrator.postForm("/admin/login-attempts", "/admin/login-attempts/lift-client",
                Map.of("client", address));
        assertThat(lifted.statusCode()).isEqualTo(302);

        assertThat(new WebSession(port).getWithBasic(REST, DONGMEN_OFFICER, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void throttlesPasswordChecksThroughIdentityVerify() {
        String official = official("throttle_verified");
        String wrong = "{\"username\": \"" + official + "\", \"password\": \"wrong\"}";
        for (int i = 0; i < properties.user().freeFailures(); i++) {
            HttpResponse<String> verified = new WebSession(port)
                    .postJsonWithBasic("/engine-rest/identity/verify", wrong, ADMINISTRATOR, PASSWORD);
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.body()).contains("\"authenticated\":false");
        }

        HttpResponse<String> throttled = new WebSession(port).postJsonWithBasic("/engine-rest/identity/verify",
                "{\"username\": \"" + official + "\", \"password\": \"" + GOOD_PASSWORD + "\"}", ADMINISTRATOR, PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("该账号连续登录失败");
    }

    @Test
    void closesTheWebappsOwnLoginEndpoint() {
        WebSession session = new WebSession(port);
        session.login(DONGMEN_OFFICER, PASSWORD);
        session.get("/camunda/app/tasklist/default/");

        HttpResponse<String> login = session.post("/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + XIMEN_OFFICER + "&password=" + PASSWORD,
                Map.of("X-XSRF-TOKEN", String.valueOf(session.cookie("XSRF-TOKEN"))));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("请在本系统的登录页");
        assertThat(session.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + DONGMEN_OFFICER + "\"");
    }

    @Test
    void listsFailedLoginsForAdministratorsOnly() {
        new WebSession(port).getWithBasic(REST, "nobody-listed", "wrong");
        WebSession administrator = new WebSession(port);
        administrator.login(ADMINISTRATOR, PASSWORD);

        HttpResponse<String> page = administrator.get("/admin/login-attempts");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("登录记录", "最近的登录失败", "nobody-listed", REST);
        WebSession official = new WebSession(port);
        official.login(DONGMEN_OFFICER, PASSWORD);
        HttpResponse<String> refused = official.get("/admin/login-attempts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("没有权限");
        assertThat(administrator.get("/").body()).contains("/admin/login-attempts");
    }

    @Test
    void requiresCredentialsForTheEngineList() {
        assertThat(new WebSession(port).get("/engine-rest/engine").statusCode()).isEqualTo(401);
        HttpResponse<String> engines = new WebSession(port).getWithBasic("/engine-rest/engine", DONGMEN_OFFICER, PASSWORD);
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("\"name\":\"default\"");
    }

    private String official(String id) {
        User user = identityService.newUser(id);
        user.setFirstName("测");
        user.setLastName("试");
        user.setPassword(GOOD_PASSWORD);
        identityService.saveUser(user);
        users.add(id);
        return id;
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    }
}
