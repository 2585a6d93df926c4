package org.jiuzhu.temporary.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.newHousehold;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.startForm;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.task;

import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start form and the task forms submitted over REST, as Tasklist does: refusals come with the Chinese message. */
@JiuzhuIntegrationTest
class TemporaryAssistanceRestTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TemporaryAssistanceCases cases;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @Test
    void startsACaseFromTheStartForm() {
        HttpResponse<String> response = submitStartForm(newHousehold());

        Assertions.assertThat(response.statusCode()).isEqualTo(200);
        Assertions.assertThat(response.body()).containsPattern("\"businessKey\":\"LS-341899-\\d{8}-\\d{4}\"");
    }

    /** Camunda's submit-form answers engine refusals with its own wrapper; Tasklist shows the message. */
    @Test
    void refusesAWrongIdChecksumWithTheMessageInChinese() {
        String wrong = Households.withWrongChecksum(newHousehold());

        HttpResponse<String> response = submitStartForm(wrong);

        Assertions.assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        Assertions.assertThat(response.body()).contains("申请人身份证号校验位不正确");
        Assertions.assertThat(jdbc.sql("select count(*) from temporary_assistance_case where applicant_id_number = ?")
                .param(wrong).query(Long.class).single()).isZero();
    }

    @Test
    void refusesTooMuchAidFirstBeforeTheEngine() {
        TemporaryAssistanceDriver driver = new TemporaryAssistanceDriver(runtimeService, identityService, cases);
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()).putValue("urgent", true));

        HttpResponse<String> response = new WebSession(port).postJsonWithBasic(
                "/engine-rest/task/" + task(pi).getId() + "/submit-form", """
                        {"variables": {"aidFirstDecision": {"value": "grant", "type": "String"},
                                       "aidFirstAmount": {"value": 1200, "type": "Long"},
                                       "aidFirstReason": {"value": "房屋倒塌，急需安置", "type": "String"}}}""",
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);

        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.body()).contains("先行救助金额不能超过 1000 元");
        assertThat(pi).isWaitingAt("Task_AidFirst");
    }

    /** Numbers arrive as Tasklist sends them (Double), the checkbox as Boolean. */
    private HttpResponse<String> submitStartForm(String idNumber) {
        String body = """
                {"variables": {
                  "assistanceType": {"value": "SUDDEN", "type": "String"},
                  "reason": {"value": "ACCIDENT", "type": "String"},
                  "applicantName": {"value": "刘小燕", "type": "String"},
                  "applicantIdNumber": {"value": "%s", "type": "String"},
                  "applicantPhone": {"value": "13700003333", "type": "String"},
                  "householdSize": {"value": 2, "type": "Double"},
                  "resident": {"value": false, "type": "Boolean"},
                  "householdRegistration": {"value": "安徽省六安市霍邱县", "type": "String"},
                  "unitCode": {"value": "%s", "type": "String"},
                  "hardshipDescription": {"value": "务工途中遭遇车祸，肇事方逃逸，无力支付医药费", "type": "String"},
                  "urgent": {"value": true, "type": "Boolean"}
                }}""".formatted(idNumber, DemoOrganisation.VILLAGE_DONGMEN);
        return new WebSession(port).postJsonWithBasic(
                "/engine-rest/process-definition/key/temporaryAssistance/submit-form", body,
                DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);
    }
}
