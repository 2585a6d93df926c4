package org.jiuzhu.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationService.InvalidApplicationException;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.support.EngineUsers;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One open application per person (drill: the same household submitted twice — a double click, a retry,
 * once on each node — was enrolled twice and paid the same-day assistance twice). The database refuses
 * the second; the applicant is told the first case's number.
 */
@JiuzhuIntegrationTest
class DuplicateHouseholdTest {

    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired DibaoProcessDriver driver;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void bindAssertions() {
        init(processEngine);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void refusesTheSameHouseholdSubmittedTwiceNamingTheFirstCase() {
        ApplicationForm household = Households.poorFamily(400);
        String first = applicationService.submitPublic(household);

        assertThatThrownBy(() -> applicationService.submitPublic(household))
                .isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining("已有正在办理的最低生活保障申请").hasMessageContaining(first);
        assertThat(applicationsOf(household)).containsExactly(first);
    }

    @Test
    void refusesAHouseholdWithAMemberOfAnotherOpenCase() {
        ApplicationForm first = Households.poorFamily(410);
        String firstNo = applicationService.submitPublic(first);
        ApplicationForm other = Households.poorFamily(420);
        other.members.get(2).idNumber = first.members.get(2).idNumber;

        assertThatThrownBy(() -> applicationService.submitPublic(other))
                .isInstanceOf(InvalidApplicationException.class).hasMessageContaining(firstNo);
        assertThat(applicationsOf(other)).isEmpty();
    }

    @Test
    void tellsTheApplicantOnThePageWhenTheFormIsSentTwice() {
        ApplicationForm household = Households.poorFamily(430);
        WebSession visitor = new WebSession(port);

        HttpResponse<String> first = visitor.postForm("/apply", "/apply", Households.formFields(household));
        HttpResponse<String> again = visitor.postForm("/apply", "/apply", Households.formFields(household));

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("已有正在办理的最低生活保障申请", applicationsOf(household).get(0))
                .doesNotContain("Exception", "SQL");
        assertThat(applicationsOf(household)).hasSize(1);
    }

    @Test
    void refusesAnOfficialsStartFormForAHouseholdWithAnOpenApplication() {
        ApplicationForm household = Households.poorFamily(440);
        String first = applicationService.submitPublic(household);
        loginAs(DemoOrganisation.DONGMEN_OFFICER);

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY,
                Households.asStartForm(household)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(first);
        identityService.clearAuthentication();
        assertThat(applicationsOf(household)).containsExactly(first);
    }

    @Test
    void letsOnlyOneOfTwoSimultaneousSubmissionsThrough() throws Exception {
        ApplicationForm household = Households.poorFamily(450);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> submit = () -> {
            go.await();
            try {
                return applicationService.submitPublic(household);
            } catch (InvalidApplicationException refused) {
                return refused.getMessage();
            }
        };
        ExecutorService twoClicks = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> answers = new ArrayList<>(List.of(twoClicks.submit(submit), twoClicks.submit(submit)));
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get());
            }

            List<String> stored = applicationsOf(household);
            assertThat(stored).hasSize(1);
            assertThat(results).filteredOn(stored.get(0)::equals).hasSize(1);
            assertThat(results).filteredOn(r -> r.contains("已有正在办理") && r.contains(stored.get(0))).hasSize(1);
        } finally {
            twoClicks.shutdownNow();
        }
    }

    @Test
    void letsTheHouseholdApplyAgainOnceItsCaseHasEnded() {
        ApplicationForm household = Households.poorFamily(460);
        ProcessInstance refused = driver.submit(household);
        driver.checkMaterials(refused);
        complete(task(refused), withVariables("acceptanceDecision", "reject", "rejectionReason", "材料不实"));
        driver.issueRejection(refused);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(refused).isEnded();

        String again = applicationService.submitPublic(household);

        assertThat(applicationsOf(household)).hasSize(2).contains(again);
    }

    @Test
    void clearsTheClaimOfACaseCancelledWithoutItsListeners() {
        ApplicationForm household = Households.poorFamily(470);
        ProcessInstance cancelled = driver.submit(household);
        runtimeService.deleteProcessInstance(cancelled.getId(), "管理员撤销", true);

        String again = applicationService.submitPublic(household);

        assertThat(applicationsOf(household)).hasSize(2).contains(again);
    }

    @Test
    void refusesACorrectionThatBringsInAMemberOfAnotherOpenCase() {
        ApplicationForm other = Households.poorFamily(480);
        String otherNo = applicationService.submitPublic(other);
        ApplicationForm household = Households.poorFamily(490);
        ProcessInstance pi = driver.submit(household);
        long id = driver.applicationOf(pi).id();
        household.members.get(1).idNumber = other.members.get(1).idNumber;

        assertThatThrownBy(() -> applicationService.correct(id, household))
                .isInstanceOf(InvalidApplicationException.class).hasMessageContaining(otherNo);
        ApplicationForm fresh = Households.poorFamily(500);
        household.members.get(1).idNumber = fresh.members.get(1).idNumber;
        applicationService.correct(id, household);
        assertThatThrownBy(() -> applicationService.submitPublic(fresh))
                .isInstanceOf(InvalidApplicationException.class).hasMessageContaining(pi.getBusinessKey());
    }

    private List<String> applicationsOf(ApplicationForm household) {
        return jdbc.sql("select application_no from dibao_application where applicant_id_number = ? order by id")
                .param(household.applicantIdNumber).query(String.class).list();
    }

    private void loginAs(String userId) {
        EngineUsers.loginAs(identityService, userId);
    }
}
