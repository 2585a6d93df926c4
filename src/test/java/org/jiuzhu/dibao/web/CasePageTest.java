package org.jiuzhu.dibao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.EngineUsers;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@JiuzhuIntegrationTest
class CasePageTest {

    private static int nextSequence = 800;

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired ApplicationRepository applications;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    DibaoCases cases;

    @BeforeEach
    void setUp() {
        cases = new DibaoCases(processEngine, applicationService);
    }

    @AfterEach
    void clearEngineUser() {
        identityService.clearAuthentication();
    }

    @Nested
    class Access {

        ApplicationForm form;
        ProcessInstance pi;

        @BeforeEach
        void caseOfDongmenAccepted() {
            form = Households.poorFamily(nextSequence += 10);
            pi = cases.submit(form);
            cases.toAcceptance(pi);
            Task acceptance = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
            identityService.setAuthentication(CHENGGUAN_OFFICER, List.of("township-" + TOWNSHIP_CHENGGUAN));
            taskService.complete(acceptance.getId(), Map.of("acceptanceDecision", "accept"));
            identityService.clearAuthentication();
        }

        @Test
        void showsTheWholeCaseFileToTheVillageOfTheCase() {
            HttpResponse<String> page = loggedIn(DONGMEN_OFFICER).get("/cases/" + pi.getBusinessKey());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains(pi.getBusinessKey(), "周建华", form.applicantIdNumber, form.applicantPhone, "幸福路 12 号")
                    .contains("林秀梅", "周小雨", "配偶", "子女", "工资性收入", "900.00", "2000.00 元")
                    .contains("群众网上申请", "清源县 / 城关街道 / 东门社区")
                    .contains("当前环节", "家庭经济状况核对")
                    .contains("乡镇受理", "受理", "陈志强")
                    .contains("尚未公示", "未收到异议", "尚未作出书面告知");
        }

        @Test
        void showsTheCaseFileToTheTownship() {
            assertThat(loggedIn(CHENGGUAN_OFFICER).get("/cases/" + pi.getBusinessKey()).statusCode()).isEqualTo(200);
        }

        @Test
        void hidesTheCaseFromOtherVillagesAsIfItDidNotExist() {
            HttpResponse<String> neighbour = loggedIn(XIMEN_OFFICER).get("/cases/" + pi.getBusinessKey());
            HttpResponse<String> otherTownship = loggedIn(QINGSHAN_VILLAGE_OFFICER).get("/cases/" + pi.getBusinessKey());
            HttpResponse<String> unknown = loggedIn(CHENGGUAN_OFFICER).get("/cases/DB-341899-20000101-9999");

            for (HttpResponse<String> page : List.of(neighbour, otherTownship, unknown)) {
                assertThat(page.statusCode()).isEqualTo(404);
                assertThat(page.body()).contains("页面不存在").doesNotContain("周建华");
            }
        }

        @Test
        void needsALogin() {
            HttpResponse<String> page = new WebSession(port).get("/cases/" + pi.getBusinessKey());

            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }

        @Test
        void isFoundFromThePortal() {
            WebSession official = loggedIn(DONGMEN_OFFICER);

            assertThat(official.get("/").body()).contains("案卷查询", "action=\"/cases\"");
            HttpResponse<String> found = official.get("/cases?no=" + pi.getBusinessKey().toLowerCase());

            assertThat(found.statusCode()).isEqualTo(302);
            assertThat(found.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/cases/" + pi.getBusinessKey()));
        }

        @Test
        void refusesToEditACaseThatIsNotAtTheCorrection() {
            HttpResponse<String> page = loggedIn(CHENGGUAN_OFFICER).get("/cases/" + pi.getBusinessKey() + "/edit");

            assertThat(page.statusCode()).isEqualTo(409);
            assertThat(page.body()).contains("不能修改申请材料", "补正材料").doesNotContain("Exception");
        }
    }

    @Nested
    class Correction {

        ApplicationForm form;
        ProcessInstance pi;
        String wrongIdNumber;

        @BeforeEach
        void caseWithAWrongChecksumWaitingForCorrection() {
            form = Households.poorFamily(nextSequence += 10);
            wrongIdNumber = Households.withWrongChecksum(form.members.get(2).idNumber);
            form.members.get(2).idNumber = wrongIdNumber;
            pi = cases.submit(form);
            BpmnAwareTests.execute(BpmnAwareTests.job(pi));
            BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CorrectMaterials");
        }

        @Test
        void showsTheProblemsAndTheWayToCorrectThemToTheTownship() {
            String page = loggedIn(CHENGGUAN_OFFICER).get("/cases/" + pi.getBusinessKey()).body();

            assertThat(page).contains("需补正的问题", "家庭成员周小雨的身份证号 " + wrongIdNumber + " 校验位不正确")
                    .contains("href=\"/cases/" + pi.getBusinessKey() + "/edit\"", "修改申请材料");
        }

        @Test
        void letsOnlyTheTownshipCorrect() {
            WebSession village = loggedIn(DONGMEN_OFFICER);

            assertThat(village.get("/cases/" + pi.getBusinessKey()).body()).doesNotContain("修改申请材料");
            assertThat(village.get("/cases/" + pi.getBusinessKey() + "/edit").statusCode()).isEqualTo(409);
        }

        @Test
        void correctsTheMaterialsAndTheProcessMovesOn() {
            WebSession township = loggedIn(CHENGGUAN_OFFICER);
            String editPath = "/cases/" + pi.getBusinessKey() + "/edit";
            HttpResponse<String> edit = township.get(editPath);
            assertThat(edit.statusCode()).isEqualTo(200);
            assertThat(edit.body()).contains("value=\"周建华\"", "value=\"" + wrongIdNumber + "\"", "校验位不正确")
                    .doesNotContain("name=\"unitCode\"", "name=\"pledge\"");

            form.members.get(2).idNumber = Households.unusedIdNumber("20120901");
            HttpResponse<String> saved = township.postForm(editPath, editPath, Households.formFields(form));

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/cases/" + pi.getBusinessKey()));
            assertThat(township.get("/cases/" + pi.getBusinessKey()).body()).contains(CaseController.CORRECTED_MESSAGE);
            DibaoApplication corrected = applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
            assertThat(corrected.members()).extracting(HouseholdMember::idNumber)
                    .contains(form.members.get(2).idNumber).doesNotContain(wrongIdNumber);
            assertThat(corrected.villageCode()).isEqualTo(VILLAGE_DONGMEN);

            BpmnAwareTests.complete(BpmnAwareTests.task(pi), BpmnAwareTests.withVariables("correctionDecision", "corrected"));
            BpmnAwareTests.execute(BpmnAwareTests.job(pi));
            BpmnAwareTests.assertThat(pi).isWaitingAt("Task_Acceptance");
        }

        @Test
        void showsTheProblemsOfACorrectionAndChangesNothing() {
            WebSession township = loggedIn(CHENGGUAN_OFFICER);
            String editPath = "/cases/" + pi.getBusinessKey() + "/edit";
            form.applicantName = "";
            Map<String, String> fields = Households.formFields(form);
            fields.put("unitCode", VILLAGE_QINGSHAN);

            HttpResponse<String> page = township.postForm(editPath, editPath, fields);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("修改尚未保存", "请填写申请人姓名", "value=\"林秀梅\"");
            DibaoApplication unchanged = applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
            assertThat(unchanged.applicantName()).isEqualTo("周建华");
            assertThat(unchanged.villageCode()).isEqualTo(VILLAGE_DONGMEN);
        }
    }

    @Test
    void namesTheOfficialWhoRegisteredTheApplicationByName() {
        EngineUsers.loginAs(identityService, DONGMEN_OFFICER);
        ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("dibaoApplication",
                Households.asStartForm(Households.poorFamily(nextSequence += 10)));
        identityService.clearAuthentication();

        HttpResponse<String> page = loggedIn(DONGMEN_OFFICER).get("/cases/" + pi.getBusinessKey());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("（李秀英）").doesNotContain("（lixiuying）");
    }

    private WebSession loggedIn(String user) {
        WebSession session = new WebSession(port);
        session.login(user, PASSWORD);
        return session;
    }
}
