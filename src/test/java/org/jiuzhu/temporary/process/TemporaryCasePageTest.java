package org.jiuzhu.temporary.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.newHousehold;
import static org.jiuzhu.temporary.process.TemporaryAssistanceDriver.startForm;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.support.DemoOrganisation;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case file of a 临时救助 case at /cases/LS-…, where every task's case link and the 督办 lead. */
@JiuzhuIntegrationTest
class TemporaryCasePageTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TemporaryAssistanceCases cases;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void showsTheCaseWithItsDecisionsAndPaymentsToItsUnitsOnly() {
        init(processEngine);
        TemporaryAssistanceDriver driver = new TemporaryAssistanceDriver(runtimeService, identityService, cases);
        ProcessInstance pi = driver.startAndSuggest(startForm(newHousehold()));
        driver.reviewAndRoute(pi, 4000);
        driver.loginAs(DemoOrganisation.CHENGGUAN_OFFICER);
        driver.approve(pi);
        identityService.clearAuthentication();
        driver.pay(pi);
        WebSession township = new WebSession(port);
        township.login(DemoOrganisation.CHENGGUAN_OFFICER, DemoOrganisation.PASSWORD);
        WebSession otherVillage = new WebSession(port);
        otherVillage.login(DemoOrganisation.QINGSHAN_VILLAGE_OFFICER, DemoOrganisation.PASSWORD);

        String page = township.get("/cases/" + pi.getBusinessKey()).body();

        Assertions.assertThat(page).contains("临时救助案卷", pi.getBusinessKey(), "已批准", "乡镇审核", "乡镇审批",
                "临时救助", "4000.00", "书面告知");
        // Who decided, by name (陈志强), not by login.
        Assertions.assertThat(page).contains(">陈志强<").doesNotContain(">" + DemoOrganisation.CHENGGUAN_OFFICER + "<");
        Assertions.assertThat(otherVillage.get("/cases/" + pi.getBusinessKey()).statusCode()).isEqualTo(404);
    }
}
