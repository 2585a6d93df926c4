package org.jiuzhu.emergency.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencyPeriods.EmergencyException;
import org.jiuzhu.emergency.EmergencyReason;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialProfile;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.http.HttpStatus;
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
 * 紧急状态: administrators and county officers declare an emergency for their county or one of its
 * townships and end it (which starts the catch-up formalities); every official reads the same-day
 * archive (三级备档) of their own unit.
 */
@Controller
@RequestMapping("/emergencies")
class EmergencyController {

    static final String PERIODS_VIEW = "emergency/periods";
    static final String ARCHIVE_VIEW = "emergency/archive";

    private final EmergencyPeriods periods;
    private final EmergencyArchive archive;
    private final OfficialService officials;
    private final AdminUnitRepository units;

    EmergencyController(EmergencyPeriods periods, EmergencyArchive archive, OfficialService officials,
                        AdminUnitRepository units) {
        this.periods = periods;
        this.archive = archive;
        this.officials = officials;
        this.units = units;
    }

    @GetMapping
    String showPeriods(Principal principal, Model model) {
        List<AdminUnit> declarable = declarableUnits(officials.profileOf(principal.getName()));
        model.addAttribute("units", declarable);
        model.addAttribute("reasons", EmergencyReason.values());
        model.addAttribute("periods", periods.ofUnits(declarable.stream().map(AdminUnit::code).toList()));
        return PERIODS_VIEW;
    }

    @PostMapping
    String declare(@RequestParam String unitCode, @RequestParam(required = false) EmergencyReason reason,
                   @RequestParam(defaultValue = "") String description, Principal principal,
                   RedirectAttributes redirect) {
        requireDeclarable(principal, unitCode);
        try {
            periods.declare(unitCode, reason, description, principal.getName());
            redirect.addFlashAttribute("message", "已启动紧急状态，该地区的申请可以按急难救助当日审批办理");
        } catch (EmergencyException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/emergencies";
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        EmergencyPeriods.Period period = periods.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireDeclarable(principal, period.unitCode());
        try {
            int started = periods.end(id, principal.getName());
            redirect.addFlashAttribute("message", "紧急状态已结束，" + started + " 件急难件开始补办手续");
        } catch (EmergencyException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/emergencies";
    }

    @GetMapping("/archive")
    String showArchive(@RequestParam(defaultValue = "VILLAGE") UnitLevel level, Principal principal, Model model) {
        OfficialProfile profile = officials.profileOf(principal.getName());
        List<String> villages = villagesOf(profile);
        model.addAttribute("level", level);
        model.addAttribute("levels", UnitLevel.values());
        List<EmergencyArchive.ArchivedCase> cases = archive.filedAt(level, villages);
        model.addAttribute("cases", cases);
        // Who filed, by name: the archive keeps their login.
        model.addAttribute("names", officials.namesOf(cases.stream().flatMap(c -> Stream.of(
                c.villageFiledBy(), c.townshipFiledBy(), c.countyFiledBy())).toList()));
        model.addAttribute("outcomes", EmergencyArchive.Outcome.values());
        return ARCHIVE_VIEW;
    }

    /** Administrators: every county and township; county officers: their county and its townships. */
    private List<AdminUnit> declarableUnits(OfficialProfile profile) {
        List<AdminUnit> counties = profile.administrator()
                ? units.findAll().stream().filter(u -> u.level() == UnitLevel.COUNTY).toList()
                : profile.countyOfficial() ? List.of(profile.unit()) : List.of();
        if (counties.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<AdminUnit> result = new ArrayList<>();
        for (AdminUnit county : counties) {
            result.add(county);
            result.addAll(units.findChildren(county.code()));
        }
        return result;
    }

    private void requireDeclarable(Principal principal, String unitCode) {
        if (declarableUnits(officials.profileOf(principal.getName())).stream().noneMatch(u -> u.code().equals(unitCode))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private List<String> villagesOf(OfficialProfile profile) {
        List<AdminUnit> roots = profile.administrator()
                ? units.findAll().stream().filter(u -> u.level() == UnitLevel.COUNTY).toList()
                : profile.hasUnit() ? List.of(profile.unit()) : List.of();
        List<String> villages = new ArrayList<>();
        for (AdminUnit root : roots) {
            collectVillages(root, villages);
        }
        return villages;
    }

    private void collectVillages(AdminUnit unit, List<String> villages) {
        if (unit.level() == UnitLevel.VILLAGE) {
            villages.add(unit.code());
            return;
        }
        units.findChildren(unit.code()).forEach(child -> collectVillages(child, villages));
    }
}
