package org.jiuzhu.system.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * Our password policy, applied by the engine to every new or changed password (Camunda Admin, REST,
 * Java API): a minimum length, none of the user's own id or names, none of the common passwords.
 * Camunda Admin shows each rule by its placeholder, translated in {@code admin/locales/zh.json}.
 */
public class PasswordRules implements PasswordPolicy {

    /** A rule with the Chinese sentence a refusal quotes. */
    interface Rule extends PasswordPolicyRule {
        String description();
    }

    private final List<Rule> rules;

    public PasswordRules(PasswordProperties properties) {
        this.rules = List.of(new MinimumLength(properties.minLength()), new NoUserData(),
                new NotCommon(readList(properties)));
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.copyOf(rules);
    }

    /** What a refused password is told: every rule, since the refusal does not know which one failed. */
    public String refusal() {
        return "密码不符合要求：" + rules.stream().map(Rule::description).collect(Collectors.joining("；")) + "。";
    }

    private static Set<String> readList(PasswordProperties properties) {
        try (InputStream in = properties.commonPasswords().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common passwords " + properties.commonPasswords(), e);
        }
    }

    /** Placeholder and parameter as Camunda's own length rule, so Admin's label fits. */
    record MinimumLength(int minLength) implements Rule {

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_LENGTH";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("minLength", String.valueOf(minLength));
        }

        @Override
        public boolean execute(String candidatePassword) {
            return candidatePassword.codePointCount(0, candidatePassword.length()) >= minLength;
        }

        @Override
        public String description() {
            return "长度至少 " + minLength + " 个字符";
        }
    }

    /**
     * Not the user id, the surname, the given name or the whole name (李秀英 as well as 秀英李) in any
     * case. A single character is no name to avoid: one-character given names are common.
     */
    record NoUserData() implements Rule {

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_USER_DATA";
        }

        @Override
        public Map<String, String> getParameters() {
            return null;
        }

        @Override
        public boolean execute(String candidatePassword) {
            return true;
        }

        @Override
        public boolean execute(String candidatePassword, User user) {
            if (user == null) {
                return true;
            }
            String password = candidatePassword.toLowerCase(Locale.ROOT);
            String first = Objects.toString(user.getFirstName(), "");
            String last = Objects.toString(user.getLastName(), "");
            return Stream.of(user.getId(), first, last, first + last, last + first)
                    .filter(Objects::nonNull)
                    .map(part -> part.strip().toLowerCase(Locale.ROOT))
                    .filter(part -> part.codePointCount(0, part.length()) > 1)
                    .noneMatch(password::contains);
        }

        @Override
        public String description() {
            return "不得包含用户名或姓名";
        }
    }

    /** Not on the list of common passwords, in any case. */
    record NotCommon(Set<String> common) implements Rule {

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_COMMON";
        }

        @Override
        public Map<String, String> getParameters() {
            return null;
        }

        @Override
        public boolean execute(String candidatePassword) {
            return !common.contains(candidatePassword.strip().toLowerCase(Locale.ROOT));
        }

        @Override
        public String description() {
            return "不得使用常见密码（如 123456、password、qwerty123）";
        }
    }
}
