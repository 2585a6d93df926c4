package org.jiuzhu.system.authorization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its first step: before every authorization check the
 * engine reads {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} to drop the user's groups
 * that hold no grant at all. Every case grants its units, so that table grows with the history (some
 * four rows per finished case) and the scan with it: 326 ms per command at 200,000 cases (see
 * docs/performance.md). Our officials belong to two or three groups, so checking all of them costs
 * nothing, and a group without grants matches no row anyway: what a user may see does not change.
 */
public class UnitAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
}
