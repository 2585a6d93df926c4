package org.jiuzhu.system.security;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/** The logged-in user: the Camunda user id (the name everywhere) and the name pages show. */
public record OfficialPrincipal(String userId, String displayName) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return userId;
    }
}
