package org.jiuzhu.supervision.cockpit;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jiuzhu.supervision.OverdueOverview;
import org.jiuzhu.system.SpringBeans;

/** {@code GET plugin/overdue-cases/<engine>/overdue-tasks}: the overdue tasks the logged-in user may see. */
public class OverdueTasksResource extends AbstractCockpitPluginResource {

    public OverdueTasksResource(String engineName) {
        super(engineName);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<OverdueOverview.OverdueTask> list() {
        Authentication user = getCurrentAuthentication();
        if (user == null) {
            return List.of();
        }
        return SpringBeans.get(OverdueOverview.class).visibleTo(user.getUserId(), user.getGroupIds());
    }
}
