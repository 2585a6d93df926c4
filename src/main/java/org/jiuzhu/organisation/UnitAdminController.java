package org.jiuzhu.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators register the organisation: counties, townships/streets and villages/communities.
 * Users and their memberships are managed in Camunda Admin, in the groups created here.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    static final String VIEW = "organisation/units";

    private final OrganisationService organisation;

    UnitAdminController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("units", organisation.allUnits());
        return VIEW;
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
               Model model, RedirectAttributes redirect) {
        try {
            AdminUnit unit = organisation.addUnit(code.strip(), name);
            redirect.addFlashAttribute("message", "已登记" + unit.level().label() + "“" + unit.name()
                    + "”，工作组 " + unit.groupId() + " 已建立。");
            return "redirect:/admin/units";
        } catch (OrganisationException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("code", code);
            model.addAttribute("name", name);
            model.addAttribute("units", organisation.allUnits());
            return VIEW;
        }
    }
}
