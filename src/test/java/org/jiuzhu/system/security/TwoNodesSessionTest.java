package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.jiuzhu.support.Households;
import org.jiuzhu.support.TwoNodes;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two nodes on one PostgreSQL database behind a load balancer that sends each request anywhere: a
 * session, its CSRF tokens and the progress lookup's guess limit hold on both, and across a crash.
 * The database is {@code jiuzhu_test} unless {@value TwoNodes#DATABASE_PROPERTY} names another; the test
 * seeds no demo data there (PostgresPlatformTest checks there is none) but makes its own user.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "jiuzhu.test.postgres", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesSessionTest {

    private static final String PASSWORD = "Lantern-Festival-88";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String official = "nodes_" + suffix;
    private final String group = "nodes-" + suffix;
    private TwoNodes nodes;

    @BeforeAll
    void startTwoNodes() {
        nodes = TwoNodes.start(TwoNodes.database());
        asAdministrator("POST", "/engine-rest/group/create", "{\"id\": \"" + group + "\", \"name\": \"两节点测试\", \"type\": \"TEST\"}");
        asAdministrator("POST", "/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "节", "lastName": "点"}, "credentials": {"password": "%s"}}"""
                .formatted(official, PASSWORD));
        asAdministrator("PUT", "/engine-rest/group/" + group + "/members/" + official, null);
        // Tasklist for the user (resource type 0: application).
        asAdministrator("POST", "/engine-rest/authorization/create", """
                {"type": 1, "permissions": ["ACCESS"], "userId": "%s", "resourceType": 0, "resourceId": "tasklist"}"""
                .formatted(official));
    }

    @AfterAll
    void stopTwoNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void aLoginOnOneNodeHoldsOnTheOtherForOurPagesAndTasklist() {
        WebSession onA = nodes.a().session();
        assertThat(onA.login(official, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));

        WebSession onB = onA.on(nodes.b().port());
        HttpResponse<String> portal = onB.get("/");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("节点");
        assertThat(onB.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(onB.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + official + "\"");
    }

    @Test
    @Order(2)
    void aCitizensFormFromOneNodeIsAcceptedByTheOther() {
        WebSession citizen = nodes.a().session();
        String csrfToken = citizen.csrfToken("/apply");

        // No village is registered in this database: the form comes back with its errors, not refused as forged.
        HttpResponse<String> posted = citizen.on(nodes.b().port()).postFormWithToken("/apply",
                Households.formFields(Households.poorFamilyBornIn(1958, 31)), csrfToken);

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("name=\"applicantIdNumber\"");
    }

    @Test
    @Order(3)
    void theProgressLookupCountsTheMissesOfBothNodes() {
        WebSession onA = nodes.a().session();
        String csrfToken = onA.csrfToken("/status");
        WebSession onB = onA.on(nodes.b().port());
        Map<String, String> guess = Map.of("applicationNo", "DB-341700-20260101-" + suffix.substring(0, 4).toUpperCase(),
                "idLast4", "1234");

        for (int i = 0; i < 10; i++) {
            assertThat((i % 2 == 0 ? onA : onB).postFormWithToken("/status", guess, csrfToken).body())
                    .contains("未找到与申请编号和身份证号后四位相符的申请");
        }

        assertThat(onA.postFormWithToken("/status", guess, csrfToken).body()).contains("查询失败次数过多");
        assertThat(onB.postFormWithToken("/status", guess, csrfToken).body()).contains("查询失败次数过多");
    }

    @Test
    @Order(4)
    void aChangeOnOneNodeEndsTheUsersSessionOnBoth() {
        WebSession onA = nodes.a().session();
        onA.login(official, PASSWORD);
        WebSession onB = onA.on(nodes.b().port());
        assertThat(onB.get("/").statusCode()).isEqualTo(200);

        asAdministratorOn(nodes.b(), "DELETE", "/engine-rest/group/" + group + "/members/" + official, null);

        assertThat(onA.get("/").statusCode()).isEqualTo(302);
        assertThat(onB.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(5)
    void aSessionOutlivesACrashOfItsNode() {
        WebSession session = nodes.a().session();
        session.login(official, PASSWORD);

        TwoNodes.Node restarted = nodes.restartA(true);

        assertThat(session.on(restarted.port()).get("/").statusCode()).isEqualTo(200);
    }

    private void asAdministrator(String method, String path, String json) {
        asAdministratorOn(nodes.a(), method, path, json);
    }

    private static void asAdministratorOn(TwoNodes.Node node, String method, String path, String json) {
        assertThat(node.session().sendWithBasic(method, path, json, TwoNodes.ADMINISTRATOR, TwoNodes.ADMINISTRATOR_PASSWORD)
                .statusCode()).as(method + " " + path).isBetween(200, 299);
    }
}
