package org.jiuzhu.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Puts our {@link IdentityRules} into the engine: the never-locking, session-ending identity provider, the
 * throttled identity service and the password policy.
 */
@Component
public class IdentityPlugin extends AbstractProcessEnginePlugin {

    private final IdentityRules rules;

    public IdentityPlugin(IdentityRules rules) {
        this.rules = rules;
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
                return new SessionEndingIdentityProvider(rules::endSessions);
            }
        });
        configuration.setIdentityService(new ThrottledIdentityService(rules));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(rules.passwordPolicy());
    }
}
