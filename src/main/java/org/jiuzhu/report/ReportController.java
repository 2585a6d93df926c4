package org.jiuzhu.report;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialProfile;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 月报与台账: townships see their own reports, the county (officers, leaders, supervisors) all of its
 * townships; each month as a page and as an Excel file, and the ledgers as Excel. County officers and
 * administrators may make a month's reports anew.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

    static final String LIST_VIEW = "report/list";
    static final String MONTH_VIEW = "report/month";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyReports reports;
    private final ReportWorkbooks workbooks;
    private final OfficialService officials;
    private final AdminUnitRepository units;
    private final Clock clock;

    ReportController(MonthlyReports reports, ReportWorkbooks workbooks, OfficialService officials,
                     AdminUnitRepository units, Clock clock) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.officials = officials;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        OfficialProfile profile = officials.profileOf(principal.getName());
        Map<YearMonth, List<MonthlyReports.Report>> byMonth = new LinkedHashMap<>();
        for (MonthlyReports.Report report : reports.of(townshipsOf(profile))) {
            byMonth.computeIfAbsent(report.month(), m -> new java.util.ArrayList<>()).add(report);
        }
        model.addAttribute("months", byMonth);
        model.addAttribute("mayGenerate", mayGenerate(profile));
        model.addAttribute("previousMonth", reports.previousMonth());
        return LIST_VIEW;
    }

    @GetMapping("/{month:\\d{4}-\\d{2}}")
    String month(@PathVariable String month, Principal principal, Model model) {
        YearMonth yearMonth = parse(month);
        List<MonthlyReports.Report> rows = reports.ofMonth(yearMonth, townshipsOf(officials.profileOf(principal.getName())));
        if (rows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("month", yearMonth);
        model.addAttribute("reports", rows);
        model.addAttribute("total", rows.stream().map(MonthlyReports.Report::figures)
                .reduce(MonthlyReports.Figures.none(), MonthlyReports.Figures::plus));
        return MONTH_VIEW;
    }

    @GetMapping("/{month:\\d{4}-\\d{2}}.xlsx")
    ResponseEntity<byte[]> monthWorkbook(@PathVariable String month, Principal principal) {
        YearMonth yearMonth = parse(month);
        List<MonthlyReports.Report> rows = reports.ofMonth(yearMonth, townshipsOf(officials.profileOf(principal.getName())));
        if (rows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return excel("月报-" + yearMonth + ".xlsx", workbooks.monthlyReport(yearMonth, rows));
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> ledgerWorkbook(Principal principal) {
        Instant now = clock.instant();
        byte[] file = workbooks.ledgers(townshipsOf(officials.profileOf(principal.getName())),
                YearMonth.now(clock).minusMonths(11).atDay(1).atStartOfDay(clock.getZone()).toInstant(), now.plusSeconds(1));
        return excel("救助台账-" + YearMonth.now(clock) + ".xlsx", file);
    }

    @PostMapping("/generate")
    String generate(@RequestParam String month, Principal principal, RedirectAttributes redirect) {
        if (!mayGenerate(officials.profileOf(principal.getName()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "月份格式应为 年-月，例如 2026-11");
            return "redirect:/reports";
        }
        if (yearMonth.isAfter(YearMonth.now(clock))) {
            redirect.addFlashAttribute("error", "不能生成尚未到来的月份的月报");
            return "redirect:/reports";
        }
        int count = reports.generate(yearMonth, principal.getName());
        redirect.addFlashAttribute("message", "已生成 " + yearMonth + " 的月报（" + count + " 个乡镇（街道））");
        return "redirect:/reports";
    }

    /** The townships whose reports the official may read; nobody else gets the page. */
    private List<String> townshipsOf(OfficialProfile profile) {
        List<AdminUnit> townships;
        if (profile.administrator()) {
            townships = units.findAll().stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).toList();
        } else if (profile.hasUnit() && profile.unit().level() == UnitLevel.COUNTY) {
            townships = units.findChildren(profile.unit().code());
        } else if (profile.hasUnit() && profile.unit().level() == UnitLevel.TOWNSHIP) {
            townships = List.of(profile.unit());
        } else {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return townships.stream().map(AdminUnit::code).toList();
    }

    private static boolean mayGenerate(OfficialProfile profile) {
        return profile.administrator() || profile.countyOfficial();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static ResponseEntity<byte[]> excel(String fileName, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
        return new ResponseEntity<>(content, headers, HttpStatus.OK);
    }
}
