package org.jiuzhu.system.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization checks run through {@link UnitAuthorizationManager}, which keeps every
 * group of the user instead of first reading which groups hold grants in the whole table.
 */
@JiuzhuIntegrationTest
class UnitAuthorizationManagerTest {

    private static final String GROUP_WITHOUT_GRANTS = "test-group-without-grants";

    @Autowired ProcessEngine engine;

    @Test
    void isTheManagerTheEngineUses() {
        AuthorizationManager manager = commandExecutor().execute(context -> context.getAuthorizationManager());

        assertThat(manager).isInstanceOf(UnitAuthorizationManager.class);
    }

    @Test
    void keepsEveryGroupOfTheUserAlsoOnesWithoutGrants() {
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(GROUP_WITHOUT_GRANTS).count())
                .isZero();
        String groupWithGrants = engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.PROCESS_DEFINITION).list().stream()
                .map(authorization -> authorization.getGroupId()).filter(group -> group != null)
                .findFirst().orElseThrow();

        List<String> groups = commandExecutor().execute(context -> context.getAuthorizationManager()
                .filterAuthenticatedGroupIds(List.of(groupWithGrants, GROUP_WITHOUT_GRANTS, groupWithGrants)));

        assertThat(groups).containsExactly(groupWithGrants, GROUP_WITHOUT_GRANTS);
        assertThat(new UnitAuthorizationManager().filterAuthenticatedGroupIds(null)).isEmpty();
    }

    private CommandExecutor commandExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
