package org.jiuzhu.organisation;

import static org.camunda.bpm.engine.authorization.Permissions.ALL;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the administrators' group exists with every permission and, when configured, the first
 * administrator. Without any administrator the system cannot be managed, so start-up fails then.
 */
@Component
@Order(0)
public class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final AdministratorProperties properties;

    public AdministratorBootstrap(IdentityService identityService, AuthorizationService authorizationService,
                                  AdministratorProperties properties) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdministratorsGroup();
        String id = properties.id();
        if (id != null && !id.isBlank()) {
            ensureAdministrator(id.strip(), properties.password());
        }
        if (identityService.createUserQuery().memberOfGroup(UnitGroups.ADMINISTRATORS).count() == 0) {
            throw new IllegalStateException("No administrator exists: set JIUZHU_ADMIN_USER and JIUZHU_ADMIN_PASSWORD "
                    + "for the first start (系统中没有管理员账号)");
        }
    }

    private void ensureAdministratorsGroup() {
        if (identityService.createGroupQuery().groupId(UnitGroups.ADMINISTRATORS).count() == 0) {
            Group group = identityService.newGroup(UnitGroups.ADMINISTRATORS);
            group.setName("系统管理员");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        for (Resources resource : Resources.values()) {
            Grants.toGroup(authorizationService, UnitGroups.ADMINISTRATORS, resource, "*", ALL);
        }
    }

    private void ensureAdministrator(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("JIUZHU_ADMIN_PASSWORD must be set to create administrator " + id);
            }
            User user = identityService.newUser(id);
            user.setFirstName("系统");
            user.setLastName("管理员");
            user.setPassword(password);
            identityService.saveUser(user);
            LOG.info("Created administrator {}", id);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(UnitGroups.ADMINISTRATORS).count() == 0) {
            identityService.createMembership(id, UnitGroups.ADMINISTRATORS);
        }
    }
}
