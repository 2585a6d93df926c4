package org.jiuzhu.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity service with our two additions, for every caller alike (our login page, HTTP
 * Basic on the REST API, identity/verify, a password change in Camunda Admin, the Java API):
 * <ul>
 *   <li>each password check passes the {@link IdentityRules} first (the login throttle) and reports its
 *       outcome to them;</li>
 *   <li>a password the policy refuses is a {@link BadUserRequestException} with the Chinese rules
 *       (a 400 from the REST API), not the engine's "Password does not match policy" (a 500).</li>
 * </ul>
 */
class ThrottledIdentityService extends IdentityServiceImpl {

    private final IdentityRules rules;

    ThrottledIdentityService(IdentityRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return rules.checkPassword(userId, () -> super.checkPassword(userId, password));
    }

    @Override
    public void saveUser(User user, boolean skipPasswordPolicy) {
        if (!skipPasswordPolicy && user instanceof UserEntity entity && entity.hasNewPassword()
                && commandExecutor.execute(context -> context.getProcessEngineConfiguration().isEnablePasswordPolicy()
                        && !entity.checkPasswordAgainstPolicy())) {
            throw new BadUserRequestException(rules.passwordRefusal());
        }
        super.saveUser(user, skipPasswordPolicy);
    }
}
