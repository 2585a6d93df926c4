package org.jiuzhu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Full history, less the task variables derived from our tables and the decisions our tables record. */
@JiuzhuIntegrationTest
class SelectiveHistoryTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @Autowired HistoryProperties properties;
    HistoryService history;

    @BeforeEach
    void setUp() {
        init(processEngine);
        history = processEngine.getHistoryService();
    }

    @Test
    void keepsNoHistoryOfTheCaseSummaryButOfEverythingTheOfficialsEntered() {
        ProcessInstance pi = driver.submit(Households.poorFamily(910));
        driver.toHomeInvestigation(pi);
        String taskId = task(pi).getId();
        assertThat(processEngine.getTaskService().getVariableLocal(taskId, DibaoVariables.CASE_SUMMARY))
                .as("the form still shows the summary").asString().contains(pi.getBusinessKey());

        driver.investigate(pi, 900);

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(DibaoVariables.CASE_SUMMARY).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(DibaoVariables.CASE_LINK).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
                .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
                .contains("acceptanceDecision", "findings").doesNotContain(DibaoVariables.CASE_SUMMARY);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("findings").count()).isEqualTo(1);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
    }

    @Test
    void recordsTheEligibilityDecisionButNotTheLookupsItsAssessmentStores() {
        long eligibilityBefore = decisions("dibaoEligibility");
        long memberClassBefore = decisions("dibaoMemberClass");
        long standardBefore = decisions("dibaoStandard");

        ProcessInstance pi = driver.submit(Households.poorFamily(911));
        driver.toAssessment(pi, 900);

        assertThat(properties.decisionsWithoutHistory()).contains("dibaoMemberClass", "dibaoStandard");
        assertThat(decisions("dibaoEligibility")).isEqualTo(eligibilityBefore + 1);
        assertThat(decisions("dibaoMemberClass")).isEqualTo(memberClassBefore);
        assertThat(decisions("dibaoStandard")).isEqualTo(standardBefore);
    }

    private long decisions(String key) {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).count();
    }
}
