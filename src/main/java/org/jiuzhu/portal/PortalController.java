package org.jiuzhu.portal;

import java.security.Principal;

import org.camunda.bpm.engine.ProcessEngine;
import org.jiuzhu.organisation.OfficialService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The officials' home page: who is logged in, and the way to every tool. */
@Controller
class PortalController {

    static final String VIEW = "portal/home";

    private final OfficialService officials;
    private final String engineName;

    PortalController(OfficialService officials, ProcessEngine processEngine) {
        this.officials = officials;
        this.engineName = processEngine.getName();
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("profile", officials.profileOf(principal.getName()));
        model.addAttribute("webappBase", "/camunda/app/");
        model.addAttribute("engineName", engineName);
        return VIEW;
    }
}
