package org.jiuzhu.engine;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user the engine acts for on this thread (REST, webapps, a delegate run by their command). */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The user's id; null when the engine acts for nobody (jobs, public pages, start-up). */
    public static String id(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /** The user's groups; null when the engine acts for nobody. */
    public static List<String> groupIds(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getGroupIds();
    }

    /** Whether the engine acts for a user. */
    public static boolean isKnown(IdentityService identityService) {
        return identityService.getCurrentAuthentication() != null;
    }

    /**
     * Runs the work as the engine itself, without the user's authorizations, and acts for the user again
     * afterwards: for work the user may ask for but not do themselves.
     */
    public static <T> T withoutUser(IdentityService identityService, Supplier<T> work) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }
}
