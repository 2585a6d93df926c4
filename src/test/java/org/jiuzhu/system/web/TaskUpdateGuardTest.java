package org.jiuzhu.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.dibao.process.DibaoProcessDriver.task;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /task/{id}}: an official sets the follow-up date of a task (Tasklist sends the whole task back,
 * its form reference included) and changes nothing else; the due date only an administrator moves. The
 * drill: a township officer moved the due date of their own task by three weeks and escaped supervision.
 */
@JiuzhuIntegrationTest
class TaskUpdateGuardTest {

    private static final List<String> TASK_PATHS = List.of("/engine-rest/task/", "/engine-rest/engine/default/task/",
            "/camunda/api/engine/engine/default/task/");
    private static final String WEBAPP = "/camunda/api/engine/engine/default/task/";

    @LocalServerPort int port;
    @Autowired DibaoProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper json;

    private static final AtomicInteger HOUSEHOLDS = new AtomicInteger(60);

    /** 乡镇受理 of 城关街道, with its Camunda form. */
    private Task task;

    @BeforeEach
    void caseAtAcceptance() {
        ProcessInstance pi = driver.submit(Households.poorFamilyBornIn(1971, HOUSEHOLDS.incrementAndGet()));
        driver.checkMaterials(pi);
        task = task(pi);
        assertThat(task.getDueDate()).isNotNull();
    }

    @Test
    void refusesAnOfficialANewDueDateOnEveryPath() throws Exception {
        // Claimed: the engine grants the assignee UPDATE on the task, so it would take the new due date.
        taskService.claim(task.getId(), CHENGGUAN_OFFICER);
        Date due = task.getDueDate();
        for (String path : TASK_PATHS) {
            ObjectNode body = asTasklistSendsIt(task.getId());
            body.put("due", "2027-03-01T17:00:00.000+0800");

            HttpResponse<String> response = put(path, body, CHENGGUAN_OFFICER);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).contains("\"type\":\"AuthorizationException\"", "办理期限只能按规定延长");
        }
        ObjectNode cleared = asTasklistSendsIt(task.getId());
        cleared.putNull("due");
        assertThat(put(WEBAPP, cleared, CHENGGUAN_OFFICER).statusCode()).isEqualTo(403);
        ObjectNode leftOut = asTasklistSendsIt(task.getId());
        leftOut.remove("due");
        assertThat(put("/engine-rest/task/", leftOut, CHENGGUAN_OFFICER).statusCode()).isEqualTo(403);

        assertThat(current().getDueDate()).isEqualTo(due);
    }

    @Test
    void letsAnOfficialSetTheFollowUpDateFromTheTaskTasklistSendsBack() throws Exception {
        ObjectNode body = asTasklistSendsIt(task.getId());
        assertThat(body.hasNonNull("camundaFormRef")).as("the task has a Camunda form").isTrue();
        body.put("followUp", "2026-12-20T09:00:00.000+0800");

        HttpResponse<String> response = put(WEBAPP, body, CHENGGUAN_OFFICER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(current().getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-20T01:00:00Z"));
        assertThat(current().getDueDate()).isEqualTo(task.getDueDate());

        ObjectNode reset = asTasklistSendsIt(task.getId());
        reset.putNull("followUp");
        assertThat(put("/engine-rest/task/", reset, CHENGGUAN_OFFICER).statusCode()).isEqualTo(204);
        assertThat(current().getFollowUpDate()).isNull();
    }

    @Test
    void refusesAnOfficialTheOtherFieldsOfTheTask() throws Exception {
        Map<String, Object> changes = Map.of("name", "随便改个名", "priority", 100, "owner", CHENGGUAN_OFFICER,
                "assignee", CHENGGUAN_OFFICER, "tenantId", "other", "caseInstanceId", "x", "description", "改");
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            ObjectNode body = asTasklistSendsIt(task.getId());
            body.set(change.getKey(), json.valueToTree(change.getValue()));

            HttpResponse<String> response = put("/engine-rest/task/", body, CHENGGUAN_OFFICER);

            assertThat(response.statusCode()).as(change.getKey()).isEqualTo(403);
            assertThat(response.body()).as(change.getKey()).contains("由流程决定，只能由系统管理员更改");
        }
        ObjectNode onlyFollowUp = json.createObjectNode().put("followUp", "2026-12-20T09:00:00.000+0800");
        HttpResponse<String> bare = put("/engine-rest/task/", onlyFollowUp, CHENGGUAN_OFFICER);
        assertThat(bare.statusCode()).as("the rest of the task would be emptied").isEqualTo(403);

        Task after = current();
        assertThat(after.getName()).isEqualTo(task.getName());
        assertThat(after.getPriority()).isEqualTo(task.getPriority());
        assertThat(after.getOwner()).isNull();
        assertThat(after.getFollowUpDate()).isNull();
    }

    @Test
    void refusesADateThatIsNoDateInChinese() throws Exception {
        ObjectNode body = asTasklistSendsIt(task.getId());
        body.put("followUp", "下周一");

        HttpResponse<String> response = put("/engine-rest/task/", body, CHENGGUAN_OFFICER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("日期格式不正确");
    }

    @Test
    void letsAnAdministratorMoveTheDueDate() throws Exception {
        ObjectNode body = asTasklistSendsIt(task.getId());
        body.put("due", "2027-03-01T17:00:00.000+0800");

        HttpResponse<String> response = put("/engine-rest/task/", body, ADMINISTRATOR);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(current().getDueDate().toInstant()).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
    }

    @Test
    void leavesTheUnitsOwnTaskToTheEngineWhenTheOfficialMayNotSeeIt() throws Exception {
        ObjectNode body = asTasklistSendsIt(task.getId());
        body.put("due", "2027-03-01T17:00:00.000+0800");

        HttpResponse<String> response = put("/engine-rest/task/", body, QINGSHAN_TOWNSHIP_OFFICER);

        assertThat(response.statusCode()).isIn(403, 404);
        assertThat(response.body()).doesNotContain("办理期限只能按规定延长").doesNotContainPattern("[A-Z][a-z]+ [a-z]+ [a-z]+");
        assertThat(current().getDueDate()).isEqualTo(task.getDueDate());
    }

    @Test
    void refusesAnOfficialAFreeTaskInChinese() {
        for (String path : List.of("/engine-rest/task/create", "/engine-rest/engine/default/task/create")) {
            HttpResponse<String> response = new WebSession(port).sendWithBasic("POST", path,
                    "{\"id\": null, \"name\": \"自由任务\", \"tenantId\": null}", CHENGGUAN_OFFICER, PASSWORD);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).contains("自由任务只能由系统管理员创建");
        }
        WebSession tasklist = new WebSession(port);
        tasklist.login(CHENGGUAN_OFFICER, PASSWORD);
        HttpResponse<String> fromTasklist = tasklist.postJsonToWebapp(WEBAPP + "create",
                "{\"id\": null, \"name\": \"自由任务\", \"assignee\": null, \"tenantId\": null}");
        assertThat(fromTasklist.statusCode()).isEqualTo(403);
        assertThat(fromTasklist.body()).contains("自由任务只能由系统管理员创建");
        assertThat(taskService.createTaskQuery().taskName("自由任务").count()).isZero();
    }

    /** The task as Tasklist holds it (its GET, HAL links aside): what it PUTs back with one date changed. */
    private ObjectNode asTasklistSendsIt(String taskId) throws Exception {
        HttpResponse<String> response = new WebSession(port).getWithBasic("/engine-rest/task/" + taskId,
                ADMINISTRATOR, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        return (ObjectNode) json.readTree(response.body());
    }

    private HttpResponse<String> put(String path, ObjectNode body, String user) throws Exception {
        String text = json.writeValueAsString(body);
        if (!path.startsWith("/camunda/")) {
            return new WebSession(port).sendWithBasic("PUT", path + task.getId(), text, user, PASSWORD);
        }
        WebSession tasklist = new WebSession(port);
        tasklist.login(user, PASSWORD);
        tasklist.get("/camunda/app/tasklist/default/");
        return tasklist.send("PUT", path + task.getId(),
                Map.of("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"), "Content-Type", "application/json"), text);
    }

    private Task current() {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult();
    }
}
