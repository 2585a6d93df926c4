package org.jiuzhu.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiuzhu.ledger.PaymentLedger;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Excel files of the reports page: a month's report, and the ledgers (台账) of recipients and payments. */
@Component
public class ReportWorkbooks {

    /** One enrolled household, as the registry export lists it. */
    record RegistryRow(String villageCode, String headName, String category, int members, BigDecimal monthlyAmount,
                       String startMonth, LocalDate nextReviewDate, boolean active, String applicationNo) {
    }

    static final List<String> REPORT_COLUMNS = List.of("乡镇（街道）", "月份", "受理申请（件）", "其中急难当日件",
            "临时救助申请（件）", "批准纳入（户）", "不予批准（件）", "新增月保障金（元）", "临时救助及急难救助支出（元）", "逾期任务（件）");
    static final List<String> REGISTRY_COLUMNS = List.of("乡镇（街道）", "村（社区）", "户主", "救助类别", "保障人数",
            "月保障金（元）", "起始月份", "下次复核日期", "状态", "申请编号");
    static final List<String> PAYMENT_COLUMNS = List.of("发放时间", "乡镇（街道）", "村（社区）", "案件编号", "类别",
            "领取人", "身份证号", "金额（元）", "事由");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final AdminUnitRepository units;
    private final PaymentLedger ledger;
    private final Clock clock;

    public ReportWorkbooks(JdbcClient jdbc, AdminUnitRepository units, PaymentLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** 月报: one row per township, and the total. */
    public byte[] monthlyReport(YearMonth month, List<MonthlyReports.Report> reports) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(month + " 月报");
            header(workbook, sheet, REPORT_COLUMNS);
            MonthlyReports.Figures total = MonthlyReports.Figures.none();
            for (MonthlyReports.Report report : reports) {
                figuresRow(sheet, report.townshipName(), month, report.figures());
                total = total.plus(report.figures());
            }
            if (reports.size() > 1) {
                figuresRow(sheet, "合计", month, total);
            }
            return bytes(workbook, sheet, REPORT_COLUMNS.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 台账: the recipient registry and the payments of these townships (payments of the last 12 months). */
    public byte[] ledgers(Collection<String> townshipCodes, Instant paymentsFrom, Instant paymentsTo) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet registry = workbook.createSheet("救助对象台账");
            header(workbook, registry, REGISTRY_COLUMNS);
            for (RegistryRow r : registryRows(townshipCodes)) {
                Row row = registry.createRow(registry.getLastRowNum() + 1);
                String township = units.findByCode(r.villageCode()).map(v -> units.findByCode(v.parentCode())
                        .map(t -> t.name()).orElse("")).orElse("");
                cells(row, township, unitName(r.villageCode()), r.headName(),
                        "DIBAO".equals(r.category()) ? "最低生活保障" : "特困人员救助供养", r.members(), r.monthlyAmount(),
                        r.startMonth(), r.nextReviewDate().toString(), r.active() ? "在保" : "已停保",
                        r.applicationNo() == null ? "" : r.applicationNo());
            }
            widen(registry, REGISTRY_COLUMNS.size());
            Sheet payments = workbook.createSheet("资金发放台账");
            header(workbook, payments, PAYMENT_COLUMNS);
            for (PaymentLedger.Entry p : ledger.between(paymentsFrom, paymentsTo, List.copyOf(townshipCodes))) {
                Row row = payments.createRow(payments.getLastRowNum() + 1);
                cells(row, TIME.format(p.paidAt().atZone(clock.getZone())), unitName(p.townshipCode()),
                        p.villageCode() == null ? "" : unitName(p.villageCode()), p.caseNo(), p.kind().label(),
                        p.payeeName(), p.householdIdNumber(), p.amount(), p.reason());
            }
            return bytes(workbook, payments, PAYMENT_COLUMNS.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<RegistryRow> registryRows(Collection<String> townshipCodes) {
        if (townshipCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.*, v.parent_code as township_code, a.application_no,
                    (select count(*) from recipient_member m where m.recipient_id = r.id) as members
                from recipient r join admin_unit v on v.code = r.village_code
                left join dibao_application a on a.id = r.application_id
                where v.parent_code in (:townships) order by v.parent_code, r.village_code, r.enrolled_at""")
                .param("townships", townshipCodes)
                .query((rs, row) -> new RegistryRow(rs.getString("village_code"), rs.getString("head_name"),
                        rs.getString("category"), rs.getInt("members"), rs.getBigDecimal("monthly_amount"),
                        rs.getString("start_month"), rs.getDate("next_review_date").toLocalDate(),
                        rs.getBoolean("active"), rs.getString("application_no")))
                .list();
    }

    private void figuresRow(Sheet sheet, String township, YearMonth month, MonthlyReports.Figures f) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        cells(row, township, month.toString(), f.applicationsReceived(), f.emergencyCases(), f.temporaryCases(),
                f.approved(), f.rejected(), f.monthlyAmountGranted(), f.oneOffAmountPaid(), f.overdueTasks());
    }

    private String unitName(String code) {
        return units.findByCode(code).map(u -> u.name()).orElse(code);
    }

    private static void header(XSSFWorkbook workbook, Sheet sheet, List<String> columns) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(values[i]));
            }
        }
    }

    private static void widen(Sheet sheet, int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook, Sheet lastSheet, int columns) throws IOException {
        widen(lastSheet, columns);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
