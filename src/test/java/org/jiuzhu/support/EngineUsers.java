package org.jiuzhu.support;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Engine calls as an official, with their groups, as Tasklist and the REST API make them. */
public final class EngineUsers {

    private EngineUsers() {
    }

    public static void loginAs(IdentityService identityService, String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }
}
