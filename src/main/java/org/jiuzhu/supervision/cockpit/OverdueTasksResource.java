package org.jiuzhu.supervision.cockpit;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.supervision.OverdueOverview;
import org.jiuzhu.system.SpringBeans;

/**
 * {@code GET plugin/overdue-cases/<engine>/overdue-tasks}: the overdue tasks the logged-in user may
 * see, one page at a time ({@code firstResult}, {@code maxResults}, optionally {@code townshipCode});
 * {@code …/overdue-tasks/summary}: how many, by township and stage. Only for users who may use Cockpit:
 * Camunda's filter lets every logged-in user call a Cockpit plugin's resources.
 */
public class OverdueTasksResource extends AbstractCockpitPluginResource {

    static final int DEFAULT_MAX_RESULTS = 50;
    /** A page the browser still renders quickly; larger requests get this many. */
    static final int MAX_RESULTS_CAP = 200;
    static final String COCKPIT = "cockpit";

    public OverdueTasksResource(String engineName) {
        super(engineName);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response page(@QueryParam("firstResult") String firstResult, @QueryParam("maxResults") String maxResults,
                         @QueryParam("townshipCode") String townshipCode) {
        // Parsed here rather than as int parameters: JAX-RS answers a malformed number with 404.
        int first;
        int max;
        try {
            first = pagingParameter("firstResult", firstResult, 0, 0);
            max = Math.min(MAX_RESULTS_CAP, pagingParameter("maxResults", maxResults, DEFAULT_MAX_RESULTS, 1));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        String township = townshipCode == null || townshipCode.isBlank() ? null : townshipCode.strip();
        if (!mayUseCockpit()) {
            return forbidden();
        }
        try {
            return Response.ok(SpringBeans.get(OverdueOverview.class)
                    .pageFor(CurrentUser.groupIds(identityService()), township, first, max)).build();
        } catch (OverdueOverview.UnknownTownshipException e) {
            return badRequest(e.getMessage());
        }
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        if (!mayUseCockpit()) {
            return forbidden();
        }
        return Response.ok(SpringBeans.get(OverdueOverview.class).summaryFor(CurrentUser.groupIds(identityService()))).build();
    }

    /** The webapp's user, whom the engine acts for during the request. */
    private IdentityService identityService() {
        return getProcessEngine().getIdentityService();
    }

    private boolean mayUseCockpit() {
        IdentityService identityService = identityService();
        return CurrentUser.isKnown(identityService) && getProcessEngine().getAuthorizationService().isUserAuthorized(
                CurrentUser.id(identityService), CurrentUser.groupIds(identityService), Permissions.ACCESS,
                Resources.APPLICATION, COCKPIT);
    }

    private static int pagingParameter(String name, String value, int absent, int minimum) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as a number out of range is
        }
        throw new IllegalArgumentException("分页参数无效：" + name + " 应为不小于 " + minimum + " 的整数，收到“" + value + "”。");
    }

    private static Response badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, message);
    }

    private static Response forbidden() {
        return error(Response.Status.FORBIDDEN, "没有权限：逾期案件只对可以使用流程监控（Cockpit）的用户开放。");
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", message)).build();
    }
}
