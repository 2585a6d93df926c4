package org.jiuzhu.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One pipeline run: M cases through every stage, the way the county works them, over HTTP only.
 * <ul>
 *   <li>Applicants (one browser each) apply on {@code /apply}; for the reference, village officers
 *       start the case over REST.</li>
 *   <li>K officials, each as themselves (HTTP Basic, authorization on), do what Tasklist does: list
 *       the filter 本单位待办, open a task (its form variables), claim it, fill in the form (no time at
 *       all in the throughput runs, a set think time in the paced run), submit it. Officers
 *       sharing a unit split its tasks by case, so none takes another's task.</li>
 *   <li>A clerk brings the notice timer forward through the engine (the administrator sets the timer
 *       job's due date to now; the job executor fires it), and the public lodges an objection on 5%
 *       of the notices on {@code /notices} (reference: a message over REST) — before that case's timer
 *       is brought forward, which waits until the objection has been checked.</li>
 * </ul>
 * The asynchronous steps (verification and the others) are left to the application's job executor.
 */
final class Pipeline {

    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern NOTICE_LINK = Pattern.compile("/notices/(\\d+)/objection");
    private static final int OBJECTION_EVERY = 20;
    /** Applicants submitting at the same time during the intake. */
    private static final int APPLICANTS = 4;
    private static final Map<String, Object> SORT_BY_CREATED =
            Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "asc")));

    enum Flavor {
        OURS("dibaoApplication", "最低生活保障申请审核（我们的）"),
        REFERENCE("benchReference", "对照流程（裸引擎）");

        final String processKey;
        final String label;

        Flavor(String processKey, String label) {
            this.processKey = processKey;
            this.label = label;
        }
    }

    /**
     * @param intake the applications (reference: the starts) until every case waits at acceptance
     * @param wall   the officials' work, from the first list to the last case finished
     */
    record Result(Flavor flavor, String label, int cases, long started, long finished, long enrolled, long completions,
                  long objections, long timersForwarded, Duration intake, Duration wall, boolean complete,
                  long incidents, long failedJobs, double clientCpuSeconds, CpuMeter.Usage work,
                  List<Stats.Summary> submitsByTask) {

        double completionsPerSecond() {
            return completions / (wall.toMillis() / 1000.0);
        }

        /** Completions per second of CPU that this JVM and the benchmark database used while working. */
        double completionsPerCpuSecond() {
            double cores = Runtime.getRuntime().availableProcessors();
            return completions / ((work.jvm() + work.postgres()) / 100 * cores * (wall.toMillis() / 1000.0));
        }
    }

    private final Web web;
    private final Organisation org;
    private final Flavor flavor;
    private final int cases;
    private final int householdOffset;
    private final String unitFilterId;
    private final Duration timeout;
    private final String label;
    private final CpuMeter cpu;
    private final Duration think;
    private final HistoryService history;
    /** submit-form timed once more per task definition key: which step's completion costs what. */
    private final Stats submitsByTask = new Stats();

    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicLong completions = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong objections = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong clientCpuNanos = new AtomicLong();
    private final Map<String, Integer> caseIndexByInstance = new ConcurrentHashMap<>();
    private volatile long deadline;

    /**
     * @param householdOffset the first household this run applies for (each household applies once)
     * @param label           prefix of the measures, e.g. "ours"
     * @param think           how long an official takes to fill in a form between opening and submitting
     *                        it; zero for the throughput runs (officials work without a pause)
     */
    Pipeline(Web web, Organisation org, Flavor flavor, int cases, int householdOffset, String unitFilterId,
             Duration timeout, String label, CpuMeter cpu, HistoryService history, Duration think) {
        this.cpu = cpu;
        this.history = history;
        this.think = think;
        this.web = web;
        this.org = org;
        this.flavor = flavor;
        this.cases = cases;
        this.householdOffset = householdOffset;
        this.unitFilterId = unitFilterId;
        this.timeout = timeout;
        this.label = label;
    }

    Result run() throws InterruptedException {
        Web.Session admin = web.basic(org.adminUser, org.adminPassword);
        long finishedBefore = finishedCount();
        long enrolledBefore = enrolledCount(admin);
        long incidentsBefore = count(admin, "/engine-rest/incident/count");
        long failedBefore = count(admin, "/engine-rest/history/job-log/count?failureLog=true");
        long start = System.nanoTime();
        deadline = start + timeout.toNanos();

        // Intake: the backlog the officials then work through (applicants do not wait for officials).
        List<Thread> applicants = new ArrayList<>();
        AtomicLong nextCase = new AtomicLong();
        for (int t = 0; t < APPLICANTS; t++) {
            applicants.add(new Thread(() -> applicants(nextCase), label + "-applicant-" + t));
        }
        runAll(applicants);
        while (running() && count(admin, "/engine-rest/task/count?processDefinitionKey=" + flavor.processKey
                + "&taskDefinitionKey=Task_Acceptance") < started.get()) {
            Thread.sleep(100);
        }
        Duration intake = Duration.ofNanos(System.nanoTime() - start);

        long work = System.nanoTime();
        CpuMeter.Snapshot workCpu = cpu.snapshot();
        List<Thread> threads = new ArrayList<>();
        for (Organisation.Official official : org.officials) {
            threads.add(new Thread(() -> official(official), label + "-" + official.id()));
        }
        threads.add(new Thread(this::clerk, label + "-clerk"));
        threads.forEach(Thread::start);
        long finished = 0;
        while (System.nanoTime() < deadline) {
            finished = finishedCount() - finishedBefore;
            if (finished >= cases) {
                break;
            }
            Thread.sleep(250);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - work);
        CpuMeter.Usage workUsage = cpu.since(workCpu);
        done.set(true);
        for (Thread thread : threads) {
            thread.join(timeout.toMillis());
        }
        long incidents = count(admin, "/engine-rest/incident/count") - incidentsBefore;
        long failedJobs = count(admin, "/engine-rest/history/job-log/count?failureLog=true") - failedBefore;
        long enrolled = enrolledCount(admin) - enrolledBefore;
        return new Result(flavor, flavor.label, cases, started.get(), finished, enrolled, completions.get(),
                objections.get(), forwarded.get(), intake, wall, finished >= cases && enrolled >= cases, incidents,
                failedJobs, clientCpuNanos.get() / 1e9, workUsage, submitsByTask.summaries());
    }

    private void runAll(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(timeout.toMillis());
        }
    }

    private long count(Web.Session admin, String path) {
        Web.Response response = admin.get(label + ": monitor", path);
        return response.ok() ? response.json().path("count").asLong() : 0;
    }

    /** CPU time of the calling bench thread, so the report can tell the client's share from the server's. */
    private void addClientCpu() {
        clientCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }

    private boolean running() {
        return !done.get() && System.nanoTime() < deadline;
    }

    /**
     * Finished cases, asked of the engine in process and without an authenticated user: the monitor
     * is the benchmark's instrument, not part of the load. (Over REST, even as camunda-admin, the
     * count joins the authorization table for every finished case: 45 ms at 900 cases, polled four
     * times a second.)
     */
    private long finishedCount() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(flavor.processKey).finished().count();
    }

    /** Cases that reached the approved end: every case of the run should. */
    private long enrolledCount(Web.Session admin) {
        String end = flavor == Flavor.OURS ? "EndEvent_Enrolled" : "EndEvent_ReferenceEnded";
        return admin.get(label + ": monitor", "/engine-rest/history/activity-instance/count?activityId=" + end
                + "&finished=true").require().json().path("count").asLong();
    }

    // Applicants -------------------------------------------------------------------------------------

    private void applicants(AtomicLong nextCase) {
        int i;
        while ((i = (int) nextCase.getAndIncrement()) < cases && running()) {
            Organisation.Unit village = org.pipelineVillages.get(i % org.pipelineVillages.size());
            if (flavor == Flavor.OURS) {
                apply(householdOffset + i, village);
            } else {
                startReference(i, village);
            }
        }
        addClientCpu();
    }

    private void apply(int household, Organisation.Unit village) {
        Web.Session applicant = web.browser();
        Web.Response page = applicant.get(label + ": open /apply", "/apply");
        if (!page.ok()) {
            return;
        }
        Web.Response submitted = applicant.postForm(label + ": apply (POST /apply)", "/apply",
                BenchHouseholds.applicationForm(household, village.code()), Web.csrfToken(page.body()), 302);
        if (submitted.ok()) {
            if (submitted.location() != null && submitted.location().endsWith("/apply/submitted")) {
                started.incrementAndGet();
            } else {
                web.stats().measure(label + ": apply (POST /apply)").error("Redirected to " + submitted.location());
            }
        }
    }

    private void startReference(int index, Organisation.Unit village) {
        Organisation.Official officer = org.officials.stream()
                .filter(o -> o.unit().code().equals(village.code())).findFirst().orElseThrow();
        Organisation.Unit township = org.townshipOf(village);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("unitCode", string(village.code()));
        variables.put("townshipCode", string(township.code()));
        variables.put("countyCode", string(org.county.code()));
        Web.Response response = web.basic(officer.id(), officer.password()).postJson(label + ": start case (REST)",
                "/engine-rest/process-definition/key/" + flavor.processKey + "/start",
                Map.of("variables", variables), 200);
        if (response.ok()) {
            caseIndexByInstance.put(response.json().path("id").asText(), index);
            started.incrementAndGet();
        }
    }

    // Officials --------------------------------------------------------------------------------------

    private void official(Organisation.Official official) {
        Web.Session session = web.basic(official.id(), official.password());
        String list = "/engine-rest/filter/" + unitFilterId + "/list?firstResult=0&maxResults=50";
        while (running()) {
            Web.Response tasks = session.postJson(label + ": task list (filter 本单位待办)", list, SORT_BY_CREATED, 200);
            JsonNode task = tasks.ok() ? pick(tasks.json(), official) : null;
            if (task == null) {
                pause(250);
                continue;
            }
            String id = task.path("id").asText();
            String key = task.path("taskDefinitionKey").asText();
            if (!session.get(label + ": open task (form variables)", "/engine-rest/task/" + id + "/form-variables").ok()) {
                continue;
            }
            if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
                if (!session.postJson(label + ": claim", "/engine-rest/task/" + id + "/claim",
                        Map.of("userId", official.id()), 204).ok()) {
                    continue;
                }
            }
            if (!think.isZero()) {
                pause(think.toMillis());
            }
            long submitStart = System.nanoTime();
            if (session.postJson(label + ": complete task (submit-form)", "/engine-rest/task/" + id + "/submit-form",
                    Map.of("variables", formValues(key)), 204).ok()) {
                submitsByTask.measure(key).record(System.nanoTime() - submitStart);
                completions.incrementAndGet();
            }
        }
        addClientCpu();
    }

    /** The oldest task of this run that is this official's to do. */
    private JsonNode pick(JsonNode tasks, Organisation.Official official) {
        for (JsonNode task : tasks) {
            String assignee = task.path("assignee").isTextual() ? task.path("assignee").asText() : null;
            String instance = task.path("processInstanceId").asText();
            if (task.path("processDefinitionId").asText().startsWith(flavor.processKey + ":")
                    && (assignee == null || assignee.equals(official.id()))
                    && Math.floorMod(instance.hashCode(), official.groupSize()) == official.index()) {
                return task;
            }
        }
        return null;
    }

    /** The server refuses a visit dated in the future or before the application (made today, in its default zone). */
    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    /** What an official enters in each form: the same values for our process and the reference. */
    static Map<String, Object> formValues(String taskKey) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (taskKey) {
            case "Task_Acceptance" -> v.put("acceptanceDecision", string("accept"));
            case "Task_HomeInvestigation" -> {
                v.put("investigators", string("王芳、李强"));
                v.put("investigationDate", string(today()));
                v.put("findings", string("住房狭小，家中一人在读，妻子打零工"));
                v.put("verifiedMonthlyIncome", typed(900, "Long"));
                v.put("investigatorsSigned", typed(true, "Boolean"));
            }
            case "Task_DemocraticEvaluation" -> {
                v.put("evaluationDate", string(today()));
                v.put("participantCount", typed(9, "Long"));
                v.put("agreeCount", typed(9, "Long"));
                v.put("disagreeCount", typed(0, "Long"));
                v.put("evaluationResult", string("agree"));
            }
            case "Task_CheckObjection" -> {
                v.put("checkFindings", string("经入户核实，异议反映的情况不属实"));
                v.put("objectionOutcome", string("unfounded"));
            }
            case "Task_TownshipApproval" -> v.put("approvalDecision", string("approve"));
            case "Task_CountyFiling" -> {
                v.put("countyDecision", string("file"));
                v.put("countyOpinion", string("同意备案"));
            }
            default -> throw new IllegalStateException("Unknown task " + taskKey);
        }
        return v;
    }

    // Clerk: objections and the notice timer ----------------------------------------------------------

    private void clerk() {
        try {
            clerkLoop();
        } finally {
            addClientCpu();
        }
    }

    private void clerkLoop() {
        Web.Session admin = web.basic(org.adminUser, org.adminPassword);
        Web.Session publicBoard = web.browser();
        Set<String> forwardedJobs = new HashSet<>();
        Set<String> seenTimers = new HashSet<>();
        Set<Long> seenNotices = new HashSet<>();
        Set<String> objectedInstances = new HashSet<>();
        String timerActivity = "Event_NoticePeriodEnded";
        while (running()) {
            // Timers first: a notice is on the board before its timer exists, so each timer listed here
            // belongs to a notice the board shows below.
            Web.Response timers = admin.get(label + ": list notice timers (REST)", "/engine-rest/job?processDefinitionKey="
                    + flavor.processKey + "&activityId=" + timerActivity + "&timers=true&maxResults=2000");
            if (!timers.ok()) {
                pause(500);
                continue;
            }
            List<JsonNode> pending = new ArrayList<>();
            boolean newNotices = false;
            for (JsonNode job : timers.json()) {
                if (!forwardedJobs.contains(job.path("id").asText())) {
                    pending.add(job);
                }
                newNotices |= seenTimers.add(job.path("id").asText());
            }
            if (flavor == Flavor.OURS) {
                // The public reads the board when there is something new on it (every new notice has
                // its timer), not as often as the clerk looks at the timers.
                if (newNotices) {
                    lodgeObjectionsOnBoard(publicBoard, seenNotices);
                }
            } else {
                for (JsonNode job : pending) {
                    String instance = job.path("processInstanceId").asText();
                    Integer index = caseIndexByInstance.get(instance);
                    if (index != null && index % OBJECTION_EVERY == 0 && objectedInstances.add(instance)) {
                        if (admin.postJson(label + ": lodge objection (REST message)", "/engine-rest/message",
                                Map.of("messageName", "Message_ReferenceObjection", "processInstanceId", instance),
                                204).ok()) {
                            objections.incrementAndGet();
                        }
                    }
                }
            }
            Set<String> checking = new HashSet<>();
            Web.Response checks = admin.get(label + ": list objection checks (REST)", "/engine-rest/task?processDefinitionKey="
                    + flavor.processKey + "&taskDefinitionKey=Task_CheckObjection&maxResults=2000");
            if (!checks.ok()) {
                continue;
            }
            checks.json().forEach(task -> checking.add(task.path("processInstanceId").asText()));
            String now = REST_DATE.format(ZonedDateTime.now());
            for (JsonNode job : pending) {
                if (!running()) {
                    return;
                }
                if (checking.contains(job.path("processInstanceId").asText())) {
                    continue;
                }
                String id = job.path("id").asText();
                if (admin.putJson(label + ": bring notice timer forward (PUT job duedate)", "/engine-rest/job/" + id
                        + "/duedate", Map.of("duedate", now), 204).ok()) {
                    forwardedJobs.add(id);
                    forwarded.incrementAndGet();
                }
            }
            pause(pending.isEmpty() ? 500 : 100);
        }
    }

    /** The public reads the board and objects to every twentieth new notice (5%). */
    private void lodgeObjectionsOnBoard(Web.Session publicBoard, Set<Long> seenNotices) {
        Web.Response board = publicBoard.get(label + ": read notice board (/notices)", "/notices");
        if (!board.ok()) {
            return;
        }
        Matcher links = NOTICE_LINK.matcher(board.body());
        while (links.find()) {
            long notice = Long.parseLong(links.group(1));
            if (!seenNotices.add(notice) || notice % OBJECTION_EVERY != 0) {
                continue;
            }
            Web.Session citizen = web.browser();
            Web.Response form = citizen.get(label + ": open objection form", "/notices/" + notice + "/objection");
            if (form.ok() && citizen.postForm(label + ": lodge objection (POST /notices)", "/notices/" + notice
                    + "/objection", Map.of("content", "申请人家中新购置了小汽车，收入情况与公示不符", "contact", ""),
                    Web.csrfToken(form.body()), 302).ok()) {
                objections.incrementAndGet();
            }
        }
    }

    static Map<String, Object> string(String value) {
        return typed(value, "String");
    }

    static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
