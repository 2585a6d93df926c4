package org.jiuzhu.dibao.web;

import org.jiuzhu.dibao.HouseholdForms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.ApplicationService.InvalidApplicationException;
import org.jiuzhu.casework.CaseFileLabels;
import org.jiuzhu.dibao.CaseProgress;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ObjectionRepository;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case file of a dibao application, for officials who may read its case (Camunda authorization,
 * the same as in Cockpit), and the correction of its materials while it waits at 补正材料.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

    static final String CASE_VIEW = "dibao/case";
    static final String EDIT_VIEW = "dibao/edit";
    static final String NOT_EDITABLE_VIEW = "dibao/not-editable";
    static final String CORRECTION_TASK = "Task_CorrectMaterials";
    static final String CORRECTED_MESSAGE = "申请材料已修改。请在任务列表中完成“补正材料”任务，系统将重新核验。";

    /** One decision on the case, in words. */
    record DecisionRow(String stage, String decision, BigDecimal amount, String reason, String decidedBy,
                       Instant decidedAt) {
    }

    /** One objection with its outcome in words. */
    record ObjectionRow(ObjectionRepository.Objection objection, String outcome) {
    }

    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final AdminUnitRepository units;
    private final CaseProgress caseProgress;
    private final CaseRecords records;
    private final EconomicVerificationRepository verifications;
    private final EligibilityAssessment assessment;
    private final NoticeBoard board;
    private final ObjectionRepository objections;
    private final OfficialService officials;
    private final HouseholdForms households;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;

    CaseController(ApplicationRepository applications, ApplicationService applicationService, AdminUnitRepository units,
                   CaseProgress caseProgress, CaseRecords records, EconomicVerificationRepository verifications,
                   EligibilityAssessment assessment, NoticeBoard board, ObjectionRepository objections,
                   OfficialService officials, HouseholdForms households, HistoryService historyService,
                   TaskService taskService, RuntimeService runtimeService) {
        this.applications = applications;
        this.applicationService = applicationService;
        this.units = units;
        this.caseProgress = caseProgress;
        this.records = records;
        this.verifications = verifications;
        this.assessment = assessment;
        this.board = board;
        this.objections = objections;
        this.officials = officials;
        this.households = households;
        this.historyService = historyService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** 临时救助 case numbers; their case file is the temporary assistance package's. */
    private static final String TEMPORARY_ASSISTANCE_PREFIX = "LS-";

    @InitBinder(HouseholdForms.FORM)
    void bindFields(WebDataBinder binder, WebRequest request) {
        HouseholdForms.configure(binder, request);
    }

    /** The portal's 案卷查询. */
    @GetMapping
    String find(@RequestParam(defaultValue = "") String no, RedirectAttributes redirect) {
        if (no.isBlank()) {
            return "redirect:/";
        }
        redirect.addAttribute("no", no.strip().toUpperCase(Locale.ROOT));
        return "redirect:/cases/{no}";
    }

    @GetMapping("/{no}")
    String show(@PathVariable String no, Model model) {
        if (no.startsWith(TEMPORARY_ASSISTANCE_PREFIX)) {
            return "forward:/temporary-assistance/cases/" + no;
        }
        DibaoApplication application = readableCase(no);
        model.addAttribute("dibaoApplication", application);
        model.addAttribute("villagePath", units.pathOf(application.villageCode(), " / "));
        model.addAttribute("channel", CaseFileLabels.channel(application.submittedVia()));
        model.addAttribute("submittedByName", applications.submittedBy(application.id())
                .map(login -> officials.namesOf(List.of(login)).get(login)).orElse("—"));
        model.addAttribute("progress", caseProgress.of(application));
        model.addAttribute("verification", verifications.find(application.id()).orElse(null));
        model.addAttribute("assessment", assessment.find(application.id()).orElse(null));
        model.addAttribute("decisions", decisions(application));
        model.addAttribute("notices", board.forApplication(application.id()));
        model.addAttribute("objections", objections.forApplication(application.id()).stream()
                .map(o -> new ObjectionRow(o, CaseFileLabels.objectionOutcome(o.outcome()))).toList());
        model.addAttribute("writtenNotice", records.writtenNotice(application.id()).orElse(null));
        correctionTask(no).ifPresent(task -> model.addAttribute("missingItems", missingItems(task)));
        return CASE_VIEW;
    }

    @GetMapping("/{no}/edit")
    String initCorrectionForm(@PathVariable String no, Model model, HttpServletResponse response) {
        DibaoApplication application = readableCase(no);
        Optional<Task> task = correctionTask(no);
        if (task.isEmpty()) {
            return notEditable(application, model, response);
        }
        ApplicationForm form = ApplicationForm.from(application);
        HouseholdForms.addSpareRows(form);
        model.addAttribute(HouseholdForms.FORM, form);
        return showCorrectionForm(application, task.get(), model);
    }

    @PostMapping("/{no}/edit")
    String processCorrectionForm(@PathVariable String no, @ModelAttribute(HouseholdForms.FORM) ApplicationForm form,
                                 BindingResult bound, Model model, RedirectAttributes redirect,
                                 HttpServletResponse response) {
        DibaoApplication application = readableCase(no);
        Optional<Task> task = correctionTask(no);
        if (task.isEmpty()) {
            return notEditable(application, model, response);
        }
        // The village of a case is fixed, and the applicant's pledge covers the corrected materials.
        form.unitCode = application.villageCode();
        form.pledge = true;
        BindingResult result = households.validate(form, bound);
        if (!result.hasErrors()) {
            try {
                applicationService.correct(application.id(), form);
                redirect.addFlashAttribute("message", CORRECTED_MESSAGE);
                return "redirect:/cases/{no}";
            } catch (InvalidApplicationException e) {
                result.reject("invalidApplication", e.getMessage());
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + HouseholdForms.FORM, result);
        model.addAttribute("errorSummary", households.summary(result));
        model.addAttribute("fieldErrors", households.fieldMessages(result));
        HouseholdForms.addSpareRows(form);
        return showCorrectionForm(application, task.get(), model);
    }

    /**
     * The application, when the logged-in official may read its case; otherwise the same 404 as for
     * a number that does not exist, so that nobody learns which numbers exist elsewhere.
     */
    private DibaoApplication readableCase(String no) {
        // By the process instance stored with the application, not by the number: any instance can carry it.
        return applications.findByApplicationNo(no)
                .filter(application -> application.processInstanceId() != null && historyService
                        .createHistoricProcessInstanceQuery().processInstanceId(application.processInstanceId()).count() > 0)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The correction task, when the case waits at it and the official may work on it. */
    private Optional<Task> correctionTask(String no) {
        return taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(CORRECTION_TASK)
                .active().list().stream().findFirst();
    }

    private String missingItems(Task task) {
        Object items = runtimeService.getVariable(task.getProcessInstanceId(), DibaoVariables.MISSING_ITEMS);
        return items == null ? "" : items.toString();
    }

    private String showCorrectionForm(DibaoApplication application, Task task, Model model) {
        model.addAttribute("dibaoApplication", application);
        model.addAttribute("villagePath", units.pathOf(application.villageCode(), " / "));
        model.addAttribute("missingItems", missingItems(task));
        HouseholdForms.addPageAttributes(model);
        return EDIT_VIEW;
    }

    private String notEditable(DibaoApplication application, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("dibaoApplication", application);
        return NOT_EDITABLE_VIEW;
    }

    private List<DecisionRow> decisions(DibaoApplication application) {
        List<CaseRecords.Decision> decisions = records.decisions(application.id());
        Map<String, String> names = officials.namesOf(decisions.stream().map(CaseRecords.Decision::decidedBy).toList());
        return decisions.stream()
                .map(d -> new DecisionRow(d.stage(), CaseFileLabels.decision(d.stage(), d.decision()), d.amount(),
                        d.reason(), d.decidedBy() == null ? "—" : names.get(d.decidedBy()), d.decidedAt()))
                .toList();
    }
}
