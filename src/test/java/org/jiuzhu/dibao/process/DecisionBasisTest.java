package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The township's approval and the county's filing show, read-only, what the decision rests on: the
 * investigation and the evaluation with their dates, the assessment, the notice period and its
 * objections, and the earlier decisions — plain text, loaded when the task is created.
 */
@JiuzhuIntegrationTest
class DecisionBasisTest {

    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired DibaoProcessDriver driver;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theTownshipApprovalShowsInvestigationEvaluationAssessmentAndNotice() {
        init(processEngine);
        ProcessInstance pi = driver.submit(Households.poorFamily(980));
        driver.toTownshipApproval(pi);
        Task approval = task(pi);
        Assertions.assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_TownshipApproval");

        String basis = (String) taskService.getVariableLocal(approval.getId(), DibaoVariables.DECISION_BASIS);

        Assertions.assertThat(basis)
                .contains("【入户调查】", "调查日期：" + CaseDates.daysFromToday(-8), "调查人员：王芳、李强", "住房狭小")
                .contains("【民主评议】", "同意", "评议日期：" + CaseDates.daysFromToday(-8), "参加 9 人，同意 8 人，不同意 1 人")
                .contains("【资格认定与金额测算】", "建议月保障金")
                .contains("【公示】", "公示期间未收到异议");
        Assertions.assertThat(taskService.getVariableLocal(approval.getId(), DibaoVariables.CASE_SUMMARY)).isNotNull();
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), DibaoVariables.DECISION_BASIS))
                .as("task-local, not a case variable").isNull();
    }

    @Test
    void theCountyFilingAlsoShowsTheTownshipsDecision() {
        init(processEngine);
        ProcessInstance pi = driver.submit(Households.poorFamily(981));
        driver.toTownshipApproval(pi);
        complete(task(pi), withVariables("approvalDecision", "approve"));

        String basis = (String) taskService.getVariableLocal(task(pi).getId(), DibaoVariables.DECISION_BASIS);

        Assertions.assertThat(basis).contains("【入户调查】", "【民主评议】", "【公示】", "【乡镇审批】", "批准，金额 ");
        // In the order the case went: the township decided after the assessment, the notice and its objections.
        Assertions.assertThat(basis.indexOf("【乡镇审批】")).isGreaterThan(basis.indexOf("【异议】"));
        Assertions.assertThat(basis.indexOf("【异议】")).isGreaterThan(basis.indexOf("【公示】"));
        Assertions.assertThat(basis.indexOf("【公示】")).isGreaterThan(basis.indexOf("【资格认定与金额测算】"));
        Assertions.assertThat(basis.indexOf("【资格认定与金额测算】")).isGreaterThan(basis.indexOf("【民主评议】"));
    }
}
