package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.jiuzhu.dibao.DemoCaseDataSeeder;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.casework.TasklistFilterSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@JiuzhuIntegrationTest
class DemoOrganisationSeederTest {

    @Autowired DemoOrganisationSeeder seeder;
    @Autowired AdministratorBootstrap administratorBootstrap;
    @Autowired TasklistFilterSetup filterSetup;
    @Autowired DemoCaseDataSeeder caseDataSeeder;
    @Autowired AdminUnitRepository units;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;
    @Autowired JdbcClient jdbc;

    @Test
    void seedsACountyWithThreeTownshipsAndTwoOrThreeVillagesEach() {
        AdminUnit county = units.findByCode(COUNTY).orElseThrow();
        assertThat(county.level()).isEqualTo(UnitLevel.COUNTY);

        var townships = units.findChildren(COUNTY);
        assertThat(townships).hasSize(3).allSatisfy(t -> {
            assertThat(t.level()).isEqualTo(UnitLevel.TOWNSHIP);
            assertThat(units.findChildren(t.code())).hasSizeBetween(2, 3);
        });
    }

    @Test
    void makesEachUnitACamundaGroup() {
        for (AdminUnit unit : units.findAll()) {
            assertThat(identityService.createGroupQuery().groupId(unit.groupId()).singleResult())
                    .as(unit.groupId()).isNotNull()
                    .satisfies(g -> assertThat(g.getName()).isEqualTo(unit.name()));
        }
        assertThat(identityService.createGroupQuery().groupId("township-" + TOWNSHIP_CHENGGUAN + "-leaders").count()).isOne();
        assertThat(identityService.createGroupQuery().groupId("county-" + COUNTY + "-supervisors").count()).isOne();
    }

    @Test
    void putsEveryRoleIntoItsGroups() {
        assertThat(identityService.createUserQuery().memberOfGroup("village-" + VILLAGE_DONGMEN).list())
                .extracting(u -> u.getId()).contains(DONGMEN_OFFICER);
        assertThat(identityService.createUserQuery().userId(CHENGGUAN_LEADER)
                .memberOfGroup("township-" + TOWNSHIP_CHENGGUAN + "-leaders").count()).isOne();
        assertThat(identityService.createUserQuery().userId(SUPERVISOR).memberOfGroup("supervisors").count()).isOne();
        assertThat(identityService.createUserQuery().userId(SUPERVISOR).memberOfGroup("county-" + COUNTY).count())
                .as("a supervisor watches the county's work but is not a candidate for it").isZero();
        assertThat(identityService.createUserQuery().userId(ADMINISTRATOR).memberOfGroup("camunda-admin").count()).isOne();
        assertThat(identityService.checkPassword(DONGMEN_OFFICER, PASSWORD)).isTrue();
    }

    @Test
    void seedingAgainCreatesNothingNew() throws Exception {
        long[] before = counts();

        seeder.seed();
        administratorBootstrap.run(null);
        filterSetup.run(null);
        caseDataSeeder.run(null);

        assertThat(counts()).containsExactly(before);
    }

    private long[] counts() {
        return new long[] {
            units.count(),
            identityService.createUserQuery().count(),
            identityService.createGroupQuery().count(),
            jdbc.sql("select count(*) from ACT_ID_MEMBERSHIP").query(Long.class).single(),
            authorizationService.createAuthorizationQuery().count(),
            filterService.createFilterQuery().count(),
            jdbc.sql("select count(*) from recipient").query(Long.class).single(),
            jdbc.sql("select count(*) from verification_record").query(Long.class).single()
        };
    }
}
