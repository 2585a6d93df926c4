package org.jiuzhu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as one Markdown document: printed at the end and written to target/bench/results.md. */
final class Report {

    static final double RATIO_TARGET = 0.8;
    static final double COMPLETION_P95_TARGET = 50;
    static final double QUERY_P95_TARGET = 100;
    static final int QUERY_HISTORY_TARGET = 200_000;

    private final StringBuilder md = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();

    Report line(String text) {
        md.append(text).append('\n');
        return this;
    }

    Report heading(String text) {
        return line("").line("## " + text).line("");
    }

    Report table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
        return this;
    }

    Report keyValues(Map<String, String> values) {
        return table(List.of("", ""), values.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    }

    void target(String what, String measured, Boolean met) {
        targets.add(new String[] {what, measured, met == null ? "—（未测）" : met ? "达到" : "**未达到**"});
    }

    Report targets() {
        return table(List.of("目标", "测得", "结果"), targets.stream().map(List::of).toList());
    }

    /** Latency rows of the measures whose name starts with the prefix. */
    static List<List<String>> latencyRows(List<Stats.Summary> summaries, String prefix, Duration wall) {
        return summaries.stream().filter(s -> s.name().startsWith(prefix)).map(s -> List.of(
                s.name().substring(prefix.length()), Long.toString(s.count()),
                wall == null ? "" : number(s.count() / Math.max(0.001, wall.toMillis() / 1000.0)),
                ms(s.p50()), ms(s.p95()), ms(s.p99()), ms(s.max()), Long.toString(s.errors()))).toList();
    }

    static final List<String> LATENCY_HEADER =
            List.of("请求", "次数", "吞吐（次/秒）", "p50 ms", "p95 ms", "p99 ms", "max ms", "错误");

    static String ms(double millis) {
        return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, millis < 10 ? "%.1f" : "%.0f", millis);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
