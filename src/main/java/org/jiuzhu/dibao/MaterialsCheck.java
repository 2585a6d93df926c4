package org.jiuzhu.dibao;

import org.jiuzhu.casework.IdNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * 材料完整性与身份核验: every ID number valid (GB 11643 checksum, plausible birth date), nobody listed
 * twice, the applicant and the single-person member among the members, required declarations
 * present — and nobody in the household already supported (registry). Who may be included alone
 * (单人保) is the decision table dibaoSinglePerson.
 */
@Service
public class MaterialsCheck {

    /** What is wrong with the materials (to be corrected) and who already receives support. */
    public record Result(List<String> problems, List<RecipientRegistry.RegisteredPerson> alreadySupported) {

        public boolean complete() {
            return problems.isEmpty();
        }

        public boolean duplicateBenefit() {
            return !alreadySupported.isEmpty();
        }

        public String problemsText() {
            List<String> numbered = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                numbered.add((i + 1) + ". " + problems.get(i));
            }
            return String.join("\n", numbered);
        }
    }

    private final RecipientRegistry registry;
    private final DecisionService decisions;

    public MaterialsCheck(RecipientRegistry registry, DecisionService decisions) {
        this.registry = registry;
        this.decisions = decisions;
    }

    public Result check(DibaoApplication application, LocalDate today) {
        List<String> problems = new ArrayList<>();
        List<HouseholdMember> members = application.members();
        if (members.isEmpty()) {
            problems.add("未填写家庭成员");
        }
        Set<String> seen = new HashSet<>();
        for (HouseholdMember member : members) {
            String id = member.idNumber();
            if (!IdNumbers.hasValidChecksum(id)) {
                problems.add("家庭成员" + member.name() + "的身份证号 " + id + " 校验位不正确，请核对");
            } else if (!IdNumbers.hasPlausibleBirthDate(id, today)) {
                problems.add("家庭成员" + member.name() + "的身份证号 " + id + " 中的出生日期不正确");
            }
            if (!seen.add(id)) {
                problems.add("身份证号 " + id + " 在家庭成员中重复出现");
            }
            if (member.disabilityGrade() > 0 && member.disabilityKind() == null) {
                problems.add("家庭成员" + member.name() + "有残疾等级但未填写残疾类别");
            }
        }
        long selves = members.stream().filter(m -> m.relation() == Relation.SELF).count();
        boolean applicantListed = members.stream()
                .anyMatch(m -> m.idNumber().equalsIgnoreCase(application.applicantIdNumber()));
        if (!applicantListed) {
            problems.add("申请人（身份证号 " + application.applicantIdNumber() + "）未列入家庭成员");
        }
        if (selves != 1) {
            problems.add("家庭成员中应有且仅有一人与申请人关系为“本人”");
        }
        if (application.singlePerson()) {
            checkSinglePerson(application, problems);
        }
        if (application.relativeOfOfficial()
                && (application.relativeDeclaration() == null || application.relativeDeclaration().isBlank())) {
            problems.add("已声明有近亲属关系，但未说明具体关系");
        }
        for (IncomeItem income : application.incomes()) {
            if (income.memberIdNumber() != null && !seen.contains(income.memberIdNumber())) {
                problems.add("收入项目“" + income.kind().label() + "”填写的成员身份证号 " + income.memberIdNumber()
                        + " 不在家庭成员中");
            }
        }
        if (!application.pledgeAccepted()) {
            problems.add("申请人未签署承诺及核对授权");
        }
        return new Result(problems, registry.activeAmong(seen));
    }

    private void checkSinglePerson(DibaoApplication application, List<String> problems) {
        HouseholdMember single = application.members().stream()
                .filter(m -> m.idNumber().equalsIgnoreCase(String.valueOf(application.singlePersonIdNumber())))
                .findFirst().orElse(null);
        if (single == null) {
            problems.add("单人保申请成员（身份证号 " + application.singlePersonIdNumber() + "）不在家庭成员中");
            return;
        }
        DmnDecisionResultEntries admission = decisions.evaluateDecisionByKey("dibaoSinglePerson")
                .variables(Variables.createVariables()
                        .putValue("disabilityGrade", single.disabilityGrade())
                        .putValue("disabilityKind", single.disabilityKind() == null ? null : single.disabilityKind().name())
                        .putValue("seriousIllness", single.seriousIllness()))
                .evaluate().getSingleResult();
        if (admission == null) {
            // A configuration gap (the table's last row was removed): the job fails into an incident that names it.
            throw new IllegalStateException("决策表 dibaoSinglePerson 对成员" + single.name() + "没有结果，请管理员补充兜底规则后重试");
        }
        if (!Boolean.TRUE.equals(admission.getEntry("admissible"))) {
            problems.add(admission.getEntry("reason") + "；" + single.name() + "不符合");
        }
    }
}
