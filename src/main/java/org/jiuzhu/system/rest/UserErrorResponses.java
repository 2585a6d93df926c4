package org.jiuzhu.system.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The REST API reports a process start that our checks refused (a bad start form: a wrong ID
 * number, a village outside the official's unit, no emergency) as a 500 "Cannot instantiate process
 * definition …". It is the caller's error: 400 with our Chinese message, as for task forms. Other
 * failures wrapped the same way go to {@link EngineErrorResponses}.
 */
@Provider
@Priority(1)
public class UserErrorResponses implements ExceptionMapper<RestException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refused) {
                return EngineErrorResponses.json(400, BadUserRequestException.class.getSimpleName(), refused.getMessage());
            }
        }
        return EngineErrorResponses.of(exception, uriInfo);
    }
}
