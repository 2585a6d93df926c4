package org.jiuzhu.system.rest;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The REST API reports a process start that our checks refused (a bad start form: a wrong ID
 * number, a village outside the official's unit, no emergency) as a 500 "Cannot instantiate process
 * definition …". It is the caller's error: 400 with our Chinese message, as for task forms.
 */
@Provider
@Priority(1)
public class UserErrorResponses implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refused) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", BadUserRequestException.class.getSimpleName(), "message", refused.getMessage()))
                        .build();
            }
        }
        return camundaHandler.toResponse(exception);
    }
}
