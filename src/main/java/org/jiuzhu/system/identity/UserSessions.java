package org.jiuzhu.system.identity;

import java.util.Collection;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of a user, on every node: the sessions live in the database (Spring Session JDBC). */
@Component
public class UserSessions {

    private static final Logger LOG = LoggerFactory.getLogger(UserSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    public void end(Collection<String> userIds) {
        for (String userId : userIds) {
            try {
                Set<String> ids = sessions.findByPrincipalName(userId).keySet();
                ids.forEach(sessions::deleteById);
                if (!ids.isEmpty()) {
                    LOG.info("Ended {} session(s) of user {}: their identity or memberships changed", ids.size(), userId);
                }
            } catch (RuntimeException e) {
                // The identity change is committed; a session left over still ends at its idle timeout.
                LOG.error("Could not end the sessions of user {}", userId, e);
            }
        }
    }
}
