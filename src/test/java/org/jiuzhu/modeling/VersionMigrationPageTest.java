package org.jiuzhu.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@JiuzhuIntegrationTest
class VersionMigrationPageTest {

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    private MigrationTestProcesses processes;

    @BeforeEach
    void setUp() {
        processes = new MigrationTestProcesses(repositoryService, runtimeService, taskService);
    }

    @Test
    void showsTheDryRunAndMigratesTheMigratableCases() {
        String key = "Test_MigrationPage";
        processes.deployVersion1(key, false);
        String atVisit = processes.start(key, "PAGE-VISIT");
        processes.completeTask(atVisit);
        String atReview = processes.start(key, "PAGE-REVIEW");
        processes.deployVersion2(key);
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        String list = admin.get("/admin/migration").body();
        assertThat(list).contains(key, "第 2 版", "第 1 版 2 件");
        String dryRun = admin.get("/admin/migration?key=" + key).body();
        assertThat(dryRun).contains("不能迁移（1 件）", "PAGE-VISIT", "入户核查", "新版本中没有这个环节",
                "可以迁移（1 件）", "PAGE-REVIEW", "执行迁移");
        assertThat(processes.versionOf(atReview)).isEqualTo(1);

        HttpResponse<String> executed = admin.postForm("/admin/migration?key=" + key, "/admin/migration/migrate",
                Map.of("key", key, "version", ""));

        assertThat(executed.statusCode()).isEqualTo(302);
        assertThat(executed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("key=" + key));
        String after = admin.get("/admin/migration?key=" + key).body();
        assertThat(after).contains("已将 1 件案件迁移到“迁移测试流程”第 2 版", "1 件案件不能迁移，仍按原版本办理",
                "不能迁移（1 件）", "PAGE-VISIT", "可以迁移（0 件）");
        assertThat(processes.versionOf(atReview)).isEqualTo(2);
        assertThat(processes.versionOf(atVisit)).isEqualTo(1);
    }

    @Test
    void answersBadInputWithAChineseMessage() {
        String key = "Test_MigrationPageInput";
        processes.deployVersion1(key, false);
        processes.deployVersion2(key);
        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);

        assertThat(admin.get("/admin/migration?key=Test_NoSuchProcess").body()).contains("没有找到流程 ID（Key）为“Test_NoSuchProcess”的流程");
        assertThat(admin.get("/admin/migration?key=" + key + "&version=2").body()).contains("第 2 版就是", "最新版本，无需迁移");
        assertThat(admin.get("/admin/migration?key=" + key + "&version=abc").body()).contains("版本号应为数字");
        admin.postForm("/admin/migration", "/admin/migration/migrate", Map.of("key", key, "version", "2"));
        String afterRefusal = admin.get("/admin/migration?key=" + key + "&version=2").body();
        assertThat(afterRefusal).contains("最新版本，无需迁移").doesNotContain("Exception");
    }

    @Test
    void isForAdministratorsOnlyAndLinkedFromTheirPortal() {
        WebSession official = new WebSession(port);
        official.login(COUNTY_OFFICER, PASSWORD);
        assertThat(official.get("/admin/migration").statusCode()).isEqualTo(403);
        assertThat(official.postForm("/", "/admin/migration/migrate", Map.of("key", "dibaoApplication")).statusCode())
                .isEqualTo(403);
        assertThat(official.get("/").body()).doesNotContain("/admin/migration");

        WebSession admin = new WebSession(port);
        admin.login(ADMINISTRATOR, PASSWORD);
        assertThat(admin.get("/").body()).contains("href=\"/admin/migration\"", "版本迁移");
    }
}
