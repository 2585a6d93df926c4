package org.jiuzhu.system.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Whatever else a resource throws: a database error the engine did not wrap, a body cut off at its limit. */
@Provider
@Priority(1)
public class OtherErrorResponses implements ExceptionMapper<Throwable> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return EngineErrorResponses.of(exception, uriInfo);
    }
}
