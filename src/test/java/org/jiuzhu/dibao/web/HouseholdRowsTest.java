package org.jiuzhu.dibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.dibao.IncomeItem;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of the household on /apply: the 本人 row, removed rows, the member of an income. */
@JiuzhuIntegrationTest
class HouseholdRowsTest {

    private static int nextSequence = 7500;

    @LocalServerPort int port;
    @Autowired ApplicationRepository applications;
    @Autowired JdbcClient jdbc;

    WebSession visitor;

    @BeforeEach
    void openSession() {
        visitor = new WebSession(port);
    }

    @Test
    void refusesAnApplicantWhoseIdIsNotTheOneOfTheSelfRow() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        form.members.get(0).idNumber = Households.unusedIdNumber("19750312");
        long before = count();

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("家庭成员第 1 行：“本人”一行的身份证号与申请人身份证号不一致，请核对")
                // The summary links to the field, and the message stands beside it too.
                .contains("href=\"#members0.idNumber\"")
                .containsPattern("id=\"members0.idNumber\"[^>]*>\\s*<span class=\"field-error\">“本人”一行的身份证号");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesASelfRowWhoseNameIsNotTheApplicants() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        // What typing over the name the page had filled in gives.
        form.members.get(0).name = form.applicantName + form.applicantName;
        long before = count();

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("家庭成员第 1 行：“本人”一行的姓名与申请人姓名不一致，请核对")
                .contains("href=\"#members0.name\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesAHouseholdWithoutASelfRowOrWithTwo() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        Map<String, String> fields = Households.formFields(form);
        fields.put("members[0].relation", "SPOUSE");

        assertThat(visitor.postForm("/apply", "/apply", fields).body())
                .contains("家庭成员中须有一行关系为“本人”", "href=\"#member-rows\"");

        fields.put("members[0].relation", "SELF");
        fields.put("members[1].relation", "SELF");
        assertThat(visitor.postForm("/apply", "/apply", fields).body())
                .contains("家庭成员第 2 行：关系为“本人”的只能有一行", "href=\"#members1.relation\"");
    }

    @Test
    void storesTheRowsLeftAfterSomeWereRemoved() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        Map<String, String> all = Households.formFields(form);
        // The browser removed the second member row and the first income row was never there: gaps in the numbers.
        Map<String, String> fields = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith("members[1]") || name.startsWith("_members[1]")) {
                return;
            }
            fields.put(name.replace("incomes[0]", "incomes[3]"), value);
        });
        fields.put("incomes[3].memberIdNumber", form.members.get(2).idNumber);

        HttpResponse<String> submitted = visitor.postForm("/apply", "/apply", fields);

        assertThat(submitted.statusCode()).isEqualTo(302);
        DibaoApplication stored = applications.findByApplicationNo(numberOn(visitor.get("/apply/submitted"))).orElseThrow();
        assertThat(stored.members()).extracting(HouseholdMember::name).containsExactly("周建华", "周小雨");
        assertThat(stored.incomes()).extracting(IncomeItem::memberIdNumber).containsExactly(form.members.get(2).idNumber);
    }

    @Test
    void offersTheMembersForTheIncomeAndRefusesSomeoneElse() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        String stranger = Households.unusedIdNumber("19610101");
        form.incomes.get(0).memberIdNumber = stranger;
        long before = count();

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(page.body())
                .contains("收入第 1 行：取得收入的成员须是上面填写的家庭成员之一，请从列表中选择", "href=\"#incomes0.memberIdNumber\"")
                .containsPattern("<option value=\"" + form.members.get(1).idNumber + "\">林秀梅（"
                        + form.members.get(1).idNumber.substring(14) + "）</option>")
                // What was chosen is kept, marked, rather than silently lost.
                .contains(stranger + "（不在家庭成员中）");
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from dibao_application").query(Long.class).single();
    }

    private static String numberOn(HttpResponse<String> page) {
        Matcher number = Pattern.compile("DB-341899-\\d{8}-\\d{4}").matcher(page.body());
        assertThat(number.find()).as("application number on the page").isTrue();
        return number.group();
    }
}
