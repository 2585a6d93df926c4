package org.jiuzhu.report;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 生成一批乡镇的上月月报 (process monthlyReport, on the reporting day): the month before, for the next
 * townships by code; the model loops while {@value #MORE_TOWNSHIPS} is true.
 */
@Component("generateMonthlyReports")
public class GenerateMonthlyReportsDelegate implements JavaDelegate {

    /** The month reported on, fixed by the first job (a later one may run after midnight of the 1st). */
    static final String REPORT_MONTH = "reportMonth";
    /** How many townships' reports are made so far. */
    static final String TOWNSHIPS = "townships";
    static final String LAST_TOWNSHIP = "lastReportedTownship";
    static final String MORE_TOWNSHIPS = "moreTownships";

    private final MonthlyReports reports;
    private final ReportSettings settings;

    public GenerateMonthlyReportsDelegate(MonthlyReports reports, ReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(REPORT_MONTH) == null) {
            execution.setVariable(REPORT_MONTH, reports.previousMonth().toString());
            execution.setVariable(TOWNSHIPS, 0);
        }
        MonthlyReports.Batch batch = reports.generateNext(YearMonth.parse((String) execution.getVariable(REPORT_MONTH)),
                (String) execution.getVariable(LAST_TOWNSHIP), settings.townshipsPerJob(), null);
        execution.setVariable(TOWNSHIPS, (Integer) execution.getVariable(TOWNSHIPS) + batch.made());
        execution.setVariable(LAST_TOWNSHIP, batch.lastTownshipCode());
        execution.setVariable(MORE_TOWNSHIPS, batch.more());
    }
}
