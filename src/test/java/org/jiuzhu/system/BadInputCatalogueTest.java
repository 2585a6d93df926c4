package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jiuzhu.support.CaseDates;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The drill's catalogue of bad input, kept: what a careless or hostile citizen or official sends to our
 * pages and to the engine's API. Each is refused with a 4xx and a Chinese message (or our form shown again
 * with the problem named); none gets a 500, a stack trace, or engine, Java or SQL text, and nothing is stored.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

    /** Words that only ever come from a stack trace, the engine's internals or the database. */
    private static final List<String> INTERNALS = List.of("ENGINE-", "org.camunda", "java.", "javax.", "Exception:",
            "SQLState", "at org.", "PSQLException", "JdbcSQL", "org.h2", "Whitelabel", "Apache Tomcat");

    /** One bad request: who sends it, how, the statuses it may get and a Chinese word the answer contains. */
    record BadInput(String what, Supplier<HttpResponse<String>> request, List<Integer> statuses, String chinese) {
    }

    @Autowired ProcessEngine processEngine;
    @Autowired DibaoProcessDriver driver;
    @LocalServerPort int port;

    String investigationTask;

    @BeforeAll
    void aCaseAtTheVillagesHomeInvestigation() {
        BpmnAwareTests.init(processEngine);
        ProcessInstance pi = driver.submit(Households.poorFamily(620));
        driver.toHomeInvestigation(pi);
        investigationTask = DibaoProcessDriver.task(pi).getId();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedInChinese() {
        List<BadInput> catalogue = new ArrayList<>();
        catalogue.addAll(publicPages());
        catalogue.addAll(engineApi());
        catalogue.addAll(officialsPages());
        return catalogue.stream().map(input -> DynamicTest.dynamicTest(input.what(), () -> {
            HttpResponse<String> response = input.request().get();
            String answer = response.statusCode() + " " + response.body();
            assertThat(response.statusCode()).as(answer).isIn(input.statuses());
            if (input.chinese() != null) {
                assertThat(response.body()).as(answer).contains(input.chinese());
            }
            assertThat(response.body()).as(answer).doesNotContain(INTERNALS);
        }));
    }

    private List<BadInput> publicPages() {
        return List.of(
                apply("a NUL character in the applicant's name", f -> f.put("applicantName", "周\0建华"), 400, "空字符"),
                apply("a deposit of 10^13 yuan", f -> f.put("depositAmount", "10000000000000"), 200, "存款"),
                apply("a monthly income that is no number", f -> f.put("incomes[0].monthlyAmount", "九百"), 200, "数字"),
                apply("a village that is not registered", f -> f.put("unitCode", "341899999999"), 200, "村（社区）"),
                apply("a relation that does not exist", f -> f.put("members[1].relation", "LANDLORD"), 200, null),
                // Shown again as typed (a stale or missing token is a long pause, not an attack); nothing stored.
                new BadInput("an application without its CSRF token", () -> new WebSession(port).postWithoutCsrf("/apply",
                        "applicantName=x"), List.of(200), "页面停留时间过长"),
                new BadInput("an application of two megabytes", () -> new WebSession(port).postForm("/apply", "/apply",
                        Map.of("applicantName", "周".repeat(700_000))), List.of(413), "过大"),
                new BadInput("a progress lookup with a malformed number", () -> new WebSession(port).postForm("/status",
                        "/status", Map.of("applicationNo", "DB-'; drop table x;--", "idLast4", "12ab")), List.of(200), "申请编号"),
                new BadInput("an objection to a notice that does not exist", () -> new WebSession(port)
                        .get("/notices/987654321/objection"), List.of(404), "不存在"),
                new BadInput("an objection to a notice named by a word", () -> new WebSession(port)
                        .get("/notices/abc/objection"), List.of(400, 404), null));
    }

    private BadInput apply(String what, java.util.function.Consumer<Map<String, String>> spoil, int status, String chinese) {
        return new BadInput("apply: " + what, () -> {
            ApplicationForm household = Households.poorFamilyBornIn(1964, 100);
            Map<String, String> fields = Households.formFields(household);
            spoil.accept(fields);
            return new WebSession(port).postForm("/apply", "/apply", fields);
        }, List.of(status), chinese);
    }

    private List<BadInput> engineApi() {
        String submit = "/engine-rest/task/" + investigationTask + "/submit-form";
        Function<String, Supplier<HttpResponse<String>>> asVillage = body ->
                () -> new WebSession(port).postJsonWithBasic(submit, body, DONGMEN_OFFICER, PASSWORD);
        String investigation = """
                "investigators": {"value": "王芳、李强"}, "investigationDate": {"value": "2026-12-06"},
                "findings": {"value": "%s"}, "investigatorsSigned": {"value": true},
                "verifiedMonthlyIncome": {"value": %s}""".replace("2026-12-06", CaseDates.today());
        return List.of(
                new BadInput("a task form that is no JSON", asVillage.apply("{\"variables\": {"), List.of(400), null),
                new BadInput("an income of 10^13 in a task form", asVillage.apply("{\"variables\": {"
                        + investigation.formatted("住房狭小", "10000000000000") + "}}"), List.of(400), "核实的家庭月总收入"),
                new BadInput("a NUL character in a task form", asVillage.apply("{\"variables\": {"
                        + investigation.formatted("住房\\u0000狭小", "900") + "}}"), List.of(400), "空字符"),
                new BadInput("a Java object as a variable", asVillage.apply("""
                        {"variables": {"findings": {"type": "Object", "value": "rO0ABXNy",
                         "valueInfo": {"objectTypeName": "java.util.HashMap",
                         "serializationDataFormat": "application/x-java-serialized-object"}}}}"""), List.of(400), "变量"),
                new BadInput("a field the form does not have", asVillage.apply("{\"variables\": {"
                        + investigation.formatted("住房狭小", "900") + ", \"eligible\": {\"value\": true}}}"),
                        List.of(400), "表单中没有这些字段"),
                new BadInput("a negative income in a task form", asVillage.apply("{\"variables\": {"
                        + investigation.formatted("住房狭小", "-5") + "}}"), List.of(400), "不能为负数"),
                new BadInput("a task that does not exist", () -> new WebSession(port).postJsonWithBasic(
                        "/engine-rest/task/no-such-task/submit-form", "{\"variables\": {}}", DONGMEN_OFFICER, PASSWORD),
                        List.of(404), "不存在或已经办结"),
                new BadInput("a start form with a wrong ID number", () -> new WebSession(port).postJsonWithBasic(
                        "/engine-rest/process-definition/key/temporaryAssistance/submit-form", """
                        {"variables": {"assistanceType": {"value": "SUDDEN"}, "reason": {"value": "FIRE"},
                         "applicantName": {"value": "刘建军"}, "applicantIdNumber": {"value": "341899197909082018"},
                         "applicantPhone": {"value": "13800005678"}, "householdSize": {"value": 3, "type": "Integer"},
                         "resident": {"value": true}, "unitCode": {"value": "341899001001"},
                         "hardshipDescription": {"value": "夜间住房失火"}, "urgent": {"value": false}}}""",
                        CHENGGUAN_OFFICER, PASSWORD), List.of(400), "校验位"),
                new BadInput("a start form whose household is no list", () -> new WebSession(port).postJsonWithBasic(
                        "/engine-rest/process-definition/key/dibaoApplication/submit-form",
                        "{\"variables\": {\"members\": {\"value\": \"周建华\"}, \"unitCode\": {\"value\": \""
                                + VILLAGE_DONGMEN + "\"}}}", DONGMEN_OFFICER, PASSWORD), List.of(400), "申请表"),
                new BadInput("a process that does not exist", () -> new WebSession(port).postJsonWithBasic(
                        "/engine-rest/process-definition/key/noSuchProcess/start", "{}", DONGMEN_OFFICER, PASSWORD),
                        List.of(400, 403, 404), null),
                new BadInput("the whole history of variable updates", () -> new WebSession(port).getWithBasic(
                        "/engine-rest/history/detail?maxResults=10", CHENGGUAN_OFFICER, PASSWORD), List.of(400), "请"),
                new BadInput("a due date that is no date", () -> new WebSession(port).getWithBasic(
                        "/engine-rest/task?dueBefore=明天", CHENGGUAN_OFFICER, PASSWORD), List.of(400), "格式不正确"),
                new BadInput("a body of two megabytes", asVillage.apply("{\"variables\": {\"findings\": {\"value\": \""
                        + "x".repeat(2_000_000) + "\"}}}"), List.of(413), "过大"),
                new BadInput("a variable written over the API", () -> new WebSession(port).sendWithBasic("PUT",
                        "/engine-rest/task/" + investigationTask + "/variables/unitCode", "{\"value\": \"" + VILLAGE_XIMEN
                                + "\"}", DONGMEN_OFFICER, PASSWORD), List.of(403), "没有权限"),
                new BadInput("a message sent by an official", () -> new WebSession(port).postJsonWithBasic("/engine-rest/message",
                        "{\"messageName\": \"Message_EmergencyEnded\"}", COUNTY_OFFICER, PASSWORD), List.of(403), "没有权限"));
    }

    private List<BadInput> officialsPages() {
        return List.of(
                new BadInput("a case number that does not exist", () -> loggedIn(CHENGGUAN_OFFICER)
                        .get("/cases/DB-341899-20260101-9999"), List.of(404), "不存在"),
                new BadInput("a unit code of eleven digits", () -> loggedIn(ADMINISTRATOR).postForm("/admin/units",
                        "/admin/units", Map.of("code", "34189900100", "name", "某社区")), List.of(200), "12 位数字"),
                verificationFile("a verification record of an unknown kind", "341899199001010033,SALARY,工资,100", "类别"),
                verificationFile("a verification record of 10^15 yuan", "341899199001010033,DEPOSIT,存款,1000000000000000",
                        "金额超出范围"),
                verificationFile("a verification record with a description of 300 characters",
                        "341899199001010033,INCOME," + "工".repeat(300) + ",100", "说明超过"));
    }

    private BadInput verificationFile(String what, String line, String chinese) {
        return new BadInput(what, () -> {
            WebSession admin = loggedIn(ADMINISTRATOR);
            String page = "/admin/verification-records";
            return admin.postMultipart(page + "?_csrf=" + admin.csrfToken(page), Map.of("source", "测试"),
                    Map.of("file", ("id_number,kind,description,amount\n" + line + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }, List.of(200, 400), chinese);
    }

    private WebSession loggedIn(String user) {
        WebSession session = new WebSession(port);
        session.login(user, PASSWORD);
        return session;
    }
}
