package org.jiuzhu.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.camunda.bpm.engine.impl.migration.instance.parser.MigratingInstanceParser;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingProcessInstanceValidationReportImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;

/**
 * The checks the engine's migration makes per process instance before it migrates, made without
 * migrating: the engine's API offers them only inside {@code execute()}, which migrates all or nothing.
 */
public final class MigrationChecks {

    private MigrationChecks() {
    }

    /**
     * The engine's report for each process instance (by id, in the order given), whatever the user may
     * see: an instance the plan cannot migrate has failures.
     */
    public static Map<String, MigratingProcessInstanceValidationReport> instanceReports(
            ProcessEngine engine, MigrationPlan plan, List<String> processInstanceIds) {
        return EngineCommands.withoutAuthorization(engine, () -> {
            CommandContext context = Context.getCommandContext();
            Map<String, MigratingProcessInstanceValidationReport> reports = new LinkedHashMap<>();
            InstanceValidation validation = new InstanceValidation();
            for (String processInstanceId : processInstanceIds) {
                MigratingProcessInstanceValidationReportImpl report = new MigratingProcessInstanceValidationReportImpl();
                report.setProcessInstanceId(processInstanceId);
                try {
                    MigratingProcessInstance parsed = new MigratingInstanceParser(engine)
                            .parse(processInstanceId, plan, report);
                    validation.validate(context, parsed, report);
                } catch (ProcessEngineException e) {
                    report.addFailure(e.getMessage());
                }
                reports.put(processInstanceId, report);
            }
            return reports;
        });
    }

    /** Opens the engine's instance validation, which {@link MigrateProcessInstanceCmd} keeps protected. */
    private static final class InstanceValidation extends MigrateProcessInstanceCmd {
        InstanceValidation() {
            super(null, false);
        }

        void validate(CommandContext context, MigratingProcessInstance instance,
                      MigratingProcessInstanceValidationReportImpl report) {
            validateInstructions(context, instance, report);
        }
    }
}
