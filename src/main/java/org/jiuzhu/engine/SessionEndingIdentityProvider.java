package org.jiuzhu.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, with two changes.
 * <ul>
 *   <li>It never locks an account: Camunda counts failed logins per account, whoever sends them, so ten
 *       wrong passwords from a stranger locked any official until an administrator unlocked them. The
 *       login throttle ({@link IdentityRules#checkPassword}) slows guessing instead. Lock columns left
 *       from before are ignored (and cleared by the next successful login).</li>
 *   <li>Whoever changes a user's identity (deletes the user, changes the password, adds or removes a
 *       membership, deletes a group of theirs: through Camunda Admin, REST or the Java API), that user's
 *       sessions end once the change is committed, so no session keeps rights the user no longer has.</li>
 * </ul>
 */
class SessionEndingIdentityProvider extends DbIdentityServiceProvider {

    private final Consumer<Collection<String>> endSessions;

    SessionEndingIdentityProvider(Consumer<Collection<String>> endSessions) {
        this.endSessions = endSessions;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
        // Never: see the class comment.
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        boolean passwordChanged = user instanceof UserEntity entity && entity.getRevision() > 0 && entity.hasNewPassword();
        IdentityOperationResult result = super.saveUser(user);
        if (passwordChanged) {
            endSessionsAfterCommit(List.of(user.getId()));
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        return endSessionsIfDone(super.deleteUser(userId), List.of(userId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        return endSessionsIfDone(super.createMembership(userId, groupId), List.of(userId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        return endSessionsIfDone(super.deleteMembership(userId, groupId), List.of(userId));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        CommandContext commandContext = Context.getCommandContext();
        List<String> members = commandContext.runWithoutAuthorization(() ->
                createUserQuery(commandContext).memberOfGroup(groupId).list().stream().map(User::getId).toList());
        return endSessionsIfDone(super.deleteGroup(groupId), members);
    }

    private IdentityOperationResult endSessionsIfDone(IdentityOperationResult result, Collection<String> userIds) {
        if (!IdentityOperationResult.OPERATION_NONE.equals(result.getOperation())) {
            endSessionsAfterCommit(userIds);
        }
        return result;
    }

    private void endSessionsAfterCommit(Collection<String> userIds) {
        if (!userIds.isEmpty()) {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, context -> endSessions.accept(userIds));
        }
    }
}
