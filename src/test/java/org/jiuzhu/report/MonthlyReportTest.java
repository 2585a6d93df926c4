package org.jiuzhu.report;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.jiuzhu.support.DemoOrganisation.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.RecipientRegistry;
import org.jiuzhu.dibao.process.DibaoProcessDriver;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencyReason;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.supervision.OverdueEscalation;
import org.jiuzhu.support.Households;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.jiuzhu.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 月报: the figures of a month match the cases seeded in it; the Excel files read back; the pages are scoped. */
@JiuzhuIntegrationTest
class MonthlyReportTest {

    private static final YearMonth MARCH_2025 = YearMonth.of(2025, 3);

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired ApplicationService applicationService;
    @Autowired DibaoProcessDriver driver;
    @Autowired RecipientRegistry registry;
    @Autowired EmergencyPeriods emergencies;
    @Autowired OverdueEscalation escalation;
    @Autowired MonthlyReports reports;
    @Autowired ReportWorkbooks workbooks;
    @Autowired AdminUnitRepository units;

    private final List<Long> declared = new ArrayList<>();

    @BeforeEach
    void itIsMondayTheThirdOfMarch2025() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2025, 3, 3, 9, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }

    @AfterEach
    void resetClock() {
        declared.stream().filter(id -> emergencies.find(id).orElseThrow().active()).forEach(id -> emergencies.end(id, "test"));
        ClockUtil.reset();
    }

    @Test
    void countsWhatEachTownshipDidInTheMonth() throws IOException {
        // 城关街道: one household enrolled, one refused at acceptance, one same-day emergency case, one left overdue.
        ProcessInstance enrolled = driver.submit(Households.poorFamilyBornIn(1981, 10));
        ProcessInstance refused = driver.submit(Households.poorFamilyBornIn(1981, 20));
        ProcessInstance late = driver.submit(Households.poorFamilyBornIn(1981, 30));
        declared.add(emergencies.declare(TOWNSHIP_CHENGGUAN, EmergencyReason.EPIDEMIC, "疫情封控（测试）", COUNTY_OFFICER));
        ApplicationForm sameDay = Households.poorFamilyBornIn(1981, 40);
        sameDay.sameDay = true;
        String emergencyNo = applicationService.submitPublic(sameDay, EmergencyVariables.PROCESS_KEY);
        // 青山镇: one application, also left overdue.
        ApplicationForm elsewhere = Households.poorFamilyBornIn(1981, 50);
        elsewhere.unitCode = VILLAGE_QINGSHAN;
        ProcessInstance qingshan = driver.submit(elsewhere);

        driver.checkMaterials(refused);
        complete(DibaoProcessDriver.task(refused), withVariables("acceptanceDecision", "reject", "rejectionReason", "材料不实"));
        driver.issueRejection(refused);
        driver.checkMaterials(late);
        driver.checkMaterials(qingshan);
        approveSameDay(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(emergencyNo)
                .processDefinitionKey(EmergencyVariables.PROCESS_KEY).singleResult());
        driver.toTownshipApproval(enrolled);
        complete(DibaoProcessDriver.task(enrolled), withVariables("approvalDecision", "approve"));
        complete(DibaoProcessDriver.task(enrolled), withVariables("countyDecision", "file"));
        driver.finishEnrolment(enrolled);
        // Acceptance is due within 3 working days; on the 11th the overdue scan finds the two left undone.
        Assertions.assertThat(escalation.escalateOverdueTasks()).isGreaterThanOrEqualTo(2);

        reports.generate(MARCH_2025, "test");

        BigDecimal enrolledAmount = registry.findByApplication(driver.applicationOf(enrolled).id()).orElseThrow().monthlyAmount();
        MonthlyReports.Figures chengguan = reports.find(TOWNSHIP_CHENGGUAN, MARCH_2025).orElseThrow().figures();
        Assertions.assertThat(chengguan).isEqualTo(new MonthlyReports.Figures(4, 1, 0, 1, 1, enrolledAmount,
                new BigDecimal("2250.00"), 1));
        MonthlyReports.Figures qingshanFigures = reports.find(TOWNSHIP_QINGSHAN, MARCH_2025).orElseThrow().figures();
        Assertions.assertThat(qingshanFigures).isEqualTo(new MonthlyReports.Figures(1, 0, 0, 0, 0, new BigDecimal("0.00"),
                new BigDecimal("0.00"), 1));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbooks.monthlyReport(MARCH_2025,
                reports.ofMonth(MARCH_2025, List.of(TOWNSHIP_CHENGGUAN, TOWNSHIP_QINGSHAN)))))) {
            Sheet sheet = book.getSheetAt(0);
            Assertions.assertThat(values(sheet.getRow(0))).isEqualTo(ReportWorkbooks.REPORT_COLUMNS);
            Assertions.assertThat(values(sheet.getRow(1))).containsExactly("城关街道", "2025-03", "4", "1", "0", "1", "1",
                    enrolledAmount.stripTrailingZeros().toPlainString(), "2250", "1");
            Assertions.assertThat(values(sheet.getRow(2))).startsWith("青山镇", "2025-03", "1");
            Assertions.assertThat(values(sheet.getRow(3))).startsWith("合计", "2025-03", "5", "1");
            Assertions.assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbooks.ledgers(List.of(TOWNSHIP_CHENGGUAN),
                MARCH_2025.atDay(1).atStartOfDay(ZoneId.systemDefault()).toInstant(),
                MARCH_2025.plusMonths(1).atDay(1).atStartOfDay(ZoneId.systemDefault()).toInstant())))) {
            Sheet registrySheet = book.getSheet("救助对象台账");
            Assertions.assertThat(values(registrySheet.getRow(0))).isEqualTo(ReportWorkbooks.REGISTRY_COLUMNS);
            Assertions.assertThat(rows(registrySheet)).anyMatch(row -> row.contains(enrolled.getBusinessKey())
                    && row.contains("城关街道") && row.contains("东门社区") && row.contains("最低生活保障") && row.contains("在保"));
            Sheet payments = book.getSheet("资金发放台账");
            Assertions.assertThat(values(payments.getRow(0))).isEqualTo(ReportWorkbooks.PAYMENT_COLUMNS);
            Assertions.assertThat(rows(payments)).singleElement().satisfies(row -> Assertions.assertThat(row)
                    .contains(emergencyNo, "急难救助（当日审批）", "2250", sameDay.applicantIdNumber));
        }
    }

    @Test
    void aReportIsMadeOnTheEighthOfEveryMonth() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("monthlyReport")
                .latestVersion().singleResult().getId();
        Job timer = managementService.createJobQuery().processDefinitionId(definitionId).timers().singleResult();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        Assertions.assertThat(due.getDayOfMonth()).isEqualTo(8);
        Assertions.assertThat(due.getHour()).isEqualTo(2);
    }

    @Test
    void makesTheReportsOfAMonthAFewTownshipsAtATime() {
        YearMonth month = YearMonth.of(2024, 2);
        List<String> townships = townships();
        List<MonthlyReports.Batch> batches = new ArrayList<>();
        String after = null;
        MonthlyReports.Batch batch;
        do {
            batch = reports.generateNext(month, after, 2, "test");
            batches.add(batch);
            after = batch.lastTownshipCode();
        } while (batch.more());

        Assertions.assertThat(batches).hasSize((townships.size() + 1) / 2)
                .allSatisfy(b -> Assertions.assertThat(b.made()).isBetween(1, 2));
        Assertions.assertThat(batches.stream().mapToInt(MonthlyReports.Batch::made).sum()).isEqualTo(townships.size());
        Assertions.assertThat(reports.ofMonth(month, townships)).extracting(MonthlyReports.Report::townshipCode)
                .containsExactlyInAnyOrderElementsOf(townships);
    }

    @Test
    void theReportingDayGoesOnUntilEveryTownshipHasItsReport() {
        String instance = runtimeService.startProcessInstanceByKey("monthlyReport").getId();

        for (Job job = reportJob(instance); job != null; job = reportJob(instance)) {
            managementService.executeJob(job.getId());
        }

        Assertions.assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance).singleResult().getEndActivityId()).isEqualTo("EndEvent_ReportsGenerated");
        List<String> townships = townships();
        Assertions.assertThat(reports.ofMonth(YearMonth.of(2025, 2), townships)).hasSameSizeAs(townships);
    }

    @Test
    void theTownshipSeesItsOwnReportAndTheCountyAllOfThem() {
        YearMonth month = YearMonth.of(2024, 1);
        reports.generate(month, "test");
        WebSession township = new WebSession(port);
        township.login(CHENGGUAN_OFFICER, PASSWORD);
        WebSession county = new WebSession(port);
        county.login(SUPERVISOR, PASSWORD);
        WebSession village = new WebSession(port);
        village.login(DONGMEN_OFFICER, PASSWORD);

        String townshipPage = township.get("/reports/2024-01").body();
        Assertions.assertThat(townshipPage).contains("2024 年 1 月 救助工作月报", "城关街道").doesNotContain("青山镇");
        Assertions.assertThat(county.get("/reports/2024-01").body()).contains("城关街道", "青山镇", "柳溪乡", "合计");
        Assertions.assertThat(village.get("/reports").statusCode()).isEqualTo(403);
        var excel = county.get("/reports/2024-01.xlsx");
        Assertions.assertThat(excel.statusCode()).isEqualTo(200);
        Assertions.assertThat(excel.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        Assertions.assertThat(township.postForm("/reports", "/reports/generate", java.util.Map.of("month", "2024-01"))
                .statusCode()).isEqualTo(403);
        Assertions.assertThat(county.get("/reports/ledger.xlsx").statusCode()).isEqualTo(200);
    }

    private void approveSameDay(ProcessInstance pi) {
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_CheckMaterials").singleResult());
        complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult(), withVariables(
                "hardshipConfirmed", true, "reviewFindings", "封控期间失去收入", "villageDecision", "agree"));
        complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult(),
                withVariables("townshipDecision", "approve"));
        execute(jobQuery().processInstanceId(pi.getId()).activityId("Task_GrantAssistance").singleResult());
        complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult(),
                withVariables("filingConfirmed", true));
    }

    private Job reportJob(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).activityId("Task_GenerateMonthlyReports")
                .singleResult();
    }

    private List<String> townships() {
        return units.findAll().stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).map(AdminUnit::code).toList();
    }

    private static List<String> values(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(format.formatCellValue(cell)));
        return values;
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            rows.add(values(sheet.getRow(i)));
        }
        return rows;
    }
}
