package org.jiuzhu.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** New and changed passwords follow the policy, whoever sets them; a refusal says why in Chinese. */
@JiuzhuIntegrationTest
class PasswordPolicyTest {

    private static final String GOOD_PASSWORD = "Lantern-Festival-88";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;

    private final List<String> users = new ArrayList<>();

    @AfterEach
    void deleteUsers() {
        users.forEach(identityService::deleteUser);
        users.clear();
    }

    @Test
    void refusesAShortPasswordForANewUser() {
        assertThatThrownBy(() -> create("policy_short", "王", "芳", "Ab1-x9"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("密码不符合要求")
                .hasMessageContaining("长度至少 8 个字符");
        assertThat(identityService.createUserQuery().userId("policy_short").count()).isZero();
    }

    @Test
    void refusesAPasswordWithTheUsersIdOrName() {
        assertThatThrownBy(() -> create("policy_name", "王", "芳", "POLICY_NAME-2026"))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不得包含用户名或姓名");
        assertThatThrownBy(() -> create("policy_name", "王", "芳", "我是王芳-2026"))
                .isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void refusesACommonPasswordInAnyCase() {
        assertThatThrownBy(() -> create("policy_common", "王", "芳", "Password123"))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不得使用常见密码");
        assertThatThrownBy(() -> create("policy_common", "王", "芳", "1qaz2wsx"))
                .isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void acceptsAGoodPasswordAndTheDemoPassword() {
        create("policy_good", "王", "芳", GOOD_PASSWORD);
        create("policy_demo", "王", "芳", PASSWORD);

        assertThat(identityService.checkPassword("policy_good", GOOD_PASSWORD)).isTrue();
        assertThat(identityService.checkPassword("policy_demo", PASSWORD)).isTrue();
    }

    @Test
    void appliesToAChangedPassword() {
        create("policy_change", "王", "芳", GOOD_PASSWORD);
        User user = identityService.createUserQuery().userId("policy_change").singleResult();
        user.setPassword("12345678");

        assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(BadUserRequestException.class);
        assertThat(identityService.checkPassword("policy_change", GOOD_PASSWORD)).isTrue();
    }

    @Test
    void refusesAWeakPasswordOverRestWithA400AndTheRules() throws IOException {
        String weak = """
                {"profile": {"id": "policy_rest", "firstName": "王", "lastName": "芳"},
                 "credentials": {"password": "qwerty123"}}""";

        HttpResponse<String> created = new WebSession(port).postJsonWithBasic("/engine-rest/user/create", weak,
                ADMINISTRATOR, PASSWORD);

        assertThat(created.statusCode()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(created.body());
        assertThat(error.path("type").asText()).isEqualTo("BadUserRequestException");
        assertThat(error.path("message").asText()).contains("密码不符合要求", "长度至少 8 个字符", "不得使用常见密码");
        assertThat(identityService.createUserQuery().userId("policy_rest").count()).isZero();
    }

    @Test
    void refusesAWeakPasswordChangeOverRest() {
        create("policy_rest_change", "王", "芳", GOOD_PASSWORD);

        HttpResponse<String> changed = new WebSession(port).sendWithBasic("PUT", "/engine-rest/user/policy_rest_change/credentials",
                "{\"password\": \"abc\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}", ADMINISTRATOR, PASSWORD);

        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(changed.body()).contains("密码不符合要求");
        assertThat(identityService.checkPassword("policy_rest_change", GOOD_PASSWORD)).isTrue();
    }

    @Test
    void showsEveryRuleToCamundaAdminWithAChineseLabel() throws IOException {
        HttpResponse<String> policy = new WebSession(port).getWithBasic("/engine-rest/identity/password-policy",
                ADMINISTRATOR, PASSWORD);

        assertThat(policy.statusCode()).isEqualTo(200);
        JsonNode rules = new ObjectMapper().readTree(policy.body()).path("rules");
        List<String> placeholders = new ArrayList<>();
        rules.forEach(rule -> placeholders.add(rule.path("placeholder").asText()));
        assertThat(placeholders).containsExactly("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA", "PASSWORD_POLICY_COMMON");
        assertThat(rules.get(0).path("parameter").path("minLength").asText()).isEqualTo("8");
        JsonNode labels = adminTranslations().path("labels");
        for (PasswordPolicyRule rule : identityService.getPasswordPolicy().getRules()) {
            assertThat(labels.path(rule.getPlaceholder()).asText()).as(rule.getPlaceholder()).matches(".*\\p{IsHan}.*");
        }
    }

    private void create(String id, String surname, String givenName, String password) {
        User user = identityService.newUser(id);
        user.setFirstName(surname);
        user.setLastName(givenName);
        user.setPassword(password);
        identityService.saveUser(user);
        users.add(id);
    }

    private static JsonNode adminTranslations() throws IOException {
        try (InputStream in = PasswordPolicyTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/camunda/app/admin/locales/zh.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
