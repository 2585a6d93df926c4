package org.jiuzhu.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.casework.RefusalStages;
import org.jiuzhu.dibao.CaseProgress;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.casework.Masking;
import org.jiuzhu.casework.ProcessStages;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitContacts;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
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
 * 办理进度查询: the applicant proves they know the case number (a dibao application DB-…, or a 临时救助
 * case LS-…) and the last four characters of the applicant's ID number, and sees where the case stands
 * — the steps with their dates, the deadline of the current one, what to correct and whom to ask —
 * with nothing a stranger could use.
 */
@Controller
@RequestMapping("/status")
class StatusController {

    static final String VIEW = "dibao/status";
    static final String NOT_FOUND = "未找到与申请编号和身份证号后四位相符的申请";
    static final String THROTTLED = "查询失败次数过多，请 %d 分钟后再试";
    /** Case numbers this session has proven to know; the written notice document opens only for them. */
    static final String VERIFIED_CASES = "jiuzhu.verifiedCases";
    private static final String TEMPORARY_PREFIX = "LS-";

    /** What the page shows of a case. */
    record PublicStatus(String applicationNo, String kind, LocalDate submittedOn, String maskedName, String village,
                        String statusLabel, ProcessStages.Progress progress, CaseProgress.Steps steps,
                        String correction, List<UnitContacts.Contact> contacts, String writtenNotice,
                        LocalDate writtenNoticeOn) {
    }

    private final ApplicationRepository applications;
    private final TemporaryAssistanceCases temporaryCases;
    private final AdminUnitRepository units;
    private final UnitContacts contacts;
    private final CaseProgress caseProgress;
    private final ProcessStages stages;
    private final CaseRecords records;
    private final LookupThrottle throttle;
    private final Clock clock;

    StatusController(ApplicationRepository applications, TemporaryAssistanceCases temporaryCases,
                     AdminUnitRepository units, UnitContacts contacts, CaseProgress caseProgress, ProcessStages stages,
                     CaseRecords records, LookupThrottle throttle, Clock clock) {
        this.applications = applications;
        this.temporaryCases = temporaryCases;
        this.units = units;
        this.contacts = contacts;
        this.caseProgress = caseProgress;
        this.stages = stages;
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

    /** The look-up posted with a stale CSRF token: shown again as typed; nothing is looked up or counted. */
    @PostMapping("/resubmit")
    String showStaleLookupForm(@ModelAttribute("lookup") StatusLookup lookup, BindingResult bound, Model model) {
        model.addAttribute("stale", true);
        return VIEW;
    }

    @PostMapping
    String processLookupForm(@Valid @ModelAttribute("lookup") StatusLookup lookup, BindingResult result,
                             HttpServletRequest request, Model model) {
        if (result.hasErrors()) {
            return VIEW;
        }
        String applicationNo = lookup.applicationNo.strip().toUpperCase(Locale.ROOT);
        String last4 = lookup.idLast4.strip().toUpperCase(Locale.ROOT);
        // Per client address only: a stranger's guesses never lock the applicant out of their own case.
        String client = request.getRemoteAddr();
        if (throttle.blocked(client, applicationNo)) {
            model.addAttribute("notFound", THROTTLED.formatted(throttle.windowMinutes()));
            return VIEW;
        }
        Optional<PublicStatus> found = applicationNo.startsWith(TEMPORARY_PREFIX)
                ? temporaryCases.findByCaseNo(applicationNo)
                        .filter(c -> c.applicantIdNumber().toUpperCase(Locale.ROOT).endsWith(last4))
                        .map(this::publicStatusOf)
                : applications.findByApplicationNo(applicationNo)
                        .filter(a -> a.applicantIdNumber().toUpperCase(Locale.ROOT).endsWith(last4))
                        .map(this::publicStatusOf);
        if (found.isEmpty()) {
            throttle.recordMiss(client, applicationNo);
            model.addAttribute("notFound", NOT_FOUND);
            return VIEW;
        }
        remember(request.getSession(), applicationNo);
        model.addAttribute("status", found.get());
        return VIEW;
    }

    @SuppressWarnings("unchecked")
    private static void remember(HttpSession session, String caseNo) {
        Set<String> verified = session.getAttribute(VERIFIED_CASES) instanceof Set<?> set
                ? new HashSet<>((Set<String>) set) : new HashSet<>();
        verified.add(caseNo);
        // Set again, so that the session store writes the change.
        session.setAttribute(VERIFIED_CASES, verified);
    }

    private PublicStatus publicStatusOf(DibaoApplication application) {
        Optional<CaseRecords.WrittenNotice> notice = records.writtenNotice(application.id());
        ProcessStages.Progress progress = caseProgress.of(application);
        CaseProgress.Steps steps = caseProgress.stepsOf(application);
        String outcome = progress.ended() ? publicOutcome(progress, notice.orElse(null)) : null;
        return new PublicStatus(application.applicationNo(), "最低生活保障", dayOf(application.submittedAt()),
                Masking.maskName(application.applicantName()), units.pathOf(application.villageCode(), " "),
                outcome != null && outcome.endsWith("不予受理") ? "不予受理" : application.status().label(),
                outcome == null ? progress : new ProcessStages.Progress(List.of(), outcome),
                steps, steps.awaitingCorrection() ? PublicText.redact(steps.correction(), application) : null,
                steps.awaitingCorrection() ? contactsFor(application.villageCode()) : contactsIfRefused(notice, application.villageCode()),
                notice.map(n -> PublicText.redact(n.content(), application)).orElse(null),
                notice.map(n -> dayOf(n.issuedAt())).orElse(null));
    }

    private PublicStatus publicStatusOf(TemporaryAssistanceCase c) {
        ProcessStages.Progress progress = stages.of(c.processInstanceId());
        String notice = c.decisionNotice() == null ? null
                : PublicText.redact(c.decisionNotice(), List.of(c.applicantName()), c.applicantPhone(), null);
        return new PublicStatus(c.caseNo(), "临时救助", dayOf(c.submittedAt()), Masking.maskName(c.applicantName()),
                units.pathOf(c.unitCode(), " "), c.status().label(), progress,
                caseProgress.stepsOfProcessInstance(c.processInstanceId(), c.submittedAt()), null,
                c.status() == TemporaryAssistanceCase.Status.REJECTED ? contactsFor(c.unitCode()) : List.of(),
                notice, c.decidedAt() == null ? null : dayOf(c.decidedAt()));
    }

    /** 不予受理 where the case was refused before acceptance, the model's end otherwise. */
    private static String publicOutcome(ProcessStages.Progress progress, CaseRecords.WrittenNotice notice) {
        if (notice != null && "REJECTED".equals(notice.outcome()) && RefusalStages.isAcceptanceStage(notice.stage())) {
            return "已办结：不予受理";
        }
        return progress.outcome();
    }

    private List<UnitContacts.Contact> contactsIfRefused(Optional<CaseRecords.WrittenNotice> notice, String villageCode) {
        return notice.filter(n -> "REJECTED".equals(n.outcome())).isPresent() ? contactsFor(villageCode) : List.of();
    }

    /** The township's office (it accepts, corrects and decides) first, then the village's. */
    private List<UnitContacts.Contact> contactsFor(String unitCode) {
        List<UnitContacts.Contact> offices = new ArrayList<>();
        units.findChain(unitCode).stream()
                .filter(unit -> unit.level() != org.jiuzhu.organisation.UnitLevel.COUNTY)
                .forEach(unit -> contacts.find(unit.code()).ifPresent(offices::add));
        java.util.Collections.reverse(offices);
        return offices;
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
