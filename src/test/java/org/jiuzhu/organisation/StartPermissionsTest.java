package org.jiuzhu.organisation;


import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.TestModels;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Officials start only the case processes of their level; the monthly reports, the overdue scan and
 * 督办 are started by the engine (or administrators). The drill: a village officer overwrote every
 * township's November reports and created a forged 督办 task.
 */
@JiuzhuIntegrationTest
class StartPermissionsTest {

    @Autowired AuthorizationService authorizationService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired OrganisationService organisation;
    @Autowired StartPermissionsSync sync;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void refusesOfficialsTheSystemProcesses() {
        WebSession rest = new WebSession(port);
        for (String process : List.of("monthlyReport", "overdueScan", "supervisionEscalation")) {
            long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process).count();
            for (String official : List.of(DONGMEN_OFFICER, CHENGGUAN_OFFICER, COUNTY_OFFICER, SUPERVISOR)) {
                HttpResponse<String> start = rest.postJsonWithBasic("/engine-rest/process-definition/key/" + process
                        + "/start", "{\"variables\": {}}", official, PASSWORD);

                assertThat(start.statusCode()).as(official + " starting " + process).isEqualTo(403);
            }
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process).count()).isEqualTo(before);
        }
    }

    @Test
    void offersEachOfficialTheCaseProcessesOfTheirLevelToStart() throws Exception {
        assertThat(startable(DONGMEN_OFFICER))
                .containsExactlyInAnyOrder("dibaoApplication", "emergencySameDay", "temporaryAssistance");
        assertThat(startable(COUNTY_OFFICER))
                .containsExactlyInAnyOrder("dibaoApplication", "emergencySameDay", "temporaryAssistance");
        assertThat(startable(SUPERVISOR)).isEmpty();
    }

    @Test
    void followsTheLevelsAModelNamesWhenItIsDeployed() throws Exception {
        deployTownshipProcess("township");
        assertThat(startable(CHENGGUAN_OFFICER)).contains("Test_TownshipOnly");
        assertThat(startable(DONGMEN_OFFICER)).doesNotContain("Test_TownshipOnly");

        deployTownshipProcess("county");
        assertThat(startable(CHENGGUAN_OFFICER)).doesNotContain("Test_TownshipOnly");
        assertThat(startable(COUNTY_OFFICER)).contains("Test_TownshipOnly");
    }

    @Test
    @Transactional
    void letsANewUnitStartWhatItsLevelMay() {
        organisation.addUnit("341897000000", "新设县");
        organisation.addUnit("341897300000", "新建镇");
        organisation.addUnit("341897300001", "新建村");

        assertThat(mayStart("village-341897300001", "dibaoApplication")).isTrue();
        assertThat(mayStart("village-341897300001", "monthlyReport")).isFalse();
        assertThat(mayStart("township-341897300000", "temporaryAssistance")).isTrue();
        assertThat(mayStart("township-341897300000-leaders", "dibaoApplication")).isFalse();
    }

    @Test
    void takesBackTheOldRightToStartAnything() {
        Authorization wildcard = authorizationService.createAuthorizationQuery().groupIdIn("village-" + VILLAGE_XIMEN)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
        wildcard.addPermission(Permissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(wildcard);
        assertThat(mayStart("village-" + VILLAGE_XIMEN, "overdueScan")).isTrue();

        sync.run(null);

        assertThat(mayStart("village-" + VILLAGE_XIMEN, "overdueScan")).isFalse();
        assertThat(mayStart("village-" + VILLAGE_XIMEN, "dibaoApplication")).isTrue();
    }

    private void deployTownshipProcess(String levels) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("Test_TownshipOnly").name("测试流程")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started").name("开始")
                .endEvent("Event_Ended").name("结束")
                .done();
        TestModels.startableBy(model, "Test_TownshipOnly", levels);
        repositoryService.createDeployment().name("start-permissions-test")
                .addModelInstance("Test_TownshipOnly.bpmn", model).deploy();
    }

    private boolean mayStart(String groupId, String processKey) {
        return authorizationService.isUserAuthorized("nobody", List.of(groupId), Permissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, processKey);
    }

    /** The processes Tasklist offers the user under 发起流程 (its own query). */
    private List<String> startable(String official) throws Exception {
        HttpResponse<String> response = new WebSession(port).getWithBasic(
                "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                        + "&startablePermissionCheck=true", official, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).findValuesAsText("key").stream()
                .filter(key -> !key.startsWith("Test_") || key.equals("Test_TownshipOnly"))
                .toList();
    }
}
