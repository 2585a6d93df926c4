package org.jiuzhu.portal;

import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ObjectionRepository;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.casework.HouseholdType;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.DibaoCases;
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
class NoticeBoardPageTest {

    private static int nextSequence = 700;

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired ApplicationRepository applications;
    @Autowired NoticeBoard board;
    @Autowired ObjectionRepository objections;
    @Autowired TaskService taskService;

    DibaoCases cases;
    WebSession visitor;

    @BeforeEach
    void setUp() {
        cases = new DibaoCases(processEngine, applicationService);
        visitor = new WebSession(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Nested
    class TheList {

        NoticeBoard.Notice dongmen;
        NoticeBoard.Notice qingshan;

        @BeforeEach
        void postOneNoticeInEachOfTwoVillages() {
            dongmen = post(Households.poorFamily(nextSequence += 10));
            ApplicationForm rural = Households.poorFamily(nextSequence += 10);
            rural.unitCode = DemoOrganisation.VILLAGE_QINGSHAN;
            rural.householdType = HouseholdType.RURAL;
            rural.applicantName = "欧阳小明";
            rural.members.get(0).name = "欧阳小明";
            qingshan = post(rural);
        }

        @Test
        void showsMaskedNamesOnlyAndTheWayToObject() {
            HttpResponse<String> page = visitor.get("/notices");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("姓名（已遮蔽）", "村（社区）", "家庭人口", "救助类别", "拟保障金额（元/月）", "公示期")
                    .contains("周*华", "欧**明", "东门社区", "青山村", "最低生活保障", "1035.00", "3 人")
                    .contains("href=\"/notices/" + dongmen.id() + "/objection\"", "提出异议")
                    .contains("实名或匿名")
                    .doesNotContain("周建华", "欧阳小明", "13800001234", "幸福路");
            DibaoApplication application = applications.get(dongmen.applicationId());
            assertThat(page.body()).doesNotContain(application.applicantIdNumber());
        }

        @Test
        void filtersByVillage() {
            String page = visitor.get("/notices?village=" + DemoOrganisation.VILLAGE_QINGSHAN).body();

            assertThat(page).contains("欧**明", "href=\"/notices/" + qingshan.id() + "/objection\"")
                    .doesNotContain("href=\"/notices/" + dongmen.id() + "/objection\"")
                    .contains("<option value=\"" + DemoOrganisation.VILLAGE_QINGSHAN + "\" selected=\"selected\">青山村</option>");
        }

        @Test
        void ignoresAnUnknownVillage() {
            String page = visitor.get("/notices?village=341899001000").body();

            assertThat(page).contains("href=\"/notices/" + dongmen.id() + "/objection\"",
                    "href=\"/notices/" + qingshan.id() + "/objection\"");
        }

        private NoticeBoard.Notice post(ApplicationForm form) {
            ProcessInstance pi = cases.submit(form);
            DibaoApplication application = applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
            return board.publish(application.id(), application.villageCode(), application.applicantName(),
                    application.householdSize(), "最低生活保障", new BigDecimal("1035"), Duration.ofDays(7));
        }
    }

    @Nested
    class Objections {

        ProcessInstance pi;
        NoticeBoard.Notice notice;

        @BeforeEach
        void caseInItsNoticePeriod() {
            pi = cases.submit(Households.poorFamily(nextSequence += 10));
            cases.toNoticePeriod(pi);
            DibaoApplication application = applications.findByApplicationNo(pi.getBusinessKey()).orElseThrow();
            notice = board.activeForApplication(application.id()).orElseThrow();
        }

        @Test
        void showsTheNoticeAndTheForm() {
            HttpResponse<String> page = visitor.get("/notices/" + notice.id() + "/objection");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("周*华", "东门社区", "异议内容", "联系方式（选填）", "name=\"_csrf\"")
                    .doesNotContain("周建华");
        }

        @Test
        void deliversAnAnonymousObjectionToTheCase() {
            HttpResponse<String> lodged = object(Map.of("content", "该户在集市经营摊位，收入未申报", "contact", ""));

            assertThat(lodged.statusCode()).isEqualTo(302);
            assertThat(lodged.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/notices/" + notice.id() + "/objection/lodged"));
            assertThat(visitor.get("/notices/" + notice.id() + "/objection/lodged").body()).contains("异议已提交");
            assertThat(objections.forApplication(notice.applicationId())).singleElement().satisfies(objection -> {
                assertThat(objection.content()).isEqualTo("该户在集市经营摊位，收入未申报");
                assertThat(objection.contact()).isNull();
            });
            assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("Task_CheckObjection").count()).isOne();
        }

        @Test
        void keepsAContactWhenGiven() {
            object(Map.of("content", "该户有一辆货车", "contact", "王先生 13900001111"));

            assertThat(objections.forApplication(notice.applicationId())).singleElement()
                    .satisfies(objection -> assertThat(objection.contact()).isEqualTo("王先生 13900001111"));
        }

        @Test
        void needsContentWithinTheLimits() {
            HttpResponse<String> empty = object(Map.of("content", "  ", "contact", ""));
            HttpResponse<String> tooLong = object(Map.of("content", "字".repeat(1001), "contact", "电".repeat(101)));

            assertThat(empty.statusCode()).isEqualTo(200);
            assertThat(empty.body()).contains("请填写异议内容");
            assertThat(tooLong.body()).contains("异议内容不能超过 1000 个字", "联系方式不能超过 100 个字");
            assertThat(objections.forApplication(notice.applicationId())).isEmpty();
            assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("Task_CheckObjection").count()).isZero();
        }

        @Test
        void refusesAnObjectionOnceTheNoticePeriodHasEnded() {
            ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
            BpmnAwareTests.execute(BpmnAwareTests.job(pi));
            BpmnAwareTests.execute(BpmnAwareTests.job(pi));
            BpmnAwareTests.assertThat(pi).isWaitingAt("Task_TownshipApproval");

            // The page of an ended notice has no form; the session's token comes from another page.
            HttpResponse<String> refused = visitor.postForm("/status", "/notices/" + notice.id() + "/objection",
                    Map.of("content", "公示期后才知道的情况", "contact", ""));

            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("该公示已结束或不存在，无法提出异议").doesNotContain("name=\"content\"");
            assertThat(objections.forApplication(notice.applicationId())).isEmpty();
        }

        @Test
        void answersAnUnknownNoticeWithNotFound() {
            assertThat(visitor.get("/notices/99999999/objection").statusCode()).isEqualTo(404);
        }

        private HttpResponse<String> object(Map<String, String> fields) {
            String path = "/notices/" + notice.id() + "/objection";
            return visitor.postForm(path, path, fields);
        }
    }
}
