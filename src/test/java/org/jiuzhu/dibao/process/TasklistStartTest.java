package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;


import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.EngineUsers;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An official starts a case from Tasklist with the start form dibao-start. */
@JiuzhuIntegrationTest
class TasklistStartTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ApplicationRepository applications;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void registersTheApplicationAndKeepsOnlyRoutingVariables() {
        loginAs(DemoOrganisation.DONGMEN_OFFICER);

        ProcessInstance pi = runtimeService.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY, startForm(800));

        identityService.clearAuthentication();
        assertThat(pi).isWaitingAt("Task_CheckMaterials");
        Assertions.assertThat(pi.getBusinessKey()).matches("DB-341899-\\d{8}-\\d{4}");
        DibaoApplication application = applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
        Assertions.assertThat(application.members()).extracting(m -> m.name()).containsExactly("周建华", "林秀梅", "周小雨");
        Assertions.assertThat(application.incomes()).hasSize(1);
        Assertions.assertThat(application.submittedVia()).isEqualTo("OFFICIAL");
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("applicationId", "unitCode",
                "townshipCode", "countyCode", "relativeOfOfficial", "singlePerson", "catchUpFormalities", "caseNo",
                "applicantMasked", "placeName");
    }

    @Test
    void refusesAVillageOutsideTheOfficialsUnit() {
        loginAs(DemoOrganisation.DONGMEN_OFFICER);
        VariableMap form = startForm(810);
        form.putValue("unitCode", DemoOrganisation.VILLAGE_XIMEN);

        Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY, form))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("只能为本单位或下级单位办理案件");
    }

    @Test
    void refusesAnIncompleteFormWithEveryProblemNamed() {
        loginAs(DemoOrganisation.CHENGGUAN_OFFICER);
        VariableMap form = startForm(820);
        form.remove("applicantName");
        form.putValue("applicantPhone", "12345");

        Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY, form))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("请填写申请人姓名").hasMessageContaining("联系电话应为 11 位手机号码");
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DibaoVariables.PROCESS_KEY)
                .variableValueEquals("applicantPhone", "12345").count()).isZero();
    }

    /** What Tasklist submits for the start form: members and incomes as JSON. */
    private static VariableMap startForm(int sequence) {
        return Households.asStartForm(Households.poorFamily(sequence));
    }

    private void loginAs(String userId) {
        EngineUsers.loginAs(identityService, userId);
    }
}
