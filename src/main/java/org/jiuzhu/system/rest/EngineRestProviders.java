package org.jiuzhu.system.rest;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Registers our providers with the engine's REST API (/engine-rest), ahead of Camunda's own. The exception
 * mappers go to every JAX-RS application ({@link ErrorResponsesEverywhere}).
 */
@Component
class EngineRestProviders implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(SharedRestObjectMapper.class);
    }
}
