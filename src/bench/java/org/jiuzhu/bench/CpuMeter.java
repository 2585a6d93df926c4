package org.jiuzhu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the machine's CPU went during a phase: this JVM (application and bench client), the
 * PostgreSQL backends of the benchmark database, and everything else on the machine — other people's
 * builds included, which the figures of a shared machine must own up to. Linux /proc only.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    record Snapshot(long machineBusy, long machineTotal, long jvmNanos, Map<Integer, Long> postgresTicks, long wallNanos,
                    String loadAverage) {
    }

    record Usage(double machine, double jvm, double postgres, double others, String loadBefore, String loadAfter) {
        String describe() {
            return String.format(Locale.ROOT, "整机 %.0f%%（本 JVM %.0f%%，本库 PostgreSQL %.0f%%，其他进程 %.0f%%）；负载 %s → %s",
                    machine, jvm, postgres, others, loadBefore, loadAfter);
        }
    }

    private final JdbcTemplate jdbc;
    private final String database;

    CpuMeter(JdbcTemplate jdbc, String database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    Snapshot snapshot() {
        long[] cpu = machineTicks();
        Map<Integer, Long> postgres = new HashMap<>();
        List<Integer> pids = jdbc.queryForList("select pid from pg_stat_activity where datname = ?", Integer.class, database);
        for (int pid : pids) {
            long ticks = processTicks(pid);
            if (ticks >= 0) {
                postgres.put(pid, ticks);
            }
        }
        return new Snapshot(cpu[0], cpu[1], jvmCpuNanos(), postgres, System.nanoTime(), loadAverage());
    }

    /** Shares of the whole machine (all cores = 100%). */
    Usage since(Snapshot before) {
        Snapshot after = snapshot();
        double total = Math.max(1, after.machineTotal() - before.machineTotal());
        double machine = 100 * (after.machineBusy() - before.machineBusy()) / total;
        int cores = Runtime.getRuntime().availableProcessors();
        double capacityNanos = (after.wallNanos() - before.wallNanos()) * (double) cores;
        double jvm = 100 * (after.jvmNanos() - before.jvmNanos()) / capacityNanos;
        long pgTicks = 0;
        for (Map.Entry<Integer, Long> e : after.postgresTicks().entrySet()) {
            pgTicks += e.getValue() - before.postgresTicks().getOrDefault(e.getKey(), 0L);
        }
        double postgres = 100 * pgTicks / TICKS_PER_SECOND * 1e9 / capacityNanos;
        return new Usage(machine, jvm, postgres, Math.max(0, machine - jvm - postgres), before.loadAverage(),
                after.loadAverage());
    }

    /** Busy and total jiffies of all CPUs. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long processTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
