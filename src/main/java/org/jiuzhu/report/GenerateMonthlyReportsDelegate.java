package org.jiuzhu.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 生成上月月报 (process monthlyReport, on the reporting day): the month before, for every township. */
@Component("generateMonthlyReports")
public class GenerateMonthlyReportsDelegate implements JavaDelegate {

    private final MonthlyReports reports;

    public GenerateMonthlyReportsDelegate(MonthlyReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var month = reports.previousMonth();
        execution.setVariable("reportMonth", month.toString());
        execution.setVariable("townships", reports.generate(month, null));
    }
}
