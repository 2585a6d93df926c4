package org.jiuzhu.system.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idleTimeout how long a logged-in official's session lasts without a request; sessions of
 *                    visitors who did not log in last {@code server.servlet.session.timeout}
 */
@ConfigurationProperties("jiuzhu.session")
public record SessionProperties(Duration idleTimeout) {
}
