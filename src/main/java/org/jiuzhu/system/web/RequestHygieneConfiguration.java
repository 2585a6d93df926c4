package org.jiuzhu.system.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The hygiene every request passes (issue #17): errors answered in Chinese. */
@Configuration
class RequestHygieneConfiguration {

    @Bean
    KnownFailurePages knownFailurePages() {
        return new KnownFailurePages();
    }

    @Bean
    TomcatHygiene tomcatHygiene() {
        return new TomcatHygiene();
    }

    /** Tomcat's own error reports are ours ({@link ChineseErrorReportValve}). After Spring Boot's customizers. */
    static final class TomcatHygiene implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
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
