package org.jiuzhu.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The large history and backlog of the query measurements, made the cheapest honest way: the minimal
 * process {@code benchCase} (one user task) run at full speed through the engine's Java API inside the
 * application, with every engine plugin of ours at work (the case's units get their read grants, as
 * for every case). Many cases go into one transaction, on a few threads.
 */
final class HistoryGenerator {

    private static final String PROCESS = "benchCase";
    private final int batchSize;
    private final int threadCount;

    record Result(String what, int count, Duration took) {
        double perSecond() {
            return count / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    private final ProcessEngine engine;
    private final CommandExecutor commands;
    private final Organisation org;

    HistoryGenerator(ProcessEngine engine, Organisation org, int threadCount, int batchSize) {
        this.threadCount = threadCount;
        this.batchSize = batchSize;
        this.engine = engine;
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.org = org;
    }

    /** Cases started and finished (their task completed). */
    Result finishedCases(int count) throws Exception {
        return generate("已办结案件（历史）", count, (first, last) -> {
            List<String> instances = start(first, last, "H-", i -> unitGroup(i, false));
            commands.execute(context -> {
                for (Task task : engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
                    engine.getTaskService().complete(task.getId());
                }
                return null;
            });
        });
    }

    /** Cases waiting at their task; a share of the tasks past its due date. */
    Result openTasks(int count, double overdueShare) throws Exception {
        Instant now = Instant.now();
        return generate("待办任务（其中逾期 " + Math.round(count * overdueShare) + "）", count, (first, last) -> {
            List<String> instances = start(first, last, "O-", i -> unitGroup(i, true));
            commands.execute(context -> {
                for (Task task : engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
                    int i = first + instances.indexOf(task.getProcessInstanceId());
                    if (Math.floor((i + 1) * overdueShare) > Math.floor(i * overdueShare)) {
                        task.setDueDate(Date.from(now.minus(Duration.ofDays(1 + i % 20))));
                        engine.getTaskService().saveTask(task);
                    }
                }
                return null;
            });
        });
    }

    private interface Batch {
        void run(int first, int last) throws Exception;
    }

    private interface Group {
        String of(int i);
    }

    private Result generate(String what, int count, Batch batch) throws Exception {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                workers.add(pool.submit(() -> {
                    int first;
                    while ((first = next.getAndAdd(batchSize)) < count) {
                        batch.run(first, Math.min(count, first + batchSize));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Result(what, count, Duration.ofNanos(System.nanoTime() - start));
    }

    private List<String> start(int first, int last, String prefix, Group group) {
        return commands.execute(context -> {
            List<String> ids = new ArrayList<>();
            for (int i = first; i < last; i++) {
                Organisation.Unit village = villageOf(i);
                ids.add(engine.getRuntimeService().startProcessInstanceByKey(PROCESS, prefix + i, Variables.createVariables()
                        .putValue("unitCode", village.code())
                        .putValue("townshipCode", village.townshipCode())
                        .putValue("countyCode", org.county.code())
                        .putValue("taskGroup", group.of(i))).getId());
            }
            return ids;
        });
    }

    /**
     * The cases of one batch (one transaction) are of one village, as a village registers its cases
     * together; the batches of the threads then are of different villages, so that they do not queue for
     * the same rows of the dashboard's monthly sums, which a village's officials would not do either.
     */
    private Organisation.Unit villageOf(int i) {
        return org.villages.get((i / batchSize) % org.villages.size());
    }

    /** The backlog lies with villages (60%), townships (30%) and the county (10%). */
    private String unitGroup(int i, boolean spread) {
        Organisation.Unit village = villageOf(i);
        if (!spread || i % 10 < 6) {
            return village.group();
        }
        return i % 10 < 9 ? org.townshipOf(village).group() : org.county.group();
    }
}
