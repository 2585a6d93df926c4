package org.jiuzhu.system.rest;

import java.util.List;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers our exception mappers with every JAX-RS application of the server: the engine's REST API and
 * the webapps' own applications (the engine API under /camunda/api/engine that Tasklist and Cockpit call
 * is Camunda's {@code EngineRestApplication}, out of reach of Spring Boot's Jersey customizers). Jersey
 * finds this class through META-INF/services and applies it to each application it starts.
 */
public class ErrorResponsesEverywhere implements ForcedAutoDiscoverable {

    private static final List<Class<?>> MAPPERS =
            List.of(UserErrorResponses.class, EngineExceptionResponses.class, OtherErrorResponses.class);

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER) {
            return;
        }
        for (Class<?> mapper : MAPPERS) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
