package org.jiuzhu.system.web;

import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;

import org.apache.catalina.core.StandardHost;
import org.camunda.bpm.engine.ProcessEngine;
import org.jiuzhu.engine.EngineRequests;
import org.jiuzhu.system.forms.FormFields;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hygiene every request passes (issue #17): marked for the statement timeout, held to its body size,
 * free of NUL characters, our pages with their security headers, the engine's APIs guarded for officials,
 * and errors answered in Chinese. The first filters run before Spring Security (order -100) and before
 * anything else reads the request; the guard after the authentication (101).
 */
@Configuration
class RequestHygieneConfiguration {

    @Bean
    FilterRegistrationBean<RequestThreads> requestThreadsFilter() {
        FilterRegistrationBean<RequestThreads> registration =
                registration(new RequestThreads(), "jiuzhu-request-threads", Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        return registration(new SecurityHeadersFilter(), "jiuzhu-security-headers", Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestSettings settings) {
        return registration(new RequestSizeFilter(settings), "jiuzhu-request-size", Ordered.HIGHEST_PRECEDENCE + 20);
    }

    /** After the character encoding filter (the form fields are decoded once, as UTF-8) and the size limit. */
    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter() {
        return registration(new NulCharacterFilter(), "jiuzhu-nul-characters", Ordered.HIGHEST_PRECEDENCE + 30);
    }

    /** After the REST API's and the webapps' authentication (101) and the engine identity of our pages (102). */
    @Bean
    FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(ProcessEngine processEngine,
                                                                 EngineRequests engineRequests, FormFields formFields,
                                                                 ObjectMapper objectMapper) {
        FilterRegistrationBean<EngineRequestGuard> registration = registration(
                new EngineRequestGuard(processEngine, engineRequests, formFields, objectMapper),
                "jiuzhu-engine-request-guard", 103);
        registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/engine/*"));
        return registration;
    }

    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, String name, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(order);
        return registration;
    }

    /** The application's data source, handing out connections with the statement timeout of requests. */
    @Bean
    static BeanPostProcessor requestStatementTimeouts(ObjectProvider<RequestSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof StatementTimeoutDataSource)
                        ? new StatementTimeoutDataSource(dataSource, settings.getObject().statementTimeout()) : bean;
            }
        };
    }

    /** Spring's multipart parsing lets through what {@link RequestSizeFilter} lets through, and no more. */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, RequestSettings settings) {
        long largest = settings.largestBodyBytes();
        return new MultipartConfigElement(multipart.getLocation(), largest, largest,
                (int) multipart.getFileSizeThreshold().toBytes());
    }

    @Bean
    TomcatHygiene tomcatHygiene(RequestSettings settings) {
        return new TomcatHygiene(settings);
    }

    @Bean
    KnownFailurePages knownFailurePages() {
        return new KnownFailurePages();
    }

    /**
     * Tomcat's form parsing takes what {@link RequestSizeFilter} lets through, and its own error reports are
     * ours ({@link ChineseErrorReportValve}). After Spring Boot's customizers, whose form size it replaces.
     */
    static final class TomcatHygiene implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final RequestSettings settings;

        TomcatHygiene(RequestSettings settings) {
            this.settings = settings;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE,
                    settings.largestBodyBytes())));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return 1;
        }
    }
}
