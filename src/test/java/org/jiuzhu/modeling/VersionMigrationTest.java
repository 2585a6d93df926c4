package org.jiuzhu.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.jiuzhu.modeling.VersionMigration.Case;
import org.jiuzhu.modeling.VersionMigration.DryRun;
import org.jiuzhu.modeling.VersionMigration.Obstacle;
import org.jiuzhu.modeling.VersionMigration.Outcome;
import org.jiuzhu.modeling.VersionMigration.SourceCheck;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@JiuzhuIntegrationTest
class VersionMigrationTest {

    @Autowired VersionMigration migration;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    private MigrationTestProcesses processes;

    @BeforeEach
    void setUp() {
        processes = new MigrationTestProcesses(repositoryService, runtimeService, taskService);
    }

    @Test
    void dryRunNamesTheCaseWaitingAtADroppedStepAndExecutingMigratesOnlyTheOther() {
        String key = "Test_VersionMigration";
        processes.deployVersion1(key, false);
        String atVisit = processes.start(key, "MIG-VISIT");
        processes.completeTask(atVisit);
        String atReview = processes.start(key, "MIG-REVIEW");
        processes.deployVersion2(key);

        DryRun dryRun = migration.dryRun(key, null);

        assertThat(dryRun.targetVersion()).isEqualTo(2);
        assertThat(dryRun.sources()).hasSize(1);
        SourceCheck v1 = dryRun.sources().get(0);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.planErrors()).isEmpty();
        assertThat(v1.blocked()).extracting(Case::businessKey).containsExactly("MIG-VISIT");
        assertThat(v1.blocked().get(0).obstacles()).containsExactly(new Obstacle("入户核查", "新版本中没有这个环节"));
        assertThat(v1.migratable()).extracting(Case::businessKey).containsExactly("MIG-REVIEW");
        assertThat(v1.migratable().get(0).currentActivities()).containsExactly("审核申请");
        assertThat(processes.versionOf(atReview)).as("a dry run changes nothing").isEqualTo(1);

        Outcome outcome = migration.migrate(key, null);

        assertThat(outcome.migrated()).isOne();
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.left()).extracting(Case::businessKey).containsExactly("MIG-VISIT");
        assertThat(processes.versionOf(atReview)).isEqualTo(2);
        processes.completeTask(atReview);
        assertThat(processes.waitingAt(atReview)).isEqualTo("Task_Approve");
        processes.completeTask(atReview);
        assertThat(processes.ended(atReview)).isTrue();
        assertThat(processes.versionOf(atVisit)).isEqualTo(1);
        assertThat(processes.waitingAt(atVisit)).isEqualTo("Task_HomeVisit");
    }

    @Test
    void blocksACaseWhoseAsynchronousStepIsDroppedWhileItsJobWaits() {
        String key = "Test_VersionMigrationAsync";
        processes.deployVersion1(key, true);
        String atNotify = processes.start(key, "MIG-ASYNC");
        processes.completeTask(atNotify);
        processes.completeTask(atNotify);
        processes.deployVersion2(key);

        SourceCheck v1 = migration.dryRun(key, 1).sources().get(0);

        assertThat(v1.migratable()).isEmpty();
        assertThat(v1.blocked()).singleElement().satisfies(c -> {
            assertThat(c.currentActivities()).containsExactly("发送通知（等待异步执行）");
            assertThat(c.obstacles()).containsExactly(new Obstacle("发送通知", "等待异步执行：新版本中没有这个环节"));
        });
        assertThat(migration.migrate(key, 1).migrated()).isZero();
        assertThat(processes.versionOf(atNotify)).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownProcessTheLatestVersionAndAMissingVersionInChinese() {
        String key = "Test_VersionMigrationInput";
        processes.deployVersion1(key, false);
        processes.deployVersion2(key);

        assertThatThrownBy(() -> migration.dryRun("Test_NoSuchProcess", null))
                .isInstanceOf(VersionMigration.Refused.class).hasMessageContaining("没有找到流程");
        assertThatThrownBy(() -> migration.migrate(key, 2))
                .isInstanceOf(VersionMigration.Refused.class).hasMessageContaining("第 2 版就是").hasMessageContaining("最新版本");
        assertThatThrownBy(() -> migration.dryRun(key, 7))
                .isInstanceOf(VersionMigration.Refused.class).hasMessageContaining("没有第 7 版");
        assertThat(migration.dryRun(key, null).sources()).as("no running cases on version 1").isEmpty();
    }
}
