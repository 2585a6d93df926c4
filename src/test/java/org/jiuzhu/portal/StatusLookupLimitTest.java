package org.jiuzhu.portal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.support.DibaoCases;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The look-up's guess limit holds per client address: a stranger who keeps guessing an applicant's
 * number is slowed down, the applicant (another address) still finds their case.
 */
@JiuzhuIntegrationTest
class StatusLookupLimitTest {

    private static int nextSequence = 7900;

    @Autowired MockMvc mvc;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationService applicationService;
    @Autowired StatusLookupProperties properties;

    @Test
    void aStrangersMissesDoNotLockTheApplicantOut() throws Exception {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = new DibaoCases(processEngine, applicationService).submit(form);
        String number = pi.getBusinessKey();
        String right = form.applicantIdNumber.substring(14);
        String wrong = right.equals("0000") ? "1111" : "0000";

        for (int i = 0; i < properties.maxMissesPerNumber() + 2; i++) {
            lookUp("203.0.113.9", number, wrong);
        }

        // The stranger is held off, even with the right digits now.
        assertThat(lookUp("203.0.113.9", number, right)).contains("查询失败次数过多").doesNotContain("周*华");
        // The applicant, from their own address, is not.
        assertThat(lookUp("198.51.100.7", number, right)).contains("周*华", "办理环节").doesNotContain("查询失败次数过多");
    }

    @Test
    void manyMissesFromOneAddressDoNotBlockAnother() throws Exception {
        for (int i = 0; i < properties.maxMissesPerClient() + 1; i++) {
            lookUp("203.0.113.10", "DB-341899-20260101-%04d".formatted(i), "1234");
        }
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ProcessInstance pi = new DibaoCases(processEngine, applicationService).submit(form);

        assertThat(lookUp("203.0.113.10", pi.getBusinessKey(), form.applicantIdNumber.substring(14)))
                .contains("查询失败次数过多");
        assertThat(lookUp("198.51.100.8", pi.getBusinessKey(), form.applicantIdNumber.substring(14)))
                .contains("周*华");
    }

    private String lookUp(String client, String number, String last4) throws Exception {
        return mvc.perform(post("/status").with(csrf()).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }).param("applicationNo", number).param("idLast4", last4))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
