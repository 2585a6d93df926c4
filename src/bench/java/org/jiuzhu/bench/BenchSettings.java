package org.jiuzhu.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark run does, from system properties ({@code -Dbench.cases=…} on the Maven command
 * line); a property left empty takes the default given here.
 *
 * @param households     N: households seeded with verification records (at least M plus the warm-up
 *                       plus the paced cases)
 * @param cases          M: cases driven through each pipeline (ours and the reference)
 * @param officials      K: concurrent simulated officials (at least 3: village, township, county)
 * @param warmupCases    cases of each pipeline run before measuring, so both meet a warm JVM (after 20
 *                       cases the JIT compiler still took a quarter of the JVM's CPU in the first
 *                       measured run, which was then ours: docs/performance.md)
 * @param pacedCases     cases of the paced run: our pipeline again, the K officials each taking
 *                       {@code think} to fill in every form, for the latency an official sees at a
 *                       working pace rather than at saturation
 * @param think          the time an official takes per form in the paced run
 * @param history        finished cases generated for the query measurements
 * @param openTasks      open tasks generated for the query measurements
 * @param overdueShare   share of the generated open tasks that are overdue
 * @param samples        requests per query measure (after 10 unmeasured ones)
 * @param phases         which parts run: pipeline, reference, paced, queries
 * @param generatorBatch cases generated per transaction
 */
record BenchSettings(int households, int cases, int officials, int warmupCases, int pacedCases, Duration think,
                     int history, int openTasks,
                     double overdueShare, int samples, Set<String> phases, int townships, int villagesPerTownship,
                     int generatorThreads, int generatorBatch,
                     Path models, Path output, String pgHost, int pgPort, String database,
                     Duration requestTimeout, Duration phaseTimeout) {

    static final String PIPELINE = "pipeline";
    static final String REFERENCE = "reference";
    static final String PACED = "paced";
    static final String QUERIES = "queries";

    static BenchSettings fromSystemProperties() {
        int cases = integer("bench.cases", 500);
        int warmup = integer("bench.warmupCases", Math.max(200, cases / 5));
        Set<String> phases = Arrays.stream(text("bench.phases", String.join(",", PIPELINE, REFERENCE, PACED, QUERIES))
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        int paced = phases.contains(PACED) ? integer("bench.pacedCases", 200) : 0;
        int households = integer("bench.households", cases + warmup + paced);
        int officials = integer("bench.officials", 8);
        if (officials < 3) {
            throw new IllegalArgumentException("bench.officials must be at least 3 (a village, a township and a county official)");
        }
        if (households < cases + warmup + paced) {
            throw new IllegalArgumentException("bench.households (N) must cover bench.cases (M), the warm-up and the "
                    + "paced cases: a household enrolled once is refused as already supported when it applies again");
        }
        return new BenchSettings(households, cases, officials,
                warmup, paced, Duration.ofMillis(integer("bench.thinkMillis", 1000)),
                integer("bench.history", 200_000), integer("bench.openTasks", 20_000),
                Double.parseDouble(text("bench.overdueShare", "0.05")), integer("bench.samples", 200), phases,
                integer("bench.townships", 10), integer("bench.villagesPerTownship", 10),
                integer("bench.generatorThreads", 2), integer("bench.generatorBatch", 100),
                Path.of(text("bench.models", "src/bench/models")), Path.of(text("bench.output", "target/bench")),
                "127.0.0.1", integer("bench.pgPort", 5432), text("bench.database", "jiuzhu_bench"),
                Duration.ofSeconds(integer("bench.requestTimeoutSeconds", 30)),
                Duration.ofSeconds(integer("bench.phaseTimeoutSeconds", 900)));
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }
}
