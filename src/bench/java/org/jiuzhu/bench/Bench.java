package org.jiuzhu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.jiuzhu.JiuzhuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The benchmark of issue 8 (README "Benchmark"): a fresh PostgreSQL database, the application started
 * here in the postgres profile, a county registered over its pages and REST API, then — over HTTP only
 * — M dibao cases driven through the pipeline by K officials, the same for a bare-engine reference
 * process, and the overdue views measured on a large generated history. Results go to
 * {@code target/bench/results.md}. Not part of {@code mvn verify} or CI.
 */
public final class Bench {

    private static final String UNIT_FILTER = "本单位待办";
    private static final String OVERDUE_FILTER = "已逾期";
    /** One line per measure: add the dashboard's figures or any other view here. */
    private static final String DASHBOARD_DATA = "/dashboard/data";

    private final BenchSettings settings;
    private final Report report = new Report();
    private final Stats setupStats = new Stats();
    private final Stats stats = new Stats();
    private final List<String> problems = new ArrayList<>();
    private final List<List<String>> cpuRows = new ArrayList<>();
    private CpuMeter cpu;
    /** Whether the bench turned PostgreSQL's autovacuum on (it was off) and must turn it off again. */
    private boolean autovacuumTurnedOn;
    /** The pipelines' progress, read in process (not over HTTP): the instrument, not the load. */
    private HistoryService history;

    private Bench(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        boolean clean = new Bench(settings).run();
        System.exit(clean ? 0 : 2);
    }

    private boolean run() throws Exception {
        Files.createDirectories(settings.output());
        try (var old = Files.list(settings.output())) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("application.log")).toList()) {
                Files.delete(file);
            }
        }
        log("Jiuzhu benchmark: N=%d households, M=%d cases, K=%d officials, history %d, open tasks %d, phases %s",
                settings.households(), settings.cases(), settings.officials(), settings.history(), settings.openTasks(),
                settings.phases());
        String postgres = freshDatabase();
        Machine machine = Machine.describe(postgres);
        Organisation org = new Organisation(settings);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = startApplication(org)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Web setupWeb = new Web(port, settings.requestTimeout(), setupStats);
            Web web = setupWeb.withStats(stats);
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            cpu = new CpuMeter(jdbc, settings.database());
            history = engine.getHistoryService();

            header(machine, org, app, engine);
            Web.Session adminBrowser = setupWeb.browser();
            adminBrowser.login(org.adminUser, org.adminPassword);
            Web.Session adminRest = setupWeb.basic(org.adminUser, org.adminPassword);
            long setupStart = System.nanoTime();
            org.register(adminBrowser, adminRest);
            importVerificationRecords(adminBrowser);
            deployBenchModels(adminRest);
            String unitFilter = filterId(adminRest, UNIT_FILTER);
            String overdueFilter = filterId(adminRest, OVERDUE_FILTER);
            Duration setup = Duration.ofNanos(System.nanoTime() - setupStart);
            log("Set up %d units, %d officials and %d households' verification records in %s", org.allUnits().size(),
                    org.officials.size() + 2, settings.households(), Report.seconds(setup));

            Pipeline.Result ours = null;
            Pipeline.Result reference = null;
            if (settings.runs(BenchSettings.PIPELINE) || settings.runs(BenchSettings.REFERENCE)
                    || settings.runs(BenchSettings.PACED)) {
                warmUp(setupWeb, org, unitFilter);
                Instant oursFrom = Instant.now();
                if (settings.runs(BenchSettings.PIPELINE)) {
                    ours = pipeline(web, org, Pipeline.Flavor.OURS, settings.cases(), settings.warmupCases(), unitFilter,
                            "ours", Duration.ZERO);
                }
                Instant referenceFrom = Instant.now();
                if (settings.runs(BenchSettings.REFERENCE)) {
                    reference = pipeline(web, org, Pipeline.Flavor.REFERENCE, settings.cases(), 0, unitFilter,
                            "reference", Duration.ZERO);
                }
                if (ours != null || reference != null) {
                    reportPipeline(ours, reference, jdbc, oursFrom, referenceFrom);
                }
                if (settings.runs(BenchSettings.PACED)) {
                    Instant pacedFrom = Instant.now();
                    Pipeline.Result paced = pipeline(web, org, Pipeline.Flavor.OURS, settings.pacedCases(),
                            settings.warmupCases() + settings.cases(), unitFilter, "paced", settings.think());
                    reportPaced(paced, jdbc, pacedFrom);
                }
            }
            if (settings.runs(BenchSettings.QUERIES)) {
                queries(web, engine, jdbc, org, overdueFilter);
            }
            report.heading("CPU：各阶段整机占用（共享机器，其他进程照实列出）")
                    .table(List.of("阶段", "用时", "CPU"), cpuRows);
            reportErrors(adminRest);
            report.heading("目标").targets();
            report.line("").line("整个压测用时 " + Report.seconds(Duration.ofNanos(System.nanoTime() - started))
                    + "（含启动应用、建库与登记单位）。");
        } catch (RuntimeException e) {
            problems.add("压测中断：" + e);
            report.heading("压测中断").line("```").line(e.toString()).line("```");
            throw e;
        } finally {
            restoreAutovacuum();
            write();
        }
        return problems.isEmpty();
    }

    // Database and application ---------------------------------------------------------------------

    /** Drops and creates the benchmark database as the PostgreSQL superuser (trust on 127.0.0.1). */
    private String freshDatabase() throws Exception {
        try (Connection connection = superuser();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + settings.database() + " with (force)");
            statement.execute("create database " + settings.database());
            try (ResultSet rs = statement.executeQuery("show autovacuum")) {
                rs.next();
                autovacuumTurnedOn = !"on".equals(rs.getString(1));
            }
            if (autovacuumTurnedOn) {
                // Without it the planner keeps the statistics of the first, nearly empty tables (the
                // runtime tables churn): plans no production server (autovacuum is PostgreSQL's default) would use.
                statement.execute("alter system set autovacuum = on");
                statement.execute("select pg_reload_conf()");
                log("PostgreSQL's autovacuum was off: on for this run, off again afterwards");
            }
            try (ResultSet rs = statement.executeQuery("show server_version")) {
                rs.next();
                return "PostgreSQL " + rs.getString(1) + "，autovacuum on" + (autovacuumTurnedOn ? "（本机原为 off，压测期间打开）" : "");
            }
        }
    }

    private ConfigurableApplicationContext startApplication(Organisation org) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("JIUZHU_DB_URL", "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/"
                + settings.database());
        properties.put("JIUZHU_DB_USER", "postgres");
        properties.put("JIUZHU_DB_PASSWORD", "");
        properties.put("JIUZHU_ADMIN_USER", org.adminUser);
        properties.put("JIUZHU_ADMIN_PASSWORD", org.adminPassword);
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.file.name", settings.output().resolve("application.log").toString());
        properties.put("logging.threshold.console", "WARN");
        long start = System.nanoTime();
        // As command-line arguments: above everything in application*.yaml and the environment.
        List<String> arguments = new ArrayList<>(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        // More application settings to try (-Dbench.appArguments="--a=1 --b=2"), e.g. a tuning candidate.
        String extra = System.getProperty("bench.appArguments", "");
        if (!extra.isBlank()) {
            arguments.addAll(List.of(extra.strip().split("\\s+")));
            log("Application arguments added: %s", extra.strip());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(JiuzhuApplication.class)
                .profiles("postgres").run(arguments.toArray(String[]::new));
        log("Application started in the postgres profile in %s (log: %s)",
                Report.seconds(Duration.ofNanos(System.nanoTime() - start)), settings.output().resolve("application.log"));
        return context;
    }

    private void importVerificationRecords(Web.Session adminBrowser) {
        String token = Web.csrfToken(adminBrowser.get("setup: verification page", "/admin/verification-records")
                .require().body());
        adminBrowser.postMultipart("setup: import verification records", "/admin/verification-records",
                Map.of("source", "压测核对数据"), Map.of("file", BenchHouseholds.verificationCsv(settings.households())),
                token, 302).require();
    }

    /** The reference and history models, deployed as an administrator deploys from the Modeler. */
    private void deployBenchModels(Web.Session adminRest) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : List.of("bench-reference.bpmn", "bench-case.bpmn", "bench-task.form", "bench-start.form")) {
            files.put(file, Files.readAllBytes(settings.models().resolve(file)));
        }
        adminRest.postMultipart("setup: deploy bench models", "/engine-rest/deployment/create",
                Map.of("deployment-name", "jiuzhu-bench", "deployment-source", "jiuzhu-bench",
                        "enable-duplicate-filtering", "true"), files, null, 200).require();
    }

    private static String filterId(Web.Session adminRest, String name) {
        return adminRest.get("setup: filters", "/engine-rest/filter?name=" + Web.enc(name)).require().json()
                .get(0).path("id").asText();
    }

    /**
     * A history that took a county years to gather was generated in minutes: autovacuum would long since
     * have analysed it, and may still be busy with it now. The bench analyses it before measuring.
     */
    private void analyze(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        jdbc.execute("analyze");
        log("Analysed the generated history in %s", Report.seconds(Duration.ofNanos(System.nanoTime() - start)));
    }

    /** The Maven command with the bench.* settings given to it (the pom passes empty ones for the rest). */
    private static String commandLine() {
        StringBuilder command = new StringBuilder("mvn -Pbench spring-boot:run");
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("bench.") && !name.equals("bench.models") && !name.equals("bench.output"))
                .filter(name -> !System.getProperty(name).isBlank())
                .forEach(name -> command.append(" -D").append(name).append('=').append(System.getProperty(name)));
        return command.toString();
    }

    /** The PostgreSQL superuser on the server's own database (trust on 127.0.0.1). */
    private Connection superuser() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/postgres",
                "postgres", "");
    }

    private void restoreAutovacuum() {
        if (!autovacuumTurnedOn) {
            return;
        }
        try (Connection connection = superuser();
             Statement statement = connection.createStatement()) {
            statement.execute("alter system reset autovacuum");
            statement.execute("select pg_reload_conf()");
        } catch (Exception e) {
            log("Could not turn autovacuum off again (alter system reset autovacuum): %s", e);
        }
    }

    // Pipeline ---------------------------------------------------------------------------------------

    /** A few cases of each pipeline, not measured, so that neither meets a cold JVM. */
    private void warmUp(Web setupWeb, Organisation org, String unitFilter) throws InterruptedException {
        int cases = settings.warmupCases();
        long start = System.nanoTime();
        Stats warm = new Stats();
        Web web = setupWeb.withStats(warm);
        Pipeline.Result a = new Pipeline(web, org, Pipeline.Flavor.OURS, cases, 0, unitFilter, settings.phaseTimeout(),
                "warm-up", cpu, history, Duration.ZERO).run();
        Pipeline.Result b = new Pipeline(web, org, Pipeline.Flavor.REFERENCE, cases, 0, unitFilter,
                settings.phaseTimeout(), "warm-up", cpu, history, Duration.ZERO).run();
        log("Warm-up: %d + %d cases in %s (%d request errors)", a.finished(), b.finished(),
                Report.seconds(Duration.ofNanos(System.nanoTime() - start)), warm.totalErrors());
        if (!a.complete() || !b.complete() || warm.totalErrors() > 0) {
            problems.add("预热未顺利完成：" + a + " / " + b + "，请求错误 " + warm.totalErrors());
            warm.summaries().stream().filter(s -> s.errors() > 0)
                    .forEach(s -> problems.add("预热 " + s.name() + "：" + s.errorSamples()));
        }
    }

    /**
     * @param think zero for the throughput runs; the paced run's time per form otherwise
     */
    private Pipeline.Result pipeline(Web web, Organisation org, Pipeline.Flavor flavor, int cases, int householdOffset,
                                     String unitFilter, String label, Duration think) throws InterruptedException {
        String name = think.isZero() ? flavor.label : flavor.label + "，按节奏办理（每份表单 " + Report.seconds(think) + "）";
        log("%s: %d cases, %d officials …", name, cases, org.officials.size());
        CpuMeter.Snapshot before = cpu.snapshot();
        long selectorBefore = httpClientThreadsCpuNanos();
        Pipeline.Result result = new Pipeline(web, org, flavor, cases, householdOffset, unitFilter,
                settings.phaseTimeout(), label, cpu, history, think).run();
        // HttpClient worker threads that ended meanwhile take their CPU time with them: never below zero.
        double clientSeconds = result.clientCpuSeconds() + Math.max(0, httpClientThreadsCpuNanos() - selectorBefore) / 1e9;
        Duration phase = result.intake().plus(result.wall());
        CpuMeter.Usage usage = cpu.since(before);
        String client = String.format(java.util.Locale.ROOT, "；其中压测客户端线程约 %.0f%%",
                100 * clientSeconds / (phase.toMillis() / 1000.0 * Runtime.getRuntime().availableProcessors()));
        cpuRows.add(List.of(name + "（受理 + 办理）", Report.seconds(phase), usage.describe() + client));
        log("CPU during %s: %s%s", name, usage.describe(), client);
        log("%s: intake %s; %d/%d finished (%d enrolled) in %s, %d task completions = %s/s, %d objections, %d incidents, %d failed jobs",
                name, Report.seconds(result.intake()), result.finished(), result.cases(), result.enrolled(),
                Report.seconds(result.wall()), result.completions(), Report.number(result.completionsPerSecond()),
                result.objections(), result.incidents(), result.failedJobs());
        if (!result.complete()) {
            problems.add(name + "：" + cases + " 件中只有 " + result.finished() + " 件办结、"
                    + result.enrolled() + " 件纳入（时限 " + settings.phaseTimeout() + "）");
        }
        if (result.incidents() > 0 || result.failedJobs() > 0) {
            problems.add(name + "：事件（incident）" + result.incidents() + "，失败的作业 " + result.failedJobs());
        }
        return result;
    }

    private void reportPipeline(Pipeline.Result ours, Pipeline.Result reference, JdbcTemplate jdbc, Instant oursFrom,
                                Instant referenceFrom) {
        report.heading("流水线：M 件案件，K 名经办人员并发（全部经 HTTP，授权开启）");
        List<List<String>> rows = new ArrayList<>();
        for (Pipeline.Result r : new Pipeline.Result[] {ours, reference}) {
            if (r != null) {
                rows.add(List.of(r.label(), Report.seconds(r.intake()) + "（" + Report.number(r.started()
                                / Math.max(0.001, r.intake().toMillis() / 1000.0)) + " 件/秒）",
                        r.finished() + "/" + r.cases(), Long.toString(r.enrolled()),
                        Long.toString(r.completions()), Long.toString(r.objections()), Report.seconds(r.wall()),
                        Report.number(r.completionsPerSecond()), Long.toString(r.incidents()),
                        Long.toString(r.failedJobs())));
            }
        }
        report.line("先受理：" + "4 名申请人同时提交 M 件申请（对照：经 REST 发起），至每件都在“乡镇受理”等待；"
                + "再办理：K 名经办人员不停顿地（无思考时间）办完积压，即满负荷下的吞吐。比值取办理阶段。").line("");
        report.table(List.of("流程", "受理阶段", "办结", "纳入/走完", "任务办理次数", "异议", "办理阶段用时",
                "任务办理（次/秒）", "incident", "失败作业"), rows);
        if (ours != null && reference != null) {
            double ratio = ours.completionsPerSecond() / reference.completionsPerSecond();
            double perCpu = ours.completionsPerCpuSecond() / reference.completionsPerCpuSecond();
            report.line("").line("**比值（我们的 ÷ 对照）任务办理次/秒 = " + Report.number(ratio) + "**")
                    .line("").line("按所用 CPU 折算（每 CPU 秒办理次数，本 JVM + 本库 PostgreSQL，剔除同机其他进程的干扰）："
                            + Report.number(ours.completionsPerCpuSecond()) + " ÷ " + Report.number(reference.completionsPerCpuSecond())
                            + " = " + Report.number(perCpu) + "。办理阶段 CPU：我们的 " + ours.work().describe() + "；对照 "
                            + reference.work().describe() + "。");
            report.target("任务办理吞吐 ≥ 对照的 0.8", Report.number(ratio), ratio >= Report.RATIO_TARGET);
        }
        List<Stats.Summary> summaries = stats.summaries();
        for (Pipeline.Result r : new Pipeline.Result[] {ours, reference}) {
            if (r == null) {
                continue;
            }
            String prefix = r.flavor() == Pipeline.Flavor.OURS ? "ours: " : "reference: ";
            report.heading(r.label() + "：每类请求（吞吐按受理 + 办理两阶段合计用时）").table(Report.LATENCY_HEADER,
                    Report.latencyRows(summaries, prefix, r.intake().plus(r.wall())));
            stepTables(r, jdbc, r.flavor() == Pipeline.Flavor.OURS ? oursFrom : referenceFrom);
            summaries.stream().filter(s -> s.name().equals(prefix + "complete task (submit-form)")).findFirst()
                    .ifPresent(s -> {
                        if (r.flavor() == Pipeline.Flavor.OURS) {
                            report.target("（参考）任务办理 p95，" + settings.officials() + " 名经办人员满负荷、无思考时间",
                                    Report.ms(s.p95()) + " ms", s.p95() < Report.COMPLETION_P95_TARGET);
                        }
                    });
        }
    }

    /** A run's submit-form timings per task step and its asynchronous steps since {@code from}. */
    private void stepTables(Pipeline.Result r, JdbcTemplate jdbc, Instant from) {
        report.line("").line("任务办理（submit-form）按环节：").line("");
        report.table(Report.LATENCY_HEADER, Report.latencyRows(r.submitsByTask(), "", r.wall()));
        report.line("").line("异步步骤（作业执行器）：从作业创建到成功结束的等待（含排队与执行）；定时器为提前后的到期时间到执行。")
                .line("");
        report.table(List.of("步骤", "作业数", "p50 ms", "p95 ms", "p99 ms", "max ms"),
                JobLog.steps(jdbc, r.flavor().processKey, from).stream().map(s -> List.of(s.activity(),
                        Integer.toString(s.jobs()), Report.ms(s.p50()), Report.ms(s.p95()), Report.ms(s.p99()),
                        Report.ms(s.max()))).toList());
    }

    /**
     * The latency an official sees: our pipeline once more, each official taking the think time to fill
     * in every form, so requests meet a server that is busy but not saturated by the benchmark itself.
     */
    private void reportPaced(Pipeline.Result paced, JdbcTemplate jdbc, Instant from) {
        report.heading("按节奏办理：" + settings.officials() + " 名经办人员并发，每份表单填写 " + Report.seconds(settings.think())
                + "（我们的流程，" + paced.cases() + " 件）");
        report.line("同样的流程与请求，只是每名经办人员打开任务（取表单变量、认领）后用 " + Report.seconds(settings.think())
                + " 填写表单再提交——满负荷吞吐下的响应时间主要是排队（见上），这里测的是经办人员按正常节奏办理时"
                + "每个请求的响应时间。办结 " + paced.finished() + "/" + paced.cases() + " 件，任务办理 " + paced.completions()
                + " 次，" + Report.number(paced.completionsPerSecond()) + " 次/秒；CPU " + paced.work().describe()
                + "；incident " + paced.incidents() + "，失败作业 " + paced.failedJobs() + "。").line("");
        List<Stats.Summary> summaries = stats.summaries();
        report.table(Report.LATENCY_HEADER, Report.latencyRows(summaries, "paced: ", paced.intake().plus(paced.wall())));
        stepTables(paced, jdbc, from);
        summaries.stream().filter(s -> s.name().equals("paced: complete task (submit-form)")).findFirst()
                .ifPresent(s -> report.target("任务办理（submit-form）p95 < 50 ms，" + settings.officials()
                        + " 名经办人员并发（每份表单 " + Report.seconds(settings.think()) + "）", Report.ms(s.p95()) + " ms",
                        s.p95() < Report.COMPLETION_P95_TARGET && s.errors() == 0));
    }

    // Queries at scale -------------------------------------------------------------------------------

    private void queries(Web web, ProcessEngine engine, JdbcTemplate jdbc, Organisation org, String overdueFilter)
            throws Exception {
        HistoryGenerator generator = new HistoryGenerator(engine, org, settings.generatorThreads(), settings.generatorBatch());
        log("Generating %d finished cases …", settings.history());
        CpuMeter.Snapshot before = cpu.snapshot();
        HistoryGenerator.Result history = generator.finishedCases(settings.history());
        cpuUsage("生成历史", history.took(), before);
        log("… %s in %s (%s/s)", history.what(), Report.seconds(history.took()), Report.number(history.perSecond()));
        log("Generating %d open tasks …", settings.openTasks());
        before = cpu.snapshot();
        HistoryGenerator.Result open = generator.openTasks(settings.openTasks(), settings.overdueShare());
        cpuUsage("生成待办", open.took(), before);
        log("… %s in %s (%s/s)", open.what(), Report.seconds(open.took()), Report.number(open.perSecond()));
        analyze(jdbc);
        Web.Session admin = web.basic(org.adminUser, org.adminPassword);
        before = cpu.snapshot();
        QueryBench.Scan scan = QueryBench.runOverdueScan(admin, settings.phaseTimeout());
        cpuUsage("逾期巡查", scan.took(), before);
        log("Overdue scan: %d tasks escalated in %s", scan.escalated(), Report.seconds(scan.took()));
        if (!scan.finished()) {
            problems.add("逾期巡查未在时限内完成");
        }

        Web.Session supervisorPages = web.browser();
        supervisorPages.login(org.supervisor.id(), org.supervisor.password());
        supervisorPages.get("queries: open Cockpit", "/camunda/app/cockpit/default/").require();
        Web.Session leaderPages = web.browser();
        leaderPages.login(org.townshipLeader.id(), org.townshipLeader.password());
        leaderPages.get("queries: open Cockpit", "/camunda/app/cockpit/default/").require();
        Web.Session countyPages = web.browser();
        countyPages.login(org.countyOfficer.id(), org.countyOfficer.password());
        Web.Session supervisorRest = web.basic(org.supervisor.id(), org.supervisor.password());
        Web.Session leaderRest = web.basic(org.townshipLeader.id(), org.townshipLeader.password());
        String filterList = "/engine-rest/filter/" + overdueFilter + "/list?firstResult=0&maxResults=15";
        Map<String, Object> sortByDue = Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
        List<QueryBench.Query> queries = List.of(
                new QueryBench.Query("Cockpit 逾期案件插件 概览（县督办）", supervisorPages, QueryBench.OVERDUE_SUMMARY, null),
                new QueryBench.Query("Cockpit 逾期案件插件 第一页（县督办）", supervisorPages, QueryBench.OVERDUE_FIRST_PAGE, null),
                new QueryBench.Query("Cockpit 逾期案件插件 概览（乡镇领导）", leaderPages, QueryBench.OVERDUE_SUMMARY, null),
                new QueryBench.Query("Cockpit 逾期案件插件 第一页（乡镇领导）", leaderPages, QueryBench.OVERDUE_FIRST_PAGE, null),
                new QueryBench.Query("统计数据 " + DASHBOARD_DATA + "（县督办）", supervisorPages, DASHBOARD_DATA, null),
                new QueryBench.Query("统计数据 " + DASHBOARD_DATA + "（县级经办）", countyPages, DASHBOARD_DATA, null),
                new QueryBench.Query("Tasklist 已逾期 list，前 15 条（县督办）", supervisorRest, filterList, sortByDue),
                new QueryBench.Query("Tasklist 已逾期 count（县督办）", supervisorRest,
                        "/engine-rest/filter/" + overdueFilter + "/count", null),
                new QueryBench.Query("Tasklist 已逾期 list，前 15 条（乡镇领导）", leaderRest, filterList, sortByDue),
                new QueryBench.Query("Tasklist 已逾期 count（乡镇领导）", leaderRest,
                        "/engine-rest/filter/" + overdueFilter + "/count", null));
        log("Measuring %d views, %d requests each …", queries.size(), settings.samples());
        before = cpu.snapshot();
        long queriesStart = System.nanoTime();
        List<QueryBench.Result> results = QueryBench.run(queries, settings.samples(), stats);
        cpuUsage("查询", Duration.ofNanos(System.nanoTime() - queriesStart), before);

        report.heading("数据规模：历史与待办（经引擎 Java API 生成，在应用内）");
        report.table(List.of("生成", "件数", "用时", "速度（件/秒）"), List.of(
                List.of(history.what(), Integer.toString(history.count()), Report.seconds(history.took()),
                        Report.number(history.perSecond())),
                List.of(open.what(), Integer.toString(open.count()), Report.seconds(open.took()),
                        Report.number(open.perSecond())),
                List.of("逾期巡查（督办）：升级的逾期任务", Long.toString(scan.escalated()), Report.seconds(scan.took()),
                        Report.number(scan.escalated() / Math.max(0.001, scan.took().toMillis() / 1000.0)))));
        report.line("").line("库中行数：").line("");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : List.of("act_hi_procinst", "act_hi_taskinst", "act_hi_actinst", "act_hi_varinst",
                "act_ru_task", "act_ru_authorization", "supervision_record", "dibao_application", "case_decision")) {
            rows.put(table, String.format("%,d", jdbc.queryForObject("select count(*) from " + table, Long.class)));
        }
        report.keyValues(rows);

        report.heading("查询：逾期视图（每项 " + settings.samples() + " 次顺序请求，前 10 次不计）");
        List<List<String>> table = new ArrayList<>();
        for (QueryBench.Result r : results) {
            if (!r.available()) {
                table.add(List.of(r.name(), "本版本没有此接口（not available）", "", "", "", "", "", ""));
                report.target(r.name() + " p95 < 100 ms", "not available", null);
                continue;
            }
            Stats.Summary s = r.summary();
            table.add(List.of(r.name(), r.size(), Long.toString(s.count()), Report.number(r.perSecond()),
                    Report.ms(s.p50()), Report.ms(s.p95()), Report.ms(s.p99()), Long.toString(s.errors())));
            boolean atScale = settings.history() >= Report.QUERY_HISTORY_TARGET;
            report.target(r.name() + " p95 < 100 ms（历史 " + settings.history() + " 件）", Report.ms(s.p95()) + " ms",
                    atScale ? s.p95() < Report.QUERY_P95_TARGET && s.errors() == 0 : null);
        }
        report.table(List.of("视图（用户）", "结果", "次数", "吞吐（次/秒）", "p50 ms", "p95 ms", "p99 ms", "错误"), table);
    }

    private static long httpClientThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private void cpuUsage(String phase, Duration took, CpuMeter.Snapshot before) {
        CpuMeter.Usage usage = cpu.since(before);
        cpuRows.add(List.of(phase, Report.seconds(took), usage.describe()));
        log("CPU during %s: %s", phase, usage.describe());
    }

    // Errors and the report --------------------------------------------------------------------------

    private void reportErrors(Web.Session adminRest) {
        long incidents = adminRest.get("setup: incidents", "/engine-rest/incident/count").require().json()
                .path("count").asLong();
        long historicIncidents = adminRest.get("setup: incidents", "/engine-rest/history/incident/count").require()
                .json().path("count").asLong();
        long failedJobs = adminRest.get("setup: failed jobs", "/engine-rest/history/job-log/count?failureLog=true")
                .require().json().path("count").asLong();
        List<Stats.Summary> all = new ArrayList<>(setupStats.summaries());
        all.addAll(stats.summaries());
        long requestErrors = all.stream().mapToLong(Stats.Summary::errors).sum();
        long optimistic = all.stream().mapToLong(Stats.Summary::optimisticLocking).sum();
        long requests = all.stream().mapToLong(Stats.Summary::count).sum();
        report.heading("错误（须为 0）");
        report.keyValues(ordered(
                "HTTP 请求（成功 / 失败）", requests + " / " + requestErrors,
                "其中乐观锁冲突（OptimisticLockingException）到达用户", Long.toString(optimistic),
                "incident（当前 / 历史）", incidents + " / " + historicIncidents,
                "失败的作业执行（job log）", Long.toString(failedJobs)));
        all.stream().filter(s -> s.errors() > 0).forEach(s -> {
            report.line("").line("- " + s.name() + "：" + s.errors() + " 次，例如 " + s.errorSamples());
            problems.add(s.name() + "：" + s.errors() + " 次错误");
        });
        if (incidents + historicIncidents > 0 || failedJobs > 0) {
            problems.add("incident " + (incidents + historicIncidents) + "，失败作业 " + failedJobs);
        }
        report.target("错误为 0（请求、incident、乐观锁冲突）", requestErrors + " / " + (incidents + historicIncidents)
                + " / " + optimistic, requestErrors == 0 && incidents + historicIncidents == 0 && optimistic == 0);
    }

    private void header(Machine machine, Organisation org, ConfigurableApplicationContext app, ProcessEngine engine) {
        Environment env = app.getEnvironment();
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor jobExecutor = config.getJobExecutor();
        report.line("# Jiuzhu 压测结果").line("")
                .line("运行于 " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "。命令："
                        + "`" + commandLine() + "`（见 README “Benchmark”与 docs/performance.md）。");
        report.heading("机器").keyValues(ordered(
                "CPU", machine.cores() + " 核（" + machine.cpu() + "）",
                "内存", machine.memory(),
                "Java", machine.java(),
                "PostgreSQL", machine.postgres() + "，127.0.0.1:5432，数据库 " + settings.database() + "（每次新建）",
                "操作系统", machine.os()));
        Map<String, String> s = new LinkedHashMap<>();
        s.put("N 户（含核对记录）", Integer.toString(settings.households()));
        s.put("M 件案件 / 每条流水线", settings.cases() + "（另有预热 " + settings.warmupCases() + " 件/条，不计）");
        s.put("K 名经办人员", settings.officials() + "：村 " + org.count("村级经办") + "、乡镇 " + org.count("乡镇经办") + "、县 "
                + org.count("县级经办"));
        s.put("单位", "1 县、" + org.townships.size() + " 乡镇、" + org.villages.size() + " 村（流水线用 "
                + org.pipelineVillages.size() + " 村）");
        s.put("按节奏办理", settings.runs(BenchSettings.PACED) ? settings.pacedCases() + " 件，每份表单 "
                + Report.seconds(settings.think()) : "不运行");
        s.put("历史 / 待办 / 逾期比例", settings.history() + " / " + settings.openTasks() + " / " + settings.overdueShare());
        s.put("应用", "同一 JVM 内启动（postgres profile），只监听 127.0.0.1；压测客户端经 HTTP 访问");
        s.put("作业执行器", "开启；每次获取 " + jobExecutor.getMaxJobsPerAcquisition() + " 个作业，等待 "
                + jobExecutor.getWaitTimeInMillis() + " ms，锁定 " + jobExecutor.getLockTimeInMillis() + " ms；线程 "
                + env.getProperty("camunda.bpm.job-execution.core-pool-size", "3") + "–"
                + env.getProperty("camunda.bpm.job-execution.max-pool-size", "10") + "，队列 "
                + env.getProperty("camunda.bpm.job-execution.queue-capacity", "3"));
        s.put("连接池", app.getBean(DataSource.class) instanceof HikariDataSource h ? "HikariCP 最多 " + h.getMaximumPoolSize()
                + " 个连接" : "?");
        s.put("历史级别", config.getHistoryLevel().getName() + "；授权 " + (config.isAuthorizationEnabled() ? "开启" : "关闭"));
        s.put("请求超时", settings.requestTimeout().toSeconds() + " s；每阶段时限 " + settings.phaseTimeout().toSeconds() + " s");
        report.heading("设置").keyValues(s);
    }

    private void write() throws Exception {
        if (!problems.isEmpty()) {
            report.heading("问题").line("");
            problems.forEach(p -> report.line("- " + p));
        }
        Path file = settings.output().resolve("results.md");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + file.toAbsolutePath());
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(format, args));
    }
}
