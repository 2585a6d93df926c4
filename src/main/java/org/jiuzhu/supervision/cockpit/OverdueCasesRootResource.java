package org.jiuzhu.supervision.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

@Path("plugin/" + OverdueCasesPlugin.ID)
public class OverdueCasesRootResource extends AbstractCockpitPluginRootResource {

    public OverdueCasesRootResource() {
        super(OverdueCasesPlugin.ID);
    }

    @Path("{engineName}/overdue-tasks")
    public OverdueTasksResource overdueTasks(@PathParam("engineName") String engineName) {
        return subResource(new OverdueTasksResource(engineName), engineName);
    }
}
