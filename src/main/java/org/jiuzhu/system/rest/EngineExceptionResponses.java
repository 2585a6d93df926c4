package org.jiuzhu.system.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.ProcessEngineException;

/** The engine's exceptions thrown straight through a resource: a lost claim, an optimistic lock, no permission. */
@Provider
@Priority(1)
public class EngineExceptionResponses implements ExceptionMapper<ProcessEngineException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessEngineException exception) {
        return EngineErrorResponses.of(exception, uriInfo);
    }
}
