package org.jiuzhu.system.rest;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.jiuzhu.system.SpringBeans;
import org.jiuzhu.system.web.ErrorTexts;
import org.jiuzhu.system.web.KnownFailures;

/**
 * How the engine's REST API and the webapps' APIs answer an exception: a known failure with its 4xx and
 * Chinese message ({@link KnownFailures}); Jersey's own 404, 405, 415 … in Chinese; a server error with a
 * Chinese message and none of the engine's, Java's or the database's words (Camunda logs them); everything
 * else (the engine's 400s and 404s about a request) as Camunda answers it.
 */
final class EngineErrorResponses {

    private static final Pattern TASK_COMPLETION = Pattern.compile("(?:.*/)?task/([^/]+)/(?:submit-form|complete)");

    private EngineErrorResponses() {
    }

    static Response of(Throwable thrown, UriInfo uriInfo) {
        Optional<KnownFailures.Failure> known = KnownFailures.of(thrown, uriInfo == null ? null : uriInfo.getPath());
        if (known.isPresent()) {
            return json(known.get().status(), known.get().type(), known.get().message());
        }
        if (thrown instanceof WebApplicationException web && !web.getResponse().hasEntity()
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return json(status, thrown.getClass().getSimpleName(), ErrorTexts.of(status).explanation());
        }
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(thrown);
        if (camunda.getStatus() >= 500 && completedMeanwhile(uriInfo)) {
            // Two officials completed the task at the same moment and the engine tripped over the other's
            // completion before noticing the conflict: the task is done, which is what this one is told.
            return json(404, "NotFoundException", KnownFailures.TASK_GONE);
        }
        if (camunda.getStatus() >= 500) {
            return json(camunda.getStatus(), ErrorTexts.apiType(camunda.getStatus()),
                    ErrorTexts.of(camunda.getStatus()).explanation());
        }
        return camunda;
    }

    /** Whether the request completed a task that no longer exists (another official's completion won). */
    private static boolean completedMeanwhile(UriInfo uriInfo) {
        Matcher completion = uriInfo == null ? null : TASK_COMPLETION.matcher(uriInfo.getPath());
        if (completion == null || !completion.matches()) {
            return false;
        }
        TaskService tasks = SpringBeans.get(ProcessEngine.class).getTaskService();
        return tasks.createTaskQuery().taskId(completion.group(1)).count() == 0;
    }

    static Response json(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }
}
