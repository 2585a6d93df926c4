package org.jiuzhu.system.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's identity service with our two additions, for every caller alike (our login page, HTTP
 * Basic on the REST API, identity/verify, a password change in Camunda Admin, the Java API):
 * <ul>
 *   <li>each password check passes the {@link LoginThrottle} first and reports its outcome to it;</li>
 *   <li>a password the policy refuses is a {@link BadUserRequestException} with the Chinese rules
 *       (a 400 from the REST API), not the engine's "Password does not match policy" (a 500).</li>
 * </ul>
 */
class ThrottledIdentityService extends IdentityServiceImpl {

    private final LoginThrottle throttle;
    private final PasswordRules passwordRules;

    ThrottledIdentityService(LoginThrottle throttle, PasswordRules passwordRules) {
        this.throttle = throttle;
        this.passwordRules = passwordRules;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                ? web.getRequest() : null;
        LoginThrottle.Attempt attempt = throttle.begin(userId,
                request == null ? null : request.getRemoteAddr(), request == null ? null : request.getRequestURI());
        boolean valid = super.checkPassword(userId, password);
        if (valid) {
            throttle.succeeded(attempt);
        } else {
            throttle.failed(attempt);
        }
        return valid;
    }

    @Override
    public void saveUser(User user, boolean skipPasswordPolicy) {
        if (!skipPasswordPolicy && user instanceof UserEntity entity && entity.hasNewPassword()
                && commandExecutor.execute(context -> context.getProcessEngineConfiguration().isEnablePasswordPolicy()
                        && !entity.checkPasswordAgainstPolicy())) {
            throw new BadUserRequestException(passwordRules.refusal());
        }
        super.saveUser(user, skipPasswordPolicy);
    }
}
