package org.jiuzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An official reads a colleague's name (Tasklist names who holds a task), and nothing an administrator keeps. */
@JiuzhuIntegrationTest
class ColleagueNamesTest {

    @LocalServerPort int port;

    @Test
    void anOfficialReadsTheNameOfAnOfficialOfAnotherUnit() {
        HttpResponse<String> profile = new WebSession(port)
                .getWithBasic("/engine-rest/user/" + CHENGGUAN_OFFICER + "/profile", QINGSHAN_VILLAGE_OFFICER, PASSWORD);

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("\"firstName\":\"陈\"", "\"lastName\":\"志强\"");
    }

    @Test
    void butNotTheGroupsOrTheAuthorizations() {
        WebSession session = new WebSession(port);

        HttpResponse<String> groups = session.getWithBasic("/engine-rest/group?member=" + CHENGGUAN_OFFICER,
                QINGSHAN_VILLAGE_OFFICER, PASSWORD);
        HttpResponse<String> authorizations = session.getWithBasic("/engine-rest/authorization?userIdIn=" + CHENGGUAN_OFFICER,
                QINGSHAN_VILLAGE_OFFICER, PASSWORD);

        assertThat(groups.body()).doesNotContain("township-");
        assertThat(authorizations.body()).doesNotContain("\"userId\":\"" + CHENGGUAN_OFFICER + "\"");
    }
}
