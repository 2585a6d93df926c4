package org.jiuzhu.system.rest;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON mapper for the engine's REST API (/engine-rest), configured exactly as Camunda configures
 * its own ({@link JacksonConfigurator#configureObjectMapper}). Camunda's resolver builds a new mapper
 * for every lookup, several per request, so Jackson built its serializers and deserializers afresh each
 * time: about a tenth of a REST request's CPU in the benchmark (docs/performance.md). A mapper is
 * thread-safe once configured, and Jackson copies the date format for each use.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
@Priority(1)
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

    private static final AtomicLong LOOKUPS = new AtomicLong();

    private static final class Holder {
        // Built on first use, after the starter has set JacksonConfigurator's date format.
        static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        LOOKUPS.incrementAndGet();
        return Holder.MAPPER;
    }

    /** How often the REST API has asked this resolver for its mapper (for the test that it is in use). */
    static long lookups() {
        return LOOKUPS.get();
    }
}
