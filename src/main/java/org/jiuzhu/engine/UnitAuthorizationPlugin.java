package org.jiuzhu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Makes the engine use {@link UnitAuthorizationManager} wherever it asks for its authorization manager. */
@Component
public class UnitAuthorizationPlugin extends AbstractProcessEnginePlugin {

    private final Supplier<List<SupervisorGroups>> supervisors;

    public UnitAuthorizationPlugin(ObjectProvider<SupervisorGroups> supervisors) {
        this.supervisors = LaterBeans.of(supervisors);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        SupervisorGroups anyOfThem = groupIds -> supervisors.get().stream().anyMatch(s -> s.includeSupervisor(groupIds));
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UnitAuthorizationManager(anyOfThem);
            }
        });
    }
}
