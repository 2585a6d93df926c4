package org.jiuzhu.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
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

    private final SupervisorGroups supervisors;

    public UnitAuthorizationManager(SupervisorGroups supervisors) {
        this.supervisors = supervisors;
    }

    /**
     * Task queries that look across a whole unit's or county's work ({@link SupervisorGroups}) check each
     * task against the user's grants one by one (the engine's per-row form, which it otherwise uses only
     * once REVOKE grants exist; it honours them too) instead of joining every candidate task to every task grant of the user.
     * The join costs candidates × grants: a county supervisor holds a grant for every task escalated to
     * them and one for every 督办 task of theirs, and the overdue and due-today views take every overdue
     * task of the unit as a candidate — 1000 × 2000 rows for the county's 已逾期 count at 200,000 cases
     * (210 ms by join, 40 ms row by row; docs/performance.md §11). Officials' own lists stay with the join, which is
     * cheaper for them (a third of the pipeline's throughput when every query used the per-row form).
     */
    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        AuthorizationCheck check = query.getAuthCheck();
        if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
                && (query.getDueBefore() != null || query.getDueDate() != null || isSupervisor(check.getAuthGroupIds()))) {
            check.setRevokeAuthorizationCheckEnabled(true);
        }
    }

    private boolean isSupervisor(List<String> groupIds) {
        return groupIds != null && supervisors.includeSupervisor(groupIds);
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
}
