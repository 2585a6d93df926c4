package org.jiuzhu.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jiuzhu.support.Households;
import org.jiuzhu.support.TwoNodes;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The drill's two-node case: the same household submitted on both nodes of one PostgreSQL database at
 * the same moment. One application is stored; the other citizen is told its number. The database's key
 * decides, not a check each node makes on its own.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "jiuzhu.test.postgres", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateHouseholdTwoNodesTest {

    /** A county of its own (no demo data in this database: PostgresPlatformTest checks that). */
    private static final String COUNTY = "341700000000";
    private static final String TOWNSHIP = "341700001000";
    private static final String VILLAGE = "341700001001";

    private TwoNodes nodes;

    @BeforeAll
    void twoNodesWithAVillage() {
        nodes = TwoNodes.start(TwoNodes.database());
        WebSession admin = nodes.a().session();
        admin.login(TwoNodes.ADMINISTRATOR, TwoNodes.ADMINISTRATOR_PASSWORD);
        for (String[] unit : new String[][] {{COUNTY, "两节点县"}, {TOWNSHIP, "两节点镇"}, {VILLAGE, "两节点村"}}) {
            assertThat(admin.postForm("/admin/units", "/admin/units", Map.of("code", unit[0], "name", unit[1]))
                    .statusCode()).as("register " + unit[1]).isEqualTo(302);
        }
    }

    @AfterAll
    void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void storesOneApplicationWhenTheSameHouseholdIsSubmittedOnBothNodesAtOnce() throws Exception {
        ApplicationForm household = Households.poorFamilyBornIn(1956, Math.floorMod(UUID.randomUUID().hashCode(), 900));
        household.unitCode = VILLAGE;
        Map<String, String> fields = Households.formFields(household);
        WebSession onA = nodes.a().session();
        WebSession onB = nodes.b().session();
        String tokenA = onA.csrfToken("/apply");
        String tokenB = onB.csrfToken("/apply");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService citizens = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> sent = List.of(
                    citizens.submit(submit(go, () -> onA.postFormWithToken("/apply", fields, tokenA))),
                    citizens.submit(submit(go, () -> onB.postFormWithToken("/apply", fields, tokenB))));
            go.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            citizens.shutdownNow();
        }

        JdbcClient db = nodes.jdbc();
        List<String> stored = db.sql("select application_no from dibao_application where applicant_id_number = ?")
                .param(household.applicantIdNumber).query(String.class).list();
        assertThat(stored).hasSize(1);
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 200);
        assertThat(answers).filteredOn(a -> a.statusCode() == 200).singleElement()
                .satisfies(refused -> assertThat(refused.body()).contains("已有正在办理的最低生活保障申请", stored.get(0)));
        assertThat(db.sql("select count(*) from open_case_person where case_no = ?").param(stored.get(0))
                .query(Long.class).single()).isEqualTo(3);
        assertThat(db.sql("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null")
                .param(stored.get(0)).query(Long.class).single()).isOne();
    }

    private static Callable<HttpResponse<String>> submit(CountDownLatch go, Callable<HttpResponse<String>> post) {
        return () -> {
            go.await();
            return post.call();
        };
    }
}
