package org.jiuzhu.temporary.web;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.jiuzhu.casework.ProcessStages;
import org.jiuzhu.ledger.PaymentLedger;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case file of a 临时救助 case (reached as /cases/LS-…): the application, the suggestion and the
 * route, every decision, the payments and the written notice — for officials Camunda lets read the case.
 */
@Controller
class TemporaryCaseController {

    static final String VIEW = "temporary/case";

    private final TemporaryAssistanceCases cases;
    private final PaymentLedger ledger;
    private final ProcessStages stages;
    private final HistoryService historyService;
    private final AdminUnitRepository units;
    private final OfficialService officials;

    TemporaryCaseController(TemporaryAssistanceCases cases, PaymentLedger ledger, ProcessStages stages,
                            HistoryService historyService, AdminUnitRepository units, OfficialService officials) {
        this.officials = officials;
        this.cases = cases;
        this.ledger = ledger;
        this.stages = stages;
        this.historyService = historyService;
        this.units = units;
    }

    @GetMapping("/temporary-assistance/cases/{no}")
    String show(@PathVariable String no, Model model) {
        // By the process instance stored with the case, not by the number: any instance can carry it.
        TemporaryAssistanceCase c = cases.findByCaseNo(no)
                .filter(found -> found.processInstanceId() != null && historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(found.processInstanceId()).count() > 0)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("assistanceCase", c);
        model.addAttribute("placePath", units.pathOf(c.unitCode(), " / "));
        model.addAttribute("progress", stages.of(c.processInstanceId()));
        List<TemporaryAssistanceCases.Decision> decisions = cases.decisions(c.id());
        model.addAttribute("decisions", decisions);
        // Who registered and who decided, by name, not by login.
        model.addAttribute("names", officials.namesOf(Stream.concat(Stream.of(c.submittedBy()),
                decisions.stream().map(TemporaryAssistanceCases.Decision::decidedBy)).toList()));
        model.addAttribute("payments", ledger.ofCase(no));
        return VIEW;
    }
}
