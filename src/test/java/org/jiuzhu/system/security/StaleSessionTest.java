package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change to who a user is or which groups they are in ends that user's sessions at once, whoever makes
 * it and however (REST, Java API); sessions also end after the configured idle time.
 */
@JiuzhuIntegrationTest
class StaleSessionTest {

    private static final String UNIT_GROUP = "village-" + VILLAGE_DONGMEN;
    private static final String GOOD_PASSWORD = "Lantern-Festival-88";
    private static final String OTHER_PASSWORD = "Dragon-Boat-Race-66";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired SessionProperties sessionProperties;
    @Autowired JdbcClient jdbc;
    @Value("${server.servlet.session.timeout}") Duration visitorTimeout;

    private final List<String> users = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();

    @AfterEach
    void deleteUsersAndGroups() {
        users.stream().filter(id -> identityService.createUserQuery().userId(id).count() > 0)
                .forEach(identityService::deleteUser);
        groups.stream().filter(id -> identityService.createGroupQuery().groupId(id).count() > 0)
                .forEach(identityService::deleteGroup);
        users.clear();
        groups.clear();
    }

    @Test
    void endsTheSessionsOfAnOfficialRemovedFromTheirUnitOverRest() {
        String official = official("stale_removed", UNIT_GROUP);
        WebSession session = loggedIn(official);
        WebSession bystander = loggedIn(XIMEN_OFFICER, PASSWORD);

        assertThat(new WebSession(port).sendWithBasic("DELETE", "/engine-rest/group/" + UNIT_GROUP + "/members/" + official,
                null, ADMINISTRATOR, PASSWORD).statusCode()).isEqualTo(204);

        assertThat(session.get("/").statusCode()).isEqualTo(302);
        assertThat(bystander.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void endsTheSessionsOfADeletedUser() {
        String official = official("stale_deleted", UNIT_GROUP);
        WebSession session = loggedIn(official);
        session.get("/camunda/app/tasklist/default/");

        identityService.deleteUser(official);

        assertThat(session.get("/").statusCode()).isEqualTo(302);
        assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    }

    @Test
    void endsTheSessionsOfAUserWhosePasswordChanged() {
        String official = official("stale_password", UNIT_GROUP);
        WebSession session = loggedIn(official);

        assertThat(new WebSession(port).sendWithBasic("PUT", "/engine-rest/user/" + official + "/credentials",
                "{\"password\": \"" + OTHER_PASSWORD + "\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}",
                ADMINISTRATOR, PASSWORD).statusCode()).isEqualTo(204);

        assertThat(session.get("/").statusCode()).isEqualTo(302);
        assertThat(loggedIn(official, OTHER_PASSWORD).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheSessionWhenOnlyTheNameChanged() {
        String official = official("stale_renamed", UNIT_GROUP);
        WebSession session = loggedIn(official);
        User user = identityService.createUserQuery().userId(official).singleResult();
        user.setLastName("试试");

        identityService.saveUser(user);

        assertThat(session.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void endsTheSessionsOfAUserGivenAnotherGroupSoTheyLogInWithTheirNewRights() {
        String official = official("stale_added", UNIT_GROUP);
        WebSession session = loggedIn(official);

        identityService.createMembership(official, group("stale-added-group"));

        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void endsTheSessionsOfTheMembersOfADeletedGroup() {
        String official = official("stale_group_member", group("stale-deleted-group"));
        WebSession session = loggedIn(official);

        identityService.deleteGroup("stale-deleted-group");

        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void endsAnOfficialsSessionAfterTheIdleTimeoutButKeepsAVisitorsOpenForm() {
        String official = official("stale_idle", UNIT_GROUP);
        WebSession session = loggedIn(official);
        WebSession citizen = new WebSession(port);
        String csrfToken = citizen.csrfToken("/status");
        assertThat(sessionProperties.idleTimeout()).isLessThan(visitorTimeout);

        long idle = sessionProperties.idleTimeout().plusMinutes(1).toMillis();
        assertThat(jdbc.sql("update spring_session set last_access_time = last_access_time - ? where principal_name = ?")
                .params(idle, official).update()).isOne();
        jdbc.sql("update spring_session set last_access_time = last_access_time - ? where principal_name is null")
                .param(idle).update();

        assertThat(session.get("/").statusCode()).isEqualTo(302);
        assertThat(citizen.postFormWithToken("/status", java.util.Map.of("applicationNo", "DB-341899-20260101-9999",
                "idLast4", "1234"), csrfToken).statusCode()).isEqualTo(200);
    }

    private String official(String id, String groupId) {
        User user = identityService.newUser(id);
        user.setFirstName("测");
        user.setLastName("试");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        users.add(id);
        identityService.createMembership(id, groupId);
        return id;
    }

    private String group(String id) {
        Group group = identityService.newGroup(id);
        group.setName("测试组");
        identityService.saveGroup(group);
        groups.add(id);
        return id;
    }

    private WebSession loggedIn(String userId) {
        return loggedIn(userId, PASSWORD);
    }

    private WebSession loggedIn(String userId, String password) {
        WebSession session = new WebSession(port);
        assertThat(session.login(userId, password).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        return session;
    }
}
