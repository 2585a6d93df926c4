package org.jiuzhu.organisation;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent Camunda authorization grants: a grant that exists already is extended, never
 * duplicated, so start-up seeding may run any number of times.
 */
public final class Grants {

    private Grants() {
    }

    public static void toGroup(AuthorizationService service, String groupId, Resource resource, String resourceId,
                               Permission... permissions) {
        Authorization existing = grantOf(service, groupId, resource, resourceId);
        if (existing == null) {
            createForGroup(service, groupId, resource, resourceId, permissions);
        } else {
            extend(service, existing, permissions);
        }
    }

    /** Takes permissions back from a group's grant, if it has one. */
    public static void withdraw(AuthorizationService service, String groupId, Resource resource, String resourceId,
                                Permission... permissions) {
        Authorization existing = grantOf(service, groupId, resource, resourceId);
        if (existing == null) {
            return;
        }
        for (Permission permission : permissions) {
            existing.removePermission(permission);
        }
        service.saveAuthorization(existing);
    }

    private static Authorization grantOf(AuthorizationService service, String groupId, Resource resource,
                                         String resourceId) {
        return service.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
    }

    /** A new grant, for a resource known to have none yet (a process instance that just started). */
    public static void createForGroup(AuthorizationService service, String groupId, Resource resource,
                                      String resourceId, Permission... permissions) {
        Authorization created = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        created.setGroupId(groupId);
        create(service, created, resource, resourceId, permissions);
    }

    /** A global grant (every user, {@code *}). */
    public static void toEveryone(AuthorizationService service, Resource resource, String resourceId,
                                  Permission... permissions) {
        Authorization existing = service.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing != null) {
            extend(service, existing, permissions);
            return;
        }
        Authorization created = service.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        created.setUserId(Authorization.ANY);
        create(service, created, resource, resourceId, permissions);
    }

    private static void create(AuthorizationService service, Authorization created, Resource resource,
                               String resourceId, Permission[] permissions) {
        created.setResource(resource);
        created.setResourceId(resourceId);
        for (Permission permission : permissions) {
            created.addPermission(permission);
        }
        service.saveAuthorization(created);
    }

    private static void extend(AuthorizationService service, Authorization existing, Permission[] permissions) {
        boolean changed = false;
        for (Permission permission : permissions) {
            if (!existing.isPermissionGranted(permission)) {
                existing.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            service.saveAuthorization(existing);
        }
    }
}
