package org.jiuzhu.portal;

import org.jiuzhu.dibao.HouseholdForms;

import java.time.Clock;

import org.jiuzhu.organisation.AdminUnitRepository;

import java.util.Optional;

import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationService;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.ApplicationService.InvalidApplicationException;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencySettings;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.organisation.VillageDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 最低生活保障申请, the public application form: no login, one household per application. */
@Controller
@RequestMapping("/apply")
class ApplyController {

    static final String FORM_VIEW = "dibao/apply";
    static final String SUBMITTED_VIEW = "dibao/submitted";

    /** The number of the application just submitted, handed to the confirmation page as a flash attribute. */
    static final String APPLICATION_NO = "applicationNo";

    private final ApplicationService applicationService;
    private final ApplicationRepository applications;
    private final HouseholdForms households;
    private final VillageDirectory villages;
    private final EmergencyPeriods emergencies;
    private final EmergencySettings emergencySettings;
    private final EmergencyArchive emergencyArchive;
    private final ApplyReceiptProperties receipt;
    private final AdminUnitRepository units;
    private final Clock clock;

    ApplyController(ApplyReceiptProperties receipt, AdminUnitRepository units, Clock clock, ApplicationService applicationService, ApplicationRepository applications,
                    HouseholdForms households, VillageDirectory villages, EmergencyPeriods emergencies,
                    EmergencySettings emergencySettings, EmergencyArchive emergencyArchive) {
        this.applicationService = applicationService;
        this.applications = applications;
        this.households = households;
        this.villages = villages;
        this.emergencies = emergencies;
        this.emergencySettings = emergencySettings;
        this.emergencyArchive = emergencyArchive;
        this.receipt = receipt;
        this.units = units;
        this.clock = clock;
    }

    @InitBinder(HouseholdForms.FORM)
    void bindFields(WebDataBinder binder, WebRequest request) {
        HouseholdForms.configure(binder, request);
    }

    @GetMapping
    String initApplicationForm(Model model) {
        model.addAttribute(HouseholdForms.FORM, HouseholdForms.blank());
        return show(model);
    }

    @PostMapping
    String processApplicationForm(@ModelAttribute(HouseholdForms.FORM) ApplicationForm form, BindingResult bound,
                                  Model model, RedirectAttributes redirect) {
        BindingResult result = households.validate(form, bound);
        if (form.sameDay && form.unitCode != null && emergencies.activeFor(form.unitCode).isEmpty()) {
            result.rejectValue("sameDay", "notInEmergency",
                    "所选村（社区）当前不在紧急状态范围内，不能申请急难救助当日审批，请按常规程序申请");
        }
        if (!result.hasErrors()) {
            try {
                // In the session for the next page only: a number in the address would tell anyone which exist.
                redirect.addFlashAttribute(APPLICATION_NO, form.sameDay
                        ? applicationService.submitPublic(form, EmergencyVariables.PROCESS_KEY)
                        : applicationService.submitPublic(form));
                return "redirect:/apply/submitted";
            } catch (InvalidApplicationException e) {
                result.reject("invalidApplication", e.getMessage());
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + HouseholdForms.FORM, result);
        model.addAttribute("errorSummary", households.summary(result));
        model.addAttribute("fieldErrors", households.fieldMessages(result));
        HouseholdForms.addSpareRows(form);
        return show(model);
    }

    /**
     * The form posted with a stale CSRF token (forwarded here by the security configuration): shown again
     * as typed, with a fresh token; nothing is submitted.
     */
    @PostMapping("/resubmit")
    String showStaleApplicationForm(@ModelAttribute(HouseholdForms.FORM) ApplicationForm form, BindingResult bound,
                                    Model model) {
        model.addAttribute("stale", true);
        HouseholdForms.addSpareRows(form);
        return show(model);
    }

    @GetMapping("/submitted")
    String submitted(Model model) {
        Optional<DibaoApplication> application = model.getAttribute(APPLICATION_NO) instanceof String no
                ? applications.findByApplicationNo(no) : Optional.empty();
        // Shown once, to whoever just applied; a reload (or anybody else) learns nothing about any number.
        model.addAttribute("sameDay", application.map(a -> emergencyArchive.find(a.id()).isPresent()).orElse(false));
        model.addAttribute("shown", application.isPresent());
        application.ifPresent(a -> {
            model.addAttribute("submittedOn", java.time.LocalDate.ofInstant(a.submittedAt(), clock.getZone()));
            model.addAttribute("village", units.pathOf(a.villageCode(), " "));
        });
        model.addAttribute("materials", receipt.materials());
        return SUBMITTED_VIEW;
    }

    private String show(Model model) {
        HouseholdForms.addPageAttributes(model);
        model.addAttribute("townships", villages.byTownship());
        model.addAttribute("emergencies", emergencies.active());
        model.addAttribute("pledgeText", emergencySettings.getPledgeText());
        return FORM_VIEW;
    }
}
