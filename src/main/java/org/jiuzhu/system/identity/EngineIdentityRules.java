package org.jiuzhu.system.identity;

import java.util.Collection;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.jiuzhu.engine.IdentityRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The engine's identity rules: the {@link LoginThrottle}, the {@link PasswordRules}, {@link UserSessions}. */
@Component
class EngineIdentityRules implements IdentityRules {

    private final LoginThrottle throttle;
    private final PasswordRules passwordRules;
    // Looked up when first needed: the session repository is not needed to build the engine.
    private final ObjectProvider<UserSessions> userSessions;

    EngineIdentityRules(LoginThrottle throttle, PasswordProperties passwordProperties,
                        ObjectProvider<UserSessions> userSessions) {
        this.throttle = throttle;
        this.passwordRules = new PasswordRules(passwordProperties);
        this.userSessions = userSessions;
    }

    @Override
    public boolean checkPassword(String userId, BooleanSupplier check) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                ? web.getRequest() : null;
        LoginThrottle.Attempt attempt = throttle.begin(userId,
                request == null ? null : request.getRemoteAddr(), request == null ? null : request.getRequestURI());
        boolean valid = check.getAsBoolean();
        if (valid) {
            throttle.succeeded(attempt);
        } else {
            throttle.failed(attempt);
        }
        return valid;
    }

    @Override
    public PasswordPolicy passwordPolicy() {
        return passwordRules;
    }

    @Override
    public String passwordRefusal() {
        return passwordRules.refusal();
    }

    @Override
    public void endSessions(Collection<String> userIds) {
        userSessions.getObject().end(userIds);
    }
}
