package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.temporary.TemporaryAssistancePayments;
import org.jiuzhu.temporary.TemporaryAssistanceSettings;
import org.jiuzhu.temporary.Yuan;
import org.springframework.stereotype.Component;

/**
 * Gives every 临时救助 task a read-only summary of the case (task-local {@code caseSummary}): the case
 * itself stays in our table; the decisions so far with their findings ({@code decisionBasis}) for the
 * approval forms. 先行救助 also gets the configured maximum ({@code aidFirstMax}).
 */
@Component("temporaryCaseSummaryListener")
public class TemporaryCaseSummaryListener implements TaskListener {

    static final String AID_FIRST_TASK = "Task_AidFirst";

    private final TemporaryAssistanceCases cases;
    private final TemporaryAssistancePayments payments;
    private final AdminUnitRepository units;
    private final TemporaryAssistanceSettings settings;
    private final Clock clock;

    public TemporaryCaseSummaryListener(TemporaryAssistanceCases cases, TemporaryAssistancePayments payments,
                                        AdminUnitRepository units, TemporaryAssistanceSettings settings, Clock clock) {
        this.cases = cases;
        this.payments = payments;
        this.units = units;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TemporaryAssistanceCase c = cases.get((Long) task.getVariable(CASE_ID));
        task.setVariableLocal(CASE_SUMMARY, summaryOf(c, task));
        task.setVariableLocal(DECISION_BASIS, decisionBasisOf(c));
        task.setVariableLocal(CASE_LINK, "/cases/" + c.caseNo());
        if (AID_FIRST_TASK.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(AID_FIRST_MAX, settings.getAidFirstMax().doubleValue());
        }
    }

    String summaryOf(TemporaryAssistanceCase c, DelegateTask task) {
        List<String> lines = new ArrayList<>();
        lines.add("案件编号：" + c.caseNo());
        lines.add("救助类型：" + c.assistanceType().label() + "（" + c.reason().label() + "）"
                + (c.urgent() ? "；申请先行救助" : ""));
        lines.add("申请人：" + c.applicantName() + "（身份证号 " + c.applicantIdNumber() + "，电话 " + c.applicantPhone() + "）");
        lines.add("户籍：" + (c.resident() ? "本地户籍" : "非本地户籍，户籍所在地 " + c.householdRegistration())
                + "；家庭人口：" + c.householdSize() + " 人");
        lines.add("急难发生地：" + units.pathOf(c.unitCode(), " "));
        lines.add("困难情况：" + c.hardshipDescription());
        if (c.requestedAmount() != null) {
            lines.add("申请金额：" + Yuan.format(c.requestedAmount()) + " 元");
        }
        if (c.suggestedAmount() != null) {
            lines.add("系统建议金额：" + Yuan.format(c.suggestedAmount()) + " 元（" + c.suggestionBasis() + "）");
        }
        BigDecimal aidFirst = payments.aidFirstPaid(c.caseNo());
        if (aidFirst.signum() > 0) {
            lines.add("先行救助：已发放 " + Yuan.format(aidFirst) + " 元");
        }
        if (task.getVariable(PROPOSED_AMOUNT) instanceof Number proposed) {
            lines.add("乡镇审核拟救助金额（本案合计，含先行救助）：" + Yuan.format(proposed) + " 元");
        }
        if (task.getVariable(YEARLY_TOTAL_BEFORE) instanceof Number before) {
            lines.add("家庭本年此前已获救助：" + Yuan.format(before) + " 元；审批权限：" + task.getVariable(ROUTE_REASON));
        }
        return String.join("\n", lines);
    }

    /** The decisions recorded so far (先行救助, 乡镇审核 …) with their findings: what an approval rests on. */
    String decisionBasisOf(TemporaryAssistanceCase c) {
        List<String> lines = new ArrayList<>();
        for (TemporaryAssistanceCases.Decision d : cases.decisions(c.id())) {
            lines.add("【" + d.stage() + "】" + LocalDate.ofInstant(d.decidedAt(), clock.getZone()) + " 办理"
                    + (d.amount() == null ? "" : "，金额 " + Yuan.format(d.amount()) + " 元")
                    + (d.details() == null ? "" : "：" + d.details()));
        }
        return lines.isEmpty() ? "尚无审核记录" : String.join("\n", lines);
    }
}
