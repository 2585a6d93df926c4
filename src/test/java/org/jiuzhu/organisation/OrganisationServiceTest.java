package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

@JiuzhuIntegrationTest
@Transactional
class OrganisationServiceTest {

    @Autowired OrganisationService organisation;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;

    @Test
    void addsACountyTownshipAndVillageWithTheirGroups() {
        organisation.addUnit("420102000000", "江岸区");
        organisation.addUnit("420102001000", "大智街道");
        AdminUnit village = organisation.addUnit("420102001001", "前进社区");

        assertThat(village.level()).isEqualTo(UnitLevel.VILLAGE);
        assertThat(village.parentCode()).isEqualTo("420102001000");
        assertThat(identityService.createGroupQuery().groupId("village-420102001001").singleResult().getName())
                .isEqualTo("前进社区");
        assertThat(authorizationService.isUserAuthorized("nobody", java.util.List.of("village-420102001001"),
                Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized("nobody", java.util.List.of("village-420102001001"),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("nobody", java.util.List.of("township-420102001000"),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    }

    @Test
    void refusesAUnitWhoseParentIsNotRegistered() {
        assertThatThrownBy(() -> organisation.addUnit("420103001001", "某社区"))
                .isInstanceOf(OrganisationException.class)
                .hasMessageContaining("上级单位 420103001000 尚未登记");
    }

    @Test
    void refusesACodeThatIsNotTwelveDigits() {
        assertThatThrownBy(() -> organisation.addUnit("42010200100", "某社区"))
                .isInstanceOf(OrganisationException.class)
                .hasMessageContaining("12 位数字");
        assertThatThrownBy(() -> organisation.addUnit("42010200100A", "某社区"))
                .isInstanceOf(OrganisationException.class);
    }

    @Test
    void refusesAnEmptyName() {
        assertThatThrownBy(() -> organisation.addUnit("420102000000", "  "))
                .isInstanceOf(OrganisationException.class)
                .hasMessage("请填写单位名称。");
    }

    @Test
    void refusesASecondNameForAnExistingCode() {
        organisation.addUnit("420102000000", "江岸区");

        assertThatThrownBy(() -> organisation.addUnit("420102000000", "江汉区"))
                .isInstanceOf(OrganisationException.class)
                .hasMessageContaining("已登记为“江岸区”");
    }

    @Test
    void acceptsTheSameUnitTwice() {
        organisation.addUnit("420102000000", "江岸区");
        long groups = identityService.createGroupQuery().count();

        organisation.addUnit("420102000000", "江岸区");

        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    }
}
