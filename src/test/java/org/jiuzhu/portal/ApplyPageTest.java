package org.jiuzhu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.dibao.IncomeKind;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@JiuzhuIntegrationTest
class ApplyPageTest {

    private static int nextSequence = 500;

    @LocalServerPort int port;
    @Autowired ApplicationRepository applications;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    WebSession visitor;

    @BeforeEach
    void openSession() {
        visitor = new WebSession(port);
    }

    @Test
    void offersTheVillagesByTownshipAndSpareRowsWithoutLogin() {
        HttpResponse<String> page = visitor.get("/apply");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                // Where a test has added a second county, each township is labelled with its county too.
                .containsPattern("<optgroup label=\"(\\S+ )?城关街道\">").containsPattern("<optgroup label=\"(\\S+ )?青山镇\">")
                .contains("东门社区", "青山村")
                .contains("申请人承诺所填信息真实完整，并授权民政部门核对家庭经济状况")
                .contains("name=\"members[3].name\"").doesNotContain("name=\"members[4].name\"")
                .contains("name=\"incomes[2].monthlyAmount\"").doesNotContain("name=\"incomes[3].monthlyAmount\"")
                .contains("添加成员");
        // Villages only: a township is no place to apply in.
        assertThat(page.body()).doesNotContain("value=\"341899001000\"");
    }

    @Test
    void storesTheApplicationStartsItsProcessAndShowsTheNumber() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);

        HttpResponse<String> submitted = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/apply/submitted"));
        HttpResponse<String> page = visitor.get("/apply/submitted");
        assertThat(page.statusCode()).isEqualTo(200);
        String applicationNo = numberOn(page);
        assertThat(page.body()).contains("请抄写或截图保存申请编号", "href=\"/status\"");

        DibaoApplication stored = applications.findByApplicationNo(applicationNo).orElseThrow();
        assertThat(stored.applicantName()).isEqualTo("周建华");
        assertThat(stored.villageCode()).isEqualTo(form.unitCode);
        assertThat(stored.submittedVia()).isEqualTo("PUBLIC");
        assertThat(stored.members()).extracting(HouseholdMember::name).containsExactly("周建华", "林秀梅", "周小雨");
        assertThat(stored.incomes()).singleElement().satisfies(income -> {
            assertThat(income.kind()).isEqualTo(IncomeKind.WAGE);
            assertThat(income.monthlyAmount()).isEqualByComparingTo("900");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).count())
                .isOne();
        assertThat(stored.processInstanceId()).isNotNull();
    }

    @Test
    void ignoresCompletelyBlankMemberAndIncomeRows() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        List<ApplicationForm.MemberForm> members = new ArrayList<>();
        members.add(form.members.get(0));
        members.add(new ApplicationForm.MemberForm());
        members.add(form.members.get(1));
        members.add(new ApplicationForm.MemberForm());
        members.add(new ApplicationForm.MemberForm());
        members.add(form.members.get(2));
        form.members = members;
        List<ApplicationForm.IncomeForm> incomes = new ArrayList<>();
        incomes.add(new ApplicationForm.IncomeForm());
        incomes.add(new ApplicationForm.IncomeForm());
        incomes.add(form.incomes.get(0));
        form.incomes = incomes;
        Map<String, String> fields = Households.formFields(form);

        HttpResponse<String> submitted = visitor.postForm("/apply", "/apply", fields);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        DibaoApplication stored = applications.findByApplicationNo(numberOn(visitor.get("/apply/submitted"))).orElseThrow();
        assertThat(stored.members()).extracting(HouseholdMember::name).containsExactly("周建华", "林秀梅", "周小雨");
        assertThat(stored.incomes()).hasSize(1);
    }

    @Test
    void showsEveryProblemInChineseKeepsTheValuesAndStoresNothing() {
        long before = storedApplications();
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        form.applicantName = "";
        form.applicantPhone = "12345";
        form.members.get(1).idNumber = "";
        form.relativeOfOfficial = true;
        form.relativeDeclaration = "";
        form.pledge = false;
        Map<String, String> fields = Households.formFields(form);
        fields.put("incomes[0].monthlyAmount", "九百");
        fields.put("applicantIdNumber", "");

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", fields);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("申请尚未提交，请修改以下问题后重新提交")
                .contains("请填写申请人姓名", "请填写申请人身份证号", "联系电话应为 11 位手机号码")
                .contains("家庭成员第 2 行：请填写家庭成员身份证号")
                .contains("收入第 1 行：月收入应为数字（元）")
                .contains("请说明与经办人员或村（居）委会成员的近亲属关系")
                .contains("请阅读并勾选申请人承诺")
                // One message per field: a missing ID number is not also "of the wrong format".
                .doesNotContain("申请人身份证号应为 18 位")
                .contains("value=\"林秀梅\"", "value=\"九百\"", "value=\"12345\"", "幸福路 12 号")
                .doesNotContain("Exception", "at org.");
        assertThat(storedApplications()).isEqualTo(before);
    }

    @Test
    void refusesAnUnregisteredVillageWithoutStoringAnything() {
        long before = storedApplications();
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        form.unitCode = "341899001099";

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("申请尚未提交", "所在村（社区）341899001099 未登记，请核对区划代码",
                "value=\"周建华\"");
        assertThat(storedApplications()).isEqualTo(before);
    }

    @Test
    void refusesAFormWithoutMembers() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        form.members.forEach(member -> {
            member.name = " ";
            member.idNumber = "";
        });
        form.incomes.get(0).memberIdNumber = "";

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("请至少填写一名家庭成员（含申请人本人）")
                // The page offers its spare rows again.
                .contains("name=\"members[3].name\"");
    }

    @Test
    void needsAnIncomeRowToBeCompleteOnceSomethingIsEntered() {
        ApplicationForm form = Households.poorFamily(nextSequence += 10);
        ApplicationForm.IncomeForm halfFilled = new ApplicationForm.IncomeForm();
        halfFilled.note = "低保户临时打零工";
        form.incomes.add(halfFilled);
        halfFilled.monthlyAmount = new BigDecimal("300");

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", Households.formFields(form));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("收入第 2 行：请选择收入类型");
    }

    @Test
    void refusesAnAbsurdRowNumberBeforeBinding() {
        Map<String, String> fields = Households.formFields(Households.poorFamily(nextSequence += 10));
        fields.put("members[5000].name", "某人");

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", fields);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void confirmsTheNumberOnlyToWhoeverJustApplied() {
        visitor.postForm("/apply", "/apply", Households.formFields(Households.poorFamily(nextSequence += 10)));
        String applicationNo = numberOn(visitor.get("/apply/submitted"));

        WebSession stranger = new WebSession(port);
        HttpResponse<String> guessed = stranger.get("/apply/submitted?no=" + applicationNo);
        HttpResponse<String> again = visitor.get("/apply/submitted?no=" + applicationNo);

        // The same answer for a number that exists as for one that does not, and for a reload: no number.
        for (HttpResponse<String> page : List.of(guessed, again, stranger.get("/apply/submitted?no=DB-341899-20260101-9999"))) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("申请编号只显示一次", "不要重复提交申请").doesNotContain(applicationNo);
        }
    }

    @Test
    void refusesIncomesLargerThanTheHouseholdTotalsHold() {
        long before = storedApplications();
        Map<String, String> fields = Households.formFields(Households.poorFamily(nextSequence += 10));
        fields.put("incomes[0].monthlyAmount", "9999999999");

        HttpResponse<String> page = visitor.postForm("/apply", "/apply", fields);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("收入第 1 行：月收入金额最多 8 位整数、2 位小数");
        assertThat(storedApplications()).isEqualTo(before);
    }

    private static String numberOn(HttpResponse<String> page) {
        Matcher number = Pattern.compile("DB-341899-\\d{8}-\\d{4}").matcher(page.body());
        assertThat(number.find()).as(page.body()).isTrue();
        return number.group();
    }

    private long storedApplications() {
        return jdbc.sql("select count(*) from dibao_application").query(Long.class).single();
    }
}
