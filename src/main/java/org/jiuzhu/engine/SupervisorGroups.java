package org.jiuzhu.engine;

import java.util.List;

/**
 * Whose task queries look across whole units: a Spring bean implementing it tells
 * {@link UnitAuthorizationManager} which users' task queries are checked row by row.
 */
public interface SupervisorGroups {

    /** Whether a user of these groups supervises (the groups of a user the engine acts for, never null). */
    boolean includeSupervisor(List<String> groupIds);
}
