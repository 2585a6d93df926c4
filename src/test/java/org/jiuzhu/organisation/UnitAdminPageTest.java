package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@JiuzhuIntegrationTest
class UnitAdminPageTest {

    @LocalServerPort int port;
    @Autowired AdminUnitRepository units;

    @Test
    void letsAnAdministratorRegisterAVillage() {
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        HttpResponse<String> added = admin.postForm("/admin/units", "/admin/units",
                Map.of("code", "341899200203", "name", "花园村"));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/units").body()).contains("已登记村（社区）“花园村”", "village-341899200203");
        assertThat(units.findByCode("341899200203")).hasValueSatisfying(u ->
                assertThat(u.parentCode()).isEqualTo("341899200000"));
    }

    @Test
    void explainsAWrongCodeInChinese() {
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        HttpResponse<String> refused = admin.postForm("/admin/units", "/admin/units",
                Map.of("code", "3418992", "name", "某村"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("行政区划代码应为 12 位数字", "value=\"某村\"");
        assertThat(units.findByCode("3418992")).isEmpty();
    }

    @Test
    void isClosedToOfficials() {
        WebSession official = new WebSession(port);
        official.login(COUNTY_OFFICER, PASSWORD);

        HttpResponse<String> page = official.get("/admin/units");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("没有权限");
    }
}
