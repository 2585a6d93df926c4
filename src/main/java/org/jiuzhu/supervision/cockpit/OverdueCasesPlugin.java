package org.jiuzhu.supervision.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Cockpit plugin 逾期案件: a dashboard panel with the overdue tasks the user may see, counted by
 * township and stage, then listed a page at a time, narrowed to a township on request. Front end:
 * {@code plugin-webapp/overdue-cases/app/plugin.js}.
 */
public class OverdueCasesPlugin extends AbstractCockpitPlugin {

    public static final String ID = "overdue-cases";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(OverdueCasesRootResource.class);
    }
}
