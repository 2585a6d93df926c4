package org.jiuzhu.portal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.casework.IdNumbers;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencyReason;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@JiuzhuIntegrationTest
class StatusPageTest {

    private static int nextSequence = 600;

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired EmergencyPeriods emergencies;

    DibaoCases cases;
    WebSession applicant;

    @BeforeEach
    void setUp() {
        cases = new DibaoCases(processEngine, applicationService);
        applicant = new WebSession(port);
    }

    @Test
    void showsTheCurrentStageWithoutPersonalData() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);

        HttpResponse<String> page = lookUp(pi.getBusinessKey(), last4(form.applicantIdNumber));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(pi.getBusinessKey(), "周*华", "清源县 城关街道 东门社区", "办理中")
                .contains("当前环节", "材料完整性与身份核验");
        assertThatNothingPersonalIsShown(page.body(), form);

        cases.toAcceptance(pi);

        assertThat(lookUp(pi.getBusinessKey(), last4(form.applicantIdNumber)).body())
                .contains("乡镇受理").doesNotContain("材料完整性与身份核验");
    }

    @Test
    void looksUpForThePublicEvenWhenAnOfficialOfAnotherUnitIsLoggedIn() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        cases.toAcceptance(pi);
        applicant.login(DemoOrganisation.QINGSHAN_VILLAGE_OFFICER, DemoOrganisation.PASSWORD);

        assertThat(lookUp(pi.getBusinessKey(), last4(form.applicantIdNumber)).body()).contains("乡镇受理");
    }

    @Test
    void showsTheNoticePeriodWithItsEndDate() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        cases.toNoticePeriod(pi);

        String page = lookUp(pi.getBusinessKey(), last4(form.applicantIdNumber)).body();

        assertThat(page).containsPattern("公示中（至 \\d{4}-\\d{2}-\\d{2}）");
    }

    @Test
    void acceptsALowerCaseXAndALowerCaseNumber() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        form.applicantIdNumber = idNumberEndingInX();
        form.members.get(0).idNumber = form.applicantIdNumber;
        ProcessInstance pi = cases.submit(form);

        HttpResponse<String> page = lookUp(pi.getBusinessKey().toLowerCase(), last4(form.applicantIdNumber).toLowerCase());

        assertThat(page.body()).contains("周*华").doesNotContain(StatusController.NOT_FOUND);
    }

    @Test
    void answersEveryMismatchWithTheSameNeutralMessage() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        String wrongDigits = last4(form.applicantIdNumber).equals("0000") ? "1111" : "0000";

        String wrongId = lookUp(pi.getBusinessKey(), wrongDigits).body();
        String unknownNumber = lookUp("DB-341899-20000101-9999", last4(form.applicantIdNumber)).body();

        for (String page : new String[] {wrongId, unknownNumber}) {
            assertThat(page).contains("未找到与申请编号和身份证号后四位相符的申请").doesNotContain("周*华", "当前环节");
        }
    }

    @Test
    void asksForBothFieldsInChinese() {
        String page = applicant.postForm("/status", "/status", Map.of("applicationNo", "", "idLast4", "12")).body();

        assertThat(page).contains("请填写申请编号", "身份证号后四位应为 4 位数字（最后一位可为 X）");
    }

    @Test
    void showsTheWrittenNoticeWithNamesMaskedAndTheOutcome() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = cases.submit(form);
        cases.toAcceptance(pi);
        complete(task(pi), withVariables("acceptanceDecision", "reject", "rejectionReason",
                "林秀梅在城关镇经营餐馆，联系电话 " + form.applicantPhone + "，申请人周建华未申报"));
        execute(job(pi));
        BpmnAwareTests.assertThat(pi).isEnded();

        HttpResponse<String> page = lookUp(pi.getBusinessKey(), last4(form.applicantIdNumber));

        assertThat(page.body())
                .contains("书面告知", "经“乡镇受理”审查，决定不予受理", "林*梅在城关镇经营餐馆", "申请人周*华未申报")
                .contains("办理结果", "已办结：不予受理").doesNotContain("不予批准");
        assertThatNothingPersonalIsShown(page.body(), form);
    }

    @Test
    void showsTheStepsOfASameDayEmergencyCase() {
        long emergency = emergencies.declare(DemoOrganisation.TOWNSHIP_CHENGGUAN, EmergencyReason.NATURAL_DISASTER,
                "暴雨（测试）", DemoOrganisation.COUNTY_OFFICER);
        try {
            ApplicationForm form = Households.poorFamily(nextSequence += 10);
            String no = applicationService.submitPublic(form, EmergencyVariables.PROCESS_KEY);

            String page = lookUp(no, last4(form.applicantIdNumber)).body();

            assertThat(page).containsSubsequence("提交", "村级审核", "乡镇审批", "县级备案", "补办手续")
                    .doesNotContain("入户调查");
            assertThatNothingPersonalIsShown(page, form);
        } finally {
            emergencies.end(emergency, "test");
        }
    }

    private HttpResponse<String> lookUp(String applicationNo, String last4) {
        return applicant.postForm("/status", "/status", Map.of("applicationNo", applicationNo, "idLast4", last4));
    }

    private static void assertThatNothingPersonalIsShown(String page, ApplicationForm form) {
        assertThat(page).doesNotContain(form.applicantName, form.applicantIdNumber, form.applicantPhone, form.address);
        form.members.forEach(member -> assertThat(page).doesNotContain(member.name, member.idNumber));
    }

    private static String last4(String idNumber) {
        return idNumber.substring(14);
    }

    private static String idNumberEndingInX() {
        for (int sequence = 900; sequence < 1000; sequence++) {
            String first17 = "341899" + "19660704" + "%03d".formatted(sequence);
            if (IdNumbers.checkCharOf(first17) == 'X') {
                return first17 + 'X';
            }
        }
        throw new IllegalStateException("No ID number ending in X");
    }
}
