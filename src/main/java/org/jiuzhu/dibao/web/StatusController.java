package org.jiuzhu.dibao.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.CaseProgress;
import org.jiuzhu.dibao.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.notice.Masking;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 办理进度查询: the applicant proves they know the application number and the last four characters
 * of the applicant's ID number, and sees where the case stands, with nothing a stranger could use.
 */
@Controller
@RequestMapping("/status")
class StatusController {

    static final String VIEW = "dibao/status";
    static final String NOT_FOUND = "未找到与申请编号和身份证号后四位相符的申请";
    static final String THROTTLED = "查询失败次数过多，请 %d 分钟后再试";

    /** What the page shows of an application. */
    record PublicStatus(String applicationNo, LocalDate submittedOn, String maskedName, String village,
                        String statusLabel, CaseProgress.Progress progress, String writtenNotice,
                        LocalDate writtenNoticeOn) {
    }

    private final ApplicationRepository applications;
    private final AdminUnitRepository units;
    private final CaseProgress caseProgress;
    private final CaseRecords records;
    private final LookupThrottle throttle;
    private final Clock clock;

    StatusController(ApplicationRepository applications, AdminUnitRepository units, CaseProgress caseProgress,
                     CaseRecords records, LookupThrottle throttle, Clock clock) {
        this.applications = applications;
        this.units = units;
        this.caseProgress = caseProgress;
        this.records = records;
        this.throttle = throttle;
        this.clock = clock;
    }

    @InitBinder("lookup")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping
    String initLookupForm(Model model) {
        model.addAttribute("lookup", new StatusLookup());
        return VIEW;
    }

    @PostMapping
    String processLookupForm(@Valid @ModelAttribute("lookup") StatusLookup lookup, BindingResult result,
                             HttpServletRequest request, Model model) {
        if (result.hasErrors()) {
            return VIEW;
        }
        String applicationNo = lookup.applicationNo.strip().toUpperCase(Locale.ROOT);
        String client = request.getRemoteAddr();
        if (throttle.blocked(client, applicationNo)) {
            model.addAttribute("notFound", THROTTLED.formatted(throttle.windowMinutes()));
            return VIEW;
        }
        Optional<DibaoApplication> found = applications.findByApplicationNo(applicationNo)
                .filter(application -> application.applicantIdNumber().toUpperCase(Locale.ROOT)
                        .endsWith(lookup.idLast4.strip().toUpperCase(Locale.ROOT)));
        if (found.isEmpty()) {
            throttle.recordMiss(client, applicationNo);
            model.addAttribute("notFound", NOT_FOUND);
            return VIEW;
        }
        model.addAttribute("status", publicStatusOf(found.get()));
        return VIEW;
    }

    private PublicStatus publicStatusOf(DibaoApplication application) {
        Optional<CaseRecords.WrittenNotice> notice = records.writtenNotice(application.id());
        return new PublicStatus(application.applicationNo(), dayOf(application.submittedAt()),
                Masking.maskName(application.applicantName()), units.pathOf(application.villageCode(), " "),
                application.status().label(), caseProgress.of(application),
                notice.map(n -> PublicText.redact(n.content(), application)).orElse(null),
                notice.map(n -> dayOf(n.issuedAt())).orElse(null));
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
