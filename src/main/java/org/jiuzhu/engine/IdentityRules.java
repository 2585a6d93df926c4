package org.jiuzhu.engine;

import java.util.Collection;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.identity.PasswordPolicy;

/**
 * Our rules for the engine's identity service, for every caller alike (our login page, HTTP Basic on the
 * REST API, Camunda Admin, the Java API); a Spring bean implementing it is put into the engine by
 * {@link IdentityPlugin}.
 */
public interface IdentityRules {

    /**
     * Runs one password check: may refuse it before the password is looked at (throwing), and learns its
     * outcome.
     */
    boolean checkPassword(String userId, BooleanSupplier check);

    PasswordPolicy passwordPolicy();

    /** The message for a password the policy refuses (a 400 from the REST API). */
    String passwordRefusal();

    /** Ends every session of these users; called once a change of their identity is committed. */
    void endSessions(Collection<String> userIds);
}
