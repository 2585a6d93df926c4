package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for our pages and the Camunda webapps; HTTP Basic for the REST API. */
@JiuzhuIntegrationTest
class SingleLoginTest {

    @LocalServerPort int port;

    @Nested
    class EngineRest {

        @Test
        void refusesAnAnonymousRequest() {
            HttpResponse<String> response = new WebSession(port).get("/engine-rest/process-definition");

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void answersAnOfficialWithBasicCredentials() {
            HttpResponse<String> response = new WebSession(port)
                    .getWithBasic("/engine-rest/process-definition", DONGMEN_OFFICER, PASSWORD);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("[");
        }

        @Test
        void refusesAWrongPassword() {
            HttpResponse<String> response = new WebSession(port)
                    .getWithBasic("/engine-rest/process-definition", WRONG_PASSWORD_USER_REST, "wrong");

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void answersTheModelersConnectionCheckOnlyWithCredentials() {
            String check = "/engine-rest/deployment?maxResults=0";
            assertThat(new WebSession(port).get(check).statusCode()).isEqualTo(401);
            assertThat(new WebSession(port).getWithBasic(check, ADMINISTRATOR, PASSWORD).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Pages {

        @Test
        void sendAnAnonymousVisitorToTheLoginPage() {
            HttpResponse<String> response = new WebSession(port).get("/");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }

        @Test
        void showTheChineseLoginPage() {
            HttpResponse<String> response = new WebSession(port).get("/login");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("工作人员登录", "用户名", "密码", "name=\"_csrf\"");
        }

        @Test
        void leadFromLoginToThePortalWithNameAndUnit() {
            WebSession session = new WebSession(port);

            HttpResponse<String> login = session.login(DONGMEN_OFFICER, PASSWORD);
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

            HttpResponse<String> portal = session.get("/");
            assertThat(portal.statusCode()).isEqualTo(200);
            assertThat(portal.body()).contains("李秀英", "清源县 / 城关街道 / 东门社区", "经办人", "/camunda/app/tasklist/");
            assertThat(portal.body()).doesNotContain("/camunda/app/admin/", "/admin/units");
        }

        @Test
        void rejectAWrongPasswordWithAChineseMessage() {
            WebSession session = new WebSession(port);

            HttpResponse<String> login = session.login(WRONG_PASSWORD_USER_PAGES, "not-the-password");

            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            assertThat(session.get("/login?error").body()).contains("用户名或密码错误");
            assertThat(session.get("/").statusCode()).isEqualTo(302);
        }

        @Test
        void refuseALoginWithoutCsrfToken() {
            WebSession session = new WebSession(port);

            HttpResponse<String> response = session.postWithoutCsrf("/login",
                    "username=" + DONGMEN_OFFICER + "&password=" + PASSWORD);

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void areOpenToTheHealthCheck() {
            HttpResponse<String> response = new WebSession(port).get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("UP");
        }
    }

    @Nested
    class CamundaWebapps {

        @Test
        void takeTheUserLoggedInOnThePortal() {
            WebSession session = new WebSession(port);
            session.login(QINGSHAN_VILLAGE_OFFICER, PASSWORD);

            assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
            HttpResponse<String> authentication = session.get("/camunda/api/admin/auth/user/default");

            assertThat(authentication.statusCode()).isEqualTo(200);
            assertThat(authentication.body()).contains("\"userId\":\"wangjianguo\"", "tasklist");
        }

        @Test
        void requireALogin() {
            WebSession session = new WebSession(port);

            assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
            assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        }

        @Test
        void grantCockpitToTheCountyButNotToAVillage() {
            WebSession county = new WebSession(port);
            county.login(COUNTY_OFFICER, PASSWORD);
            county.get("/camunda/app/cockpit/default/");
            assertThat(county.get("/camunda/api/admin/auth/user/default").body()).contains("cockpit");

            WebSession village = new WebSession(port);
            village.login(DONGMEN_OFFICER, PASSWORD);
            village.get("/camunda/app/tasklist/default/");
            assertThat(village.get("/camunda/api/admin/auth/user/default").body()).doesNotContain("cockpit");
        }

        @Test
        void endTheWholeSessionWhenLoggingOutOfAWebapp() {
            WebSession session = new WebSession(port);
            session.login(DONGMEN_OFFICER, PASSWORD);
            session.get("/camunda/app/tasklist/default/");

            HttpResponse<String> logout = session.postWithoutCsrf("/camunda/api/admin/auth/user/default/logout", "");

            assertThat(logout.statusCode()).isEqualTo(200);
            assertThat(session.get("/").statusCode()).isEqualTo(302);
        }

        @Test
        void leadTheNextLoginToThePortalNotToAFileTheLoggedOutPageStillFetched() {
            WebSession session = new WebSession(port);
            session.login(DONGMEN_OFFICER, PASSWORD);
            session.get("/camunda/app/tasklist/default/");
            session.postWithoutCsrf("/camunda/api/admin/auth/user/default/logout", "");
            assertThat(session.get("/camunda/assets/IBMPlexSans-Bold.woff?bust=7.24.0", "*/*").statusCode()).isEqualTo(302);

            HttpResponse<String> login = session.login(DONGMEN_OFFICER, PASSWORD);

            assertThat(login.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
        }

        @Test
        void leadTheLoginBackToTheWebappPageAskedFor() {
            WebSession session = new WebSession(port);
            String browsersAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
            assertThat(session.get("/camunda/app/cockpit/default/", browsersAccept).statusCode()).isEqualTo(302);

            HttpResponse<String> login = session.login(COUNTY_OFFICER, PASSWORD);

            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).contains("/camunda/app/cockpit/default/"));
        }
    }
}
