package org.jiuzhu.portal;

import org.jiuzhu.casework.NoticeBoard;

import jakarta.validation.Valid;

import org.jiuzhu.portal.ObjectionService.ObjectionRefusedException;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.VillageDirectory;
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
import org.springframework.web.server.ResponseStatusException;

/** The public notice board (公示栏) and objections (异议) to its notices. No login. */
@Controller
@RequestMapping("/notices")
class NoticeController {

    static final String LIST_VIEW = "notice/list";
    static final String OBJECTION_VIEW = "notice/objection";
    static final String LODGED_VIEW = "notice/objection-lodged";

    private final NoticeBoard board;
    private final ObjectionService objections;
    private final VillageDirectory villages;

    NoticeController(NoticeBoard board, ObjectionService objections, VillageDirectory villages) {
        this.board = board;
        this.objections = objections;
        this.villages = villages;
    }

    @InitBinder("objection")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping
    String list(@RequestParam(required = false) String village, Model model) {
        String villageCode = villages.village(village).map(AdminUnit::code).orElse(null);
        model.addAttribute("notices", board.active(villageCode));
        model.addAttribute("townships", villages.byTownship());
        model.addAttribute("village", villageCode);
        return LIST_VIEW;
    }

    @GetMapping("/{id}/objection")
    String initObjectionForm(@PathVariable long id, Model model) {
        model.addAttribute("notice", notice(id));
        model.addAttribute("objection", new ObjectionForm());
        return OBJECTION_VIEW;
    }

    @PostMapping("/{id}/objection")
    String processObjectionForm(@PathVariable long id, @Valid @ModelAttribute("objection") ObjectionForm objection,
                                BindingResult result, Model model) {
        model.addAttribute("notice", notice(id));
        if (result.hasErrors()) {
            return OBJECTION_VIEW;
        }
        try {
            objections.lodge(id, objection.content, objection.contact);
        } catch (ObjectionRefusedException e) {
            model.addAttribute("refused", e.getMessage());
            return OBJECTION_VIEW;
        }
        return "redirect:/notices/{id}/objection/lodged";
    }

    /** The objection posted with a stale CSRF token: shown again as typed; nothing is lodged. */
    @PostMapping("/{id}/objection/resubmit")
    String showStaleObjectionForm(@PathVariable long id, @ModelAttribute("objection") ObjectionForm objection,
                                  BindingResult bound, Model model) {
        model.addAttribute("notice", notice(id));
        model.addAttribute("stale", true);
        return OBJECTION_VIEW;
    }

    @GetMapping("/{id}/objection/lodged")
    String lodged(@PathVariable long id, Model model) {
        model.addAttribute("notice", notice(id));
        return LODGED_VIEW;
    }

    private NoticeBoard.Notice notice(long id) {
        return board.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
