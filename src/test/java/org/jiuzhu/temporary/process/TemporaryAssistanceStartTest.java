package org.jiuzhu.temporary.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.newHousehold;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.startForm;

import java.time.LocalDate;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jiuzhu.casework.ApplicationNumbers;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An official starts 临时救助 from Tasklist with the start form temporary-assistance-start. */
@JiuzhuIntegrationTest
class TemporaryAssistanceStartTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TemporaryAssistanceCases cases;
    @Autowired ApplicationNumbers numbers;
    @Autowired JdbcClient jdbc;

    TemporaryAssistanceDriver driver;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
        driver = new TemporaryAssistanceDriver(runtimeService, identityService, cases);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void registersTheCaseAndKeepsOnlyRoutingVariables() {
        String idNumber = newHousehold();

        ProcessInstance pi = driver.startAs(DemoOrganisation.DONGMEN_OFFICER, startForm(idNumber)
                .putValue("requestedAmount", 3000));

        assertThat(pi).isWaitingAt("Task_SuggestAmount");
        Assertions.assertThat(pi.getBusinessKey()).matches("LS-341899-\\d{8}-\\d{4}");
        TemporaryAssistanceCase c = cases.findByCaseNo(pi.getBusinessKey()).orElseThrow();
        Assertions.assertThat(c.applicantIdNumber()).isEqualTo(idNumber);
        Assertions.assertThat(c.villageCode()).isEqualTo(DemoOrganisation.VILLAGE_DONGMEN);
        Assertions.assertThat(c.townshipCode()).isEqualTo(DemoOrganisation.TOWNSHIP_CHENGGUAN);
        Assertions.assertThat(c.requestedAmount()).isEqualByComparingTo("3000");
        Assertions.assertThat(c.submittedBy()).isEqualTo(DemoOrganisation.DONGMEN_OFFICER);
        Assertions.assertThat(c.processInstanceId()).isEqualTo(pi.getId());
        Assertions.assertThat(c.status()).isEqualTo(TemporaryAssistanceCase.Status.IN_PROGRESS);
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("caseId", "unitCode",
                "townshipCode", "countyCode", "urgent", "householdIdNumber", "caseNo", "applicantMasked", "placeName");
        assertThat(pi).variables().containsEntry("unitCode", DemoOrganisation.VILLAGE_DONGMEN)
                .containsEntry("urgent", false).containsEntry("householdIdNumber", idNumber);
    }

    @Test
    void takesANonResidentWithTheirRegisteredResidence() {
        VariableMap form = startForm(newHousehold()).putValue("resident", false);
        Assertions.assertThatThrownBy(() -> driver.start(form))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("请填写户籍所在地");

        ProcessInstance pi = driver.start(form.putValue("householdRegistration", "河南省信阳市固始县"));

        TemporaryAssistanceCase c = cases.findByCaseNo(pi.getBusinessKey()).orElseThrow();
        Assertions.assertThat(c.resident()).isFalse();
        Assertions.assertThat(c.householdRegistration()).isEqualTo("河南省信阳市固始县");
    }

    @Test
    void takesAHardshipOfATownshipWithoutAVillage() {
        ProcessInstance pi = driver.start(startForm(newHousehold())
                .putValue("unitCode", DemoOrganisation.TOWNSHIP_CHENGGUAN));

        TemporaryAssistanceCase c = cases.findByCaseNo(pi.getBusinessKey()).orElseThrow();
        Assertions.assertThat(c.villageCode()).isNull();
        assertThat(pi).variables().containsEntry("unitCode", DemoOrganisation.TOWNSHIP_CHENGGUAN)
                .containsEntry("townshipCode", DemoOrganisation.TOWNSHIP_CHENGGUAN);
    }

    @Test
    void countsItsNumbersApartFromDibaoApplications() {
        String first = driver.start(startForm(newHousehold())).getBusinessKey();
        String dibao = numbers.next(DemoOrganisation.COUNTY, LocalDate.now());
        String second = driver.start(startForm(newHousehold())).getBusinessKey();

        Assertions.assertThat(dibao).startsWith("DB-341899-");
        Assertions.assertThat(sequenceOf(second)).isEqualTo(sequenceOf(first) + 1);
    }

    @Nested
    class Refusal {

        @Test
        void ofAWrongIdChecksumStoresNothing() {
            String wrong = Households.withWrongChecksum(newHousehold());

            Assertions.assertThatThrownBy(() -> driver.start(startForm(wrong)))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("申请人身份证号校验位不正确");

            Assertions.assertThat(jdbc.sql("select count(*) from temporary_assistance_case where applicant_id_number = ?")
                    .param(wrong).query(Long.class).single()).isZero();
            Assertions.assertThat(runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(TemporaryAssistanceVariables.PROCESS_KEY)
                    .variableValueEquals("applicantIdNumber", wrong).count()).isZero();
        }

        @Test
        void namesEveryProblemAtOnce() {
            VariableMap form = startForm(newHousehold());
            form.remove("applicantName");
            form.putValue("applicantPhone", "12345").putValue("householdSize", 0);

            Assertions.assertThatThrownBy(() -> driver.start(form)).isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("请填写申请人姓名").hasMessageContaining("联系电话应为 11 位手机号码")
                    .hasMessageContaining("家庭人口数至少为 1");
        }

        @Test
        void ofAReasonOfTheOtherType() {
            Assertions.assertThatThrownBy(() -> driver.start(startForm(newHousehold()).putValue("reason", "EDUCATION")))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("困难原因与救助类型不符");
        }

        @Test
        void ofAPlaceOutsideTheOfficialsUnit() {
            VariableMap form = startForm(newHousehold()).putValue("unitCode", DemoOrganisation.VILLAGE_XIMEN);

            Assertions.assertThatThrownBy(() -> driver.startAs(DemoOrganisation.DONGMEN_OFFICER, form))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("只能为本单位或下级单位办理案件");
        }

        @Test
        void ofTheCountyAsThePlace() {
            Assertions.assertThatThrownBy(() -> driver.startAs(DemoOrganisation.COUNTY_OFFICER, startForm(newHousehold())
                            .putValue("unitCode", DemoOrganisation.COUNTY)))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("急难发生地应为村（社区）或乡镇（街道）");
        }
    }

    @Nested
    class Visibility {

        @Test
        void isLimitedToTheUnitsOfThePlace() {
            ProcessInstance pi = driver.startAs(DemoOrganisation.DONGMEN_OFFICER, startForm(newHousehold()));

            Assertions.assertThat(visibleTo(DemoOrganisation.DONGMEN_OFFICER, pi)).isOne();
            Assertions.assertThat(visibleTo(DemoOrganisation.CHENGGUAN_OFFICER, pi)).isOne();
            Assertions.assertThat(visibleTo(DemoOrganisation.COUNTY_OFFICER, pi)).isOne();
            Assertions.assertThat(visibleTo(DemoOrganisation.XIMEN_OFFICER, pi)).as("another village").isZero();
            Assertions.assertThat(visibleTo(DemoOrganisation.QINGSHAN_VILLAGE_OFFICER, pi)).isZero();
            Assertions.assertThat(visibleTo(DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER, pi)).isZero();
        }

        @Test
        void ofTheTownshipsTasksIsLimitedToTheTownship() {
            ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));

            driver.loginAs(DemoOrganisation.CHENGGUAN_OFFICER);
            Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isOne();
            driver.loginAs(DemoOrganisation.DONGMEN_OFFICER);
            Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
            driver.loginAs(DemoOrganisation.QINGSHAN_TOWNSHIP_OFFICER);
            Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        }

        private long visibleTo(String userId, ProcessInstance pi) {
            driver.loginAs(userId);
            try {
                return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count();
            } finally {
                identityService.clearAuthentication();
            }
        }
    }

    private static int sequenceOf(String caseNo) {
        return Integer.parseInt(caseNo.substring(caseNo.lastIndexOf('-') + 1));
    }
}
