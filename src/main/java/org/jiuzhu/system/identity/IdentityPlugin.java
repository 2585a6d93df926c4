package org.jiuzhu.system.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts our identity rules into the engine: the never-locking, session-ending identity provider, the
 * throttled identity service and the password policy.
 */
@Component
public class IdentityPlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;
    private final PasswordRules passwordRules;
    // Looked up when first needed: the session repository is not needed to build the engine.
    private final ObjectProvider<UserSessions> userSessions;

    public IdentityPlugin(LoginThrottle throttle, PasswordProperties passwordProperties,
                          ObjectProvider<UserSessions> userSessions) {
        this.throttle = throttle;
        this.passwordRules = new PasswordRules(passwordProperties);
        this.userSessions = userSessions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return SessionEndingIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new SessionEndingIdentityProvider(userIds -> userSessions.getObject().end(userIds));
            }
        });
        configuration.setIdentityService(new ThrottledIdentityService(throttle, passwordRules));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(passwordRules);
    }
}
