package org.jiuzhu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.jiuzhu.organisation.OrganisationService;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The overdue scan (逾期巡查) as the job executor runs it: batch after batch, each its own job; two scans at
 * once escalate every task once, without a failed job; a scan job held by a node that died is taken over
 * by another node well within five minutes. The late work is in a county of this test's own (巡查县), in a
 * small process of one user task due long ago.
 */
@JiuzhuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueScanTest {

    static final String COUNTY = "341893000000";
    static final String TOWNSHIP = "341893001000";
    static final String VILLAGE = "341893001001";
    static final String LATE_WORK = "scanTestLateWork";
    static final String SCAN = "overdueScan";
    static final String SCAN_JOB = "Task_ScanOverdueTasks";
    /** The longest a job of a node that died may wait for another node: well under the engine's 5 minutes. */
    static final Duration TAKEOVER_PROMISE = Duration.ofSeconds(90);

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired CamundaBpmProperties camundaProperties;
    @Autowired OrganisationService organisation;
    @Autowired SupervisionRecords records;
    @Autowired SupervisionSettings settings;

    String deploymentId;

    @BeforeAll
    void aCountyAndAProcessOfLateWork() {
        organisation.addUnit(COUNTY, "巡查县");
        organisation.addUnit(TOWNSHIP, "巡查镇");
        organisation.addUnit(VILLAGE, "巡查村");
        deploymentId = repositoryService.createDeployment().name(LATE_WORK).addModelInstance(LATE_WORK + ".bpmn",
                Bpmn.createExecutableProcess(LATE_WORK).name("逾期巡查测试案件").camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_CaseOpened").name("案件已登记")
                        .userTask("Task_LateWork").name("村级核查").camundaCandidateGroups("village-" + VILLAGE)
                        .camundaDueDate("2020-01-06T09:00:00").camundaFormRef("supervision-escalation")
                        .camundaFormRefBinding("latest")
                        .endEvent("EndEvent_CaseClosed").name("案件已办结")
                        .done())
                .deploy().getId();
    }

    /** Ends the late cases, and with them their 督办. */
    @AfterAll
    void removeTheLateWork() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void escalatesMoreLateWorkThanOneBatchInSeveralJobs() {
        List<String> late = lateTasks(settings.escalationsPerJob() + 1);
        String scan = startScan();

        int jobs = runToTheEnd(scan);

        assertThat(jobs).as("jobs of one scan").isGreaterThanOrEqualTo(2);
        assertEscalatedOnce(late);
        assertThat((Integer) historicVariable(scan, ScanOverdueTasksDelegate.ESCALATED_TASKS))
                .isGreaterThanOrEqualTo(late.size());
    }

    @Test
    void twoScansTakingTurnsEscalateEachTaskOnce() {
        List<String> late = lateTasks(settings.escalationsPerJob() + 3);
        String first = startScan();
        String second = startScan();

        for (boolean running = true; running; ) {
            running = executeNextJob(first) | executeNextJob(second);
        }

        assertEscalatedOnce(late);
        assertThat((Integer) historicVariable(first, ScanOverdueTasksDelegate.ESCALATED_TASKS)).isPositive();
        assertThat((Integer) historicVariable(second, ScanOverdueTasksDelegate.ESCALATED_TASKS)).isPositive();
    }

    @Test
    void twoScansRunningAtTheSameTimeEscalateEachTaskOnceWithoutAFailedJob() throws Exception {
        List<String> late = lateTasks(settings.escalationsPerJob() + 3);
        List<String> scans = List.of(startScan(), startScan());
        CyclicBarrier together = new CyclicBarrier(scans.size());
        ExecutorService nodes = Executors.newFixedThreadPool(scans.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (String scan : scans) {
                runs.add(nodes.submit((Callable<Integer>) () -> {
                    together.await();
                    return runToTheEnd(scan);
                }));
            }
            for (Future<Integer> run : runs) {
                // A failed job throws here: executeJob rethrows what made it fail.
                assertThat(run.get(2, TimeUnit.MINUTES)).isPositive();
            }
        } finally {
            nodes.shutdownNow();
        }

        assertEscalatedOnce(late);
        for (String scan : scans) {
            assertThat(historyService.createHistoricJobLogQuery().processInstanceId(scan).failureLog().count()).isZero();
        }
    }

    @Test
    void aScanJobOfANodeThatDiedIsTakenOverOnceItsLockExpires() {
        String late = lateTasks(1).get(0);
        String scan = startScan();
        Job job = managementService.createJobQuery().processInstanceId(scan).singleResult();
        JobExecutor diedNode = node("node-that-died");
        JobExecutor otherNode = node("other-node");
        Duration lockTime = Duration.ofMillis(diedNode.getLockTimeInMillis());
        Instant lockedAt = Instant.now();
        ClockUtil.setCurrentTime(Date.from(lockedAt));
        lock(job.getId(), diedNode);

        ClockUtil.setCurrentTime(Date.from(lockedAt.plus(lockTime).minusSeconds(1)));
        assertThat(acquirableJobs()).as("locked by the node that died").doesNotContain(job.getId());
        ClockUtil.setCurrentTime(Date.from(lockedAt.plus(lockTime).plusSeconds(1)));
        assertThat(acquirableJobs()).as("its lock expired").contains(job.getId());
        lock(job.getId(), otherNode);
        managementService.executeJob(job.getId());
        runToTheEnd(scan);

        assertEscalatedOnce(List.of(late));
        // An idle node looks for jobs at least every max-wait: it sees the expired lock that much later at most.
        assertThat(lockTime.plusMillis(otherNode.getMaxWait())).isLessThanOrEqualTo(TAKEOVER_PROMISE);
    }

    /** Tasks of new cases of 巡查村, due since 2020. */
    private List<String> lateTasks(int count) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String instance = runtimeService.startProcessInstanceByKey(LATE_WORK, Map.of("unitCode", VILLAGE)).getId();
            tasks.add(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return tasks;
    }

    /** As when an administrator starts one, or the timer: its first batch is a job. */
    private String startScan() {
        return runtimeService.startProcessInstanceByKey(SCAN).getId();
    }

    /** Executes the scan's jobs until it ends; returns how many. */
    private int runToTheEnd(String scan) {
        int jobs = 0;
        while (executeNextJob(scan)) {
            jobs++;
        }
        return jobs;
    }

    private boolean executeNextJob(String scan) {
        Job job = managementService.createJobQuery().processInstanceId(scan).activityId(SCAN_JOB).singleResult();
        if (job == null) {
            return false;
        }
        managementService.executeJob(job.getId());
        return true;
    }

    private void assertEscalatedOnce(List<String> tasks) {
        for (String task : tasks) {
            assertThat(records.existsForTask(task)).as("record of " + task).isTrue();
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(OverdueEscalation.ESCALATION_PROCESS)
                    .variableValueEquals("lateTaskId", task).count()).as("督办 of " + task).isOne();
        }
    }

    private Object historicVariable(String instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult().getValue();
    }

    /** A node's job executor as the application builds it from its settings (camunda.bpm.job-execution.*). */
    private JobExecutor node(String lockOwner) {
        JobExecutor executor = DefaultJobConfiguration.JobConfiguration.jobExecutor(new SyncTaskExecutor(), camundaProperties);
        executor.setLockOwner(lockOwner);
        return executor;
    }

    /** Locks the job as the node's acquisition does: for the node's lock time from now. */
    private void lock(String jobId, JobExecutor node) {
        engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            JobEntity job = context.getJobManager().findJobById(jobId);
            job.setLockOwner(node.getLockOwner());
            job.setLockExpirationTime(new Date(ClockUtil.getCurrentTime().getTime() + node.getLockTimeInMillis()));
            return null;
        });
    }

    /** The jobs the job executor of any node would acquire now (its acquisition query, read only). */
    private List<String> acquirableJobs() {
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.getJobManager()
                .findNextJobsToExecute(new Page(0, Integer.MAX_VALUE)).stream().map(AcquirableJobEntity::getId).toList());
    }
}
