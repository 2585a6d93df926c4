package org.jiuzhu.portal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.HistoryService;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The written notice as a printable A4 document: for the applicant after the progress look-up (masked,
 * only for a number this session has proven to know), and for officials from the case file (whoever may
 * read the case).
 */
@Controller
class NoticeDocumentController {

    static final String VIEW = "dibao/notice-document";
    private static final String TEMPORARY_PREFIX = "LS-";

    private final ApplicationRepository applications;
    private final TemporaryAssistanceCases temporaryCases;
    private final CaseRecords records;
    private final WrittenNoticeDocuments documents;
    private final HistoryService historyService;

    NoticeDocumentController(ApplicationRepository applications, TemporaryAssistanceCases temporaryCases,
                             CaseRecords records, WrittenNoticeDocuments documents, HistoryService historyService) {
        this.applications = applications;
        this.temporaryCases = temporaryCases;
        this.records = records;
        this.documents = documents;
        this.historyService = historyService;
    }

    @GetMapping("/status/notice/{no}")
    String showForApplicant(@PathVariable String no, HttpSession session, Model model) {
        String caseNo = no.strip().toUpperCase(Locale.ROOT);
        if (!(session.getAttribute(StatusController.VERIFIED_CASES) instanceof Set<?> verified && verified.contains(caseNo))) {
            return "redirect:/status";
        }
        model.addAttribute("document", document(caseNo, true).orElseThrow(this::notFound));
        model.addAttribute("backLink", "/status");
        return VIEW;
    }

    @GetMapping("/cases/{no}/notice")
    String showForOfficial(@PathVariable String no, Model model) {
        String caseNo = no.strip().toUpperCase(Locale.ROOT);
        String processInstanceId = caseNo.startsWith(TEMPORARY_PREFIX)
                ? temporaryCases.findByCaseNo(caseNo).map(c -> c.processInstanceId()).orElse(null)
                : applications.findByApplicationNo(caseNo).map(a -> a.processInstanceId()).orElse(null);
        // Read as the logged-in official: a case they may not read is as unknown as one that does not exist.
        if (processInstanceId == null || historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).count() == 0) {
            throw notFound();
        }
        model.addAttribute("document", document(caseNo, false).orElseThrow(this::notFound));
        model.addAttribute("backLink", "/cases/" + caseNo);
        return VIEW;
    }

    private Optional<WrittenNoticeDocuments.Document> document(String caseNo, boolean masked) {
        if (caseNo.startsWith(TEMPORARY_PREFIX)) {
            return temporaryCases.findByCaseNo(caseNo).flatMap(c -> documents.of(c, masked));
        }
        return applications.findByApplicationNo(caseNo).flatMap(application -> records.writtenNotice(application.id())
                .map(notice -> documents.of(application, notice, masked)));
    }

    private ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
