package org.jiuzhu.dashboard;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** 统计分析: the page with the charts, and the figures it draws them from. */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    static final String VIEW = "dashboard/dashboard";

    private final DashboardScopes scopes;
    private final DashboardFigures figures;

    DashboardController(DashboardScopes scopes, DashboardFigures figures) {
        this.scopes = scopes;
        this.figures = figures;
    }

    @GetMapping
    String show(Principal principal, Model model) {
        model.addAttribute("scopeName", scopeOf(principal).name());
        return VIEW;
    }

    @GetMapping(value = "/data", produces = "application/json")
    @ResponseBody
    DashboardFigures.Figures data(Principal principal) {
        return figures.of(scopeOf(principal));
    }

    private DashboardScope scopeOf(Principal principal) {
        return scopes.of(principal.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
