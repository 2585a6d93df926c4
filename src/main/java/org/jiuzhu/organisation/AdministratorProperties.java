package org.jiuzhu.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator ({@code JIUZHU_ADMIN_USER} / {@code JIUZHU_ADMIN_PASSWORD}). */
@ConfigurationProperties("jiuzhu.administrator")
public record AdministratorProperties(String id, String password) {
}
