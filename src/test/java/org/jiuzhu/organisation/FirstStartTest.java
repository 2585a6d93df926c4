package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.jiuzhu.JiuzhuApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first start of the production profile ({@code postgres}: no demo data), on an empty database of its
 * own (in-memory H2 in place of PostgreSQL: what is created does not depend on the database). Starts an
 * application of its own, so it runs in a JVM of its own (tag "isolated").
 */
@Tag("isolated")
class FirstStartTest {

    @Test
    void createsTheSupervisorsGroupWithItsPermissionsWithoutDemoData() {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(JiuzhuApplication.class).run(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1",
                "--spring.datasource.driver-class-name=org.h2.Driver",
                "--spring.datasource.username=sa",
                "--JIUZHU_ADMIN_USER=firstadmin", "--JIUZHU_ADMIN_PASSWORD=first-secret-1",
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false")) {
            IdentityService identity = application.getBean(IdentityService.class);
            AuthorizationService authorizations = application.getBean(AuthorizationService.class);

            assertThat(application.getBean(JdbcClient.class).sql("select count(*) from admin_unit")
                    .query(Long.class).single()).as("no demo units").isZero();
            Group supervisors = identity.createGroupQuery().groupId(UnitGroups.SUPERVISORS).singleResult();
            assertThat(supervisors).isNotNull();
            assertThat(supervisors.getName()).isEqualTo("督办人员");
            assertThat(supervisors.getType()).isEqualTo(UnitGroups.ROLE_GROUP_TYPE);
            for (String app : List.of("cockpit", "tasklist")) {
                assertThat(authorizations.isUserAuthorized(null, List.of(UnitGroups.SUPERVISORS), ACCESS, APPLICATION, app))
                        .as(app).isTrue();
            }
        }
    }
}
