package org.jiuzhu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies and errors per measure, in the order the measures were first used. */
final class Stats {

    private static final int ERROR_SAMPLES = 5;

    record Summary(String name, long count, long errors, long optimisticLocking, double p50, double p95, double p99,
                   double max, double totalMillis, List<String> errorSamples) {
    }

    static final class Measure {
        private final String name;
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong optimisticLocking = new AtomicLong();
        private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

        Measure(String name) {
            this.name = name;
        }

        void record(long elapsedNanos) {
            nanos.add(elapsedNanos);
        }

        void error(String what) {
            errors.incrementAndGet();
            if (what.contains("OptimisticLocking")) {
                optimisticLocking.incrementAndGet();
            }
            synchronized (errorSamples) {
                if (errorSamples.size() < ERROR_SAMPLES) {
                    errorSamples.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
                }
            }
        }

        Summary summary() {
            long[] sorted;
            synchronized (nanos) {
                sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            }
            Arrays.sort(sorted);
            double total = Arrays.stream(sorted).sum() / 1e6;
            return new Summary(name, sorted.length, errors.get(), optimisticLocking.get(), percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, total, List.copyOf(errorSamples));
        }
    }

    private final Map<String, Measure> measures = new LinkedHashMap<>();

    synchronized Measure measure(String name) {
        return measures.computeIfAbsent(name, Measure::new);
    }

    synchronized List<Summary> summaries() {
        return measures.values().stream().map(Measure::summary).toList();
    }

    long totalErrors() {
        return summaries().stream().mapToLong(Summary::errors).sum();
    }

    /** Nearest-rank percentile in milliseconds. */
    static double percentile(long[] sortedNanos, double percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static double percentileMillis(double[] sortedMillis, double percent) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }
}
