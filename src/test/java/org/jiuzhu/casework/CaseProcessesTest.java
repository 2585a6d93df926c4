package org.jiuzhu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A process is a case unless its model says {@code jiuzhu.case = false}: a case is granted to its units
 * and its completed tasks are recorded for the dashboard; a process marked as no case gets neither, yet
 * its tasks' groups still see and work its tasks.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseProcessesTest {

    private static final String VILLAGE_GROUP = "village-" + DemoOrganisation.VILLAGE_DONGMEN;

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @BeforeAll
    void deploy() {
        engine.getRepositoryService().createDeployment().name("case-processes-test")
                .addClasspathResource("dashboard/dashboard-added-case.bpmn")
                .addClasspathResource("system/not-a-case.bpmn")
                .enableDuplicateFiltering(true).deploy();
    }

    @Test
    void grantsACaseToItsUnitsAndRecordsItsStages() {
        ProcessInstance pi = start("dashboardAddedCase");
        completeAsTheVillage(pi);

        assertThat(caseGrants(pi)).isPositive();
        assertThat(completionsOf(pi)).isEqualTo(1);
    }

    @Test
    void givesAProcessMarkedAsNoCaseNeitherGrantsNorStagesNorAPlaceOnTheDashboard() throws Exception {
        ProcessInstance pi = start("notACase");
        completeAsTheVillage(pi);

        assertThat(caseGrants(pi)).isZero();
        assertThat(completionsOf(pi)).isZero();
        WebSession admin = new WebSession(port);
        admin.login(DemoOrganisation.ADMINISTRATOR, DemoOrganisation.PASSWORD);
        HttpResponse<String> figures = admin.get("/dashboard/data");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(json.readTree(figures.body()).get("processes").findValuesAsText("key"))
                .contains("dashboardAddedCase").doesNotContain("notACase");
    }

    private ProcessInstance start(String key) {
        return engine.getRuntimeService().startProcessInstanceByKey(key,
                Map.of("unitCode", DemoOrganisation.VILLAGE_DONGMEN, "taskGroup", VILLAGE_GROUP));
    }

    /** The village's officer sees the task through the candidate group alone and completes it. */
    private void completeAsTheVillage(ProcessInstance pi) {
        engine.getIdentityService().setAuthentication(DemoOrganisation.DONGMEN_OFFICER, List.of(VILLAGE_GROUP));
        try {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(task).as("the village officer sees the task").isNotNull();
            engine.getTaskService().complete(task.getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The grants of the case's history (those of the running instance go when it ends). */
    private long caseGrants(ProcessInstance pi) {
        return engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(pi.getId()).count();
    }

    private long completionsOf(ProcessInstance pi) {
        return jdbc.sql("select count(*) from task_completion where process_instance_id = ?").param(pi.getId())
                .query(Long.class).single();
    }
}
