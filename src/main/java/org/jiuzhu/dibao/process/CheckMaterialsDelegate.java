package org.jiuzhu.dibao.process;

import org.jiuzhu.casework.Refusals;

import org.jiuzhu.dibao.DibaoVariables;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.MaterialsCheck;
import org.springframework.stereotype.Component;

/**
 * 材料完整性与身份核验. Problems are the applicant's to correct, not incidents: they go to the
 * township's 补正材料 task; a member already supported ends the case with a written notice.
 */
@Component("checkMaterials")
public class CheckMaterialsDelegate implements JavaDelegate {

    static final String STAGE = "材料完整性与身份核验";

    private final ApplicationRepository applications;
    private final MaterialsCheck materialsCheck;
    private final Clock clock;

    public CheckMaterialsDelegate(ApplicationRepository applications, MaterialsCheck materialsCheck, Clock clock) {
        this.applications = applications;
        this.materialsCheck = materialsCheck;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        MaterialsCheck.Result result = materialsCheck.check(applications.get(applicationId), LocalDate.now(clock));
        execution.setVariable(DibaoVariables.MATERIALS_COMPLETE, result.complete());
        execution.setVariable(DibaoVariables.DUPLICATE_BENEFIT, result.duplicateBenefit());
        execution.setVariable(DibaoVariables.MISSING_ITEMS, result.problemsText());
        if (result.duplicateBenefit()) {
            execution.setVariable(Refusals.STAGE, STAGE);
            execution.setVariable(Refusals.REASON, result.alreadySupported().stream()
                    .map(p -> p.name() + "已享受" + ("DIBAO".equals(p.category()) ? "最低生活保障" : "特困人员救助供养"))
                    .collect(Collectors.joining("；")) + "，不得重复申请");
        }
    }
}
