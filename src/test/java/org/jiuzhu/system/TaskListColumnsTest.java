package org.jiuzhu.system;

import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.casework.TasklistFilterSetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.EngineUsers;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every entry of Tasklist's lists names its case — 申请编号, the applicant masked, the village — for
 * dibao, same-day and temporary-assistance cases alike, and Tasklist opens on the filter with the unit's work.
 */
@JiuzhuIntegrationTest
class TaskListColumnsTest {

    @LocalServerPort int port;
    @Autowired DibaoProcessDriver driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired TasklistFilterSetup filterSetup;
    @Autowired ObjectMapper json;

    @Test
    void aPublicApplicationNamesItsCaseOnTheTaskList() throws Exception {
        ApplicationForm household = Households.poorFamilyBornIn(1972, 71);
        household.applicantName = "周建华";
        ProcessInstance pi = driver.submit(household);
        driver.checkMaterials(pi);

        assertThat(runtimeService.getVariables(pi.getId())).containsEntry(CaseVariables.CASE_NO, pi.getBusinessKey())
                .containsEntry(CaseVariables.APPLICANT, "周*华")
                .containsEntry(CaseVariables.PLACE, "城关街道 东门社区");
        JsonNode entry = entryOf("本单位待办", CHENGGUAN_OFFICER, pi.getId());
        assertThat(variables(entry)).containsEntry(CaseVariables.CASE_NO, pi.getBusinessKey())
                .containsEntry(CaseVariables.APPLICANT, "周*华")
                .containsEntry(CaseVariables.PLACE, "城关街道 东门社区")
                .doesNotContainValue("周建华");
        assertThat(entry.path("due").asText()).isNotBlank();
    }

    @Test
    void aCaseAnOfficialStartsInTasklistNamesItsCaseToo() {
        ApplicationForm household = Households.poorFamilyBornIn(1973, 72);
        household.applicantName = "欧阳小明";
        household.unitCode = VILLAGE_QINGSHAN;
        ProcessInstance pi = startAs(QINGSHAN_VILLAGE_OFFICER, "dibaoApplication", Households.asStartForm(household));

        assertThat(runtimeService.getVariables(pi.getId())).containsEntry(CaseVariables.CASE_NO, pi.getBusinessKey())
                .containsEntry(CaseVariables.APPLICANT, "欧**明")
                .containsEntry(CaseVariables.PLACE, "青山镇 青山村");
    }

    @Test
    void aTemporaryAssistanceCaseNamesItsCase() throws Exception {
        ProcessInstance pi = startAs(CHENGGUAN_OFFICER, "temporaryAssistance", Variables.createVariables()
                .putValue("assistanceType", "SUDDEN")
                .putValue("reason", "FIRE")
                .putValue("applicantName", "刘建军")
                .putValue("applicantIdNumber", Households.unusedIdNumber("19790908"))
                .putValue("applicantPhone", "13800005678")
                .putValue("householdSize", 3)
                .putValue("resident", true)
                .putValue("unitCode", VILLAGE_DONGMEN)
                .putValue("hardshipDescription", "住房失火，一家三口暂住亲戚家")
                .putValue("urgent", true));

        assertThat(pi.getBusinessKey()).startsWith("LS-");
        assertThat(runtimeService.getVariables(pi.getId())).containsEntry(CaseVariables.CASE_NO, pi.getBusinessKey())
                .containsEntry(CaseVariables.APPLICANT, "刘*军")
                .containsEntry(CaseVariables.PLACE, "城关街道 东门社区");
        // The amount is suggested in a job of its own; 先行救助 then waits for the township.
        managementService.createJobQuery().processInstanceId(pi.getId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(variables(entryOf("本单位待办", CHENGGUAN_OFFICER, pi.getId())))
                .containsEntry(CaseVariables.APPLICANT, "刘*军");
    }

    @Test
    void opensOnTheUnitsWorkAndListsTheCaseColumnsInEveryFilter() {
        List<Filter> filters = filterService.createTaskFilterQuery().list();
        Filter first = filters.stream().filter(f -> f.getName().equals("本单位待办")).findFirst().orElseThrow();
        for (Filter filter : filters) {
            if (filter != first) {
                assertThat(priority(filter)).as(filter.getName()).isGreaterThan(priority(first));
            }
            assertThat(filter.getProperties()).as(filter.getName()).containsEntry("showUndefinedVariable", false);
            assertThat(filter.getProperties().get("variables")).as(filter.getName()).isEqualTo(List.of(
                    Map.of("name", "caseNo", "label", "申请编号"), Map.of("name", "applicantMasked", "label", "申请人"),
                    Map.of("name", "placeName", "label", "村（社区）")));
        }
    }

    @Test
    void givesTheFiltersOfAnEarlierInstallationTheColumnsOnce() {
        Filter old = filterService.createTaskFilterQuery().filterName("我的待办").singleResult();
        Map<String, Object> before = old.getProperties();
        Map<String, Object> earlier = new HashMap<>(Map.of("description", "已签收、由我办理的任务", "priority", 10,
                "refresh", true));
        filterService.saveFilter(old.setProperties(earlier));
        try {
            filterSetup.run(null);

            Filter upgraded = filterService.getFilter(old.getId());
            assertThat(upgraded.getProperties()).containsKey("variables").containsEntry("priority", 20);

            Map<String, Object> edited = new HashMap<>(upgraded.getProperties());
            edited.put("priority", 5);
            filterService.saveFilter(upgraded.setProperties(edited));
            filterSetup.run(null);
            assertThat(filterService.getFilter(old.getId()).getProperties()).as("an administrator's later edit stays")
                    .containsEntry("priority", 5);
        } finally {
            filterService.saveFilter(filterService.getFilter(old.getId()).setProperties(before));
        }
    }

    private static int priority(Filter filter) {
        return ((Number) filter.getProperties().get("priority")).intValue();
    }

    private ProcessInstance startAs(String official, String processKey, Map<String, Object> form) {
        EngineUsers.loginAs(identityService, official);
        try {
            return runtimeService.startProcessInstanceByKey(processKey, form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The case's entry in the filter's list as Tasklist asks for it (HAL, with the filter's variables). */
    private JsonNode entryOf(String filterName, String official, String processInstanceId) throws Exception {
        Filter filter = filterService.createTaskFilterQuery().filterName(filterName).singleResult();
        WebSession tasklist = new WebSession(port);
        tasklist.login(official, PASSWORD);
        tasklist.get("/camunda/app/tasklist/default/");
        HttpResponse<String> response = tasklist.send("POST", "/camunda/api/engine/engine/default/filter/"
                        + filter.getId() + "/list?firstResult=0&maxResults=200",
                Map.of("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"), "Content-Type", "application/json",
                        "Accept", "application/hal+json"),
                "{\"processInstanceId\": \"" + processInstanceId + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tasks = json.readTree(response.body()).path("_embedded").path("task");
        assertThat(tasks).as(response.body()).hasSize(1);
        return tasks.get(0);
    }

    /** The variables Tasklist shows on the entry: {@code _embedded.variable}. */
    private static Map<String, Object> variables(JsonNode entry) {
        Map<String, Object> values = new HashMap<>();
        entry.path("_embedded").path("variable").forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
        return values;
    }
}
