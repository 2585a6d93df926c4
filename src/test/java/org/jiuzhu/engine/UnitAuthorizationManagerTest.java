package org.jiuzhu.engine;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.jiuzhu.organisation.UnitGroups;
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
        assertThat(new UnitAuthorizationManager(groupIds -> false).filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    void checksOverdueViewsAndSupervisorsTasksRowByRowAndOfficialsOwnListsByJoin() {
        List<String> village = List.of("village-341899100201");
        List<String> supervisor = List.of("county-341899000000-supervisors", UnitGroups.SUPERVISORS);

        assertThat(rowByRow("wangjianguo", village, query -> query)).isFalse();
        assertThat(rowByRow("wangjianguo", village, query -> (TaskQueryImpl) query.taskCandidateGroup(village.get(0))))
                .isFalse();
        assertThat(rowByRow("wangjianguo", village, query -> (TaskQueryImpl) query.dueBefore(new Date()))).isTrue();
        assertThat(rowByRow("wangjianguo", village, query -> (TaskQueryImpl) query.dueDate(new Date()))).isTrue();
        assertThat(rowByRow("zhengyan", supervisor, query -> query)).isTrue();
    }

    /** Whether a task query of this user is checked row by row (the engine's per-row form) rather than by join. */
    private boolean rowByRow(String userId, List<String> groupIds, UnaryOperator<TaskQueryImpl> criteria) {
        engine.getIdentityService().setAuthentication(userId, groupIds);
        try {
            return commandExecutor().execute(context -> {
                TaskQueryImpl query = criteria.apply(new TaskQueryImpl());
                context.getAuthorizationManager().configureTaskQuery(query);
                assertThat(query.getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
                return query.getAuthCheck().isRevokeAuthorizationCheckEnabled();
            });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private CommandExecutor commandExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
