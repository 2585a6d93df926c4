package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.casework.CaseFileLabels;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.casework.NoticeBoard;
import org.jiuzhu.casework.ObjectionRepository;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.springframework.stereotype.Component;

/**
 * Gives every dibao task a read-only summary of the case (task-local {@code caseSummary}), what the
 * decisions so far rest on ({@code decisionBasis}: investigation, evaluation, assessment, notice and
 * objections, earlier decisions — shown by the approval and filing forms) and the link to the full
 * case file ({@code caseLink}); the case itself stays in our tables. Both are plain text, read when
 * the task is created.
 */
@Component("caseSummaryListener")
public class CaseSummaryListener implements TaskListener {

    private final ApplicationRepository applications;
    private final AdminUnitRepository units;
    private final EconomicVerificationRepository verifications;
    private final EligibilityAssessment assessment;
    private final CaseRecords records;
    private final NoticeBoard board;
    private final ObjectionRepository objections;
    private final Clock clock;

    public CaseSummaryListener(ApplicationRepository applications, AdminUnitRepository units,
                               EconomicVerificationRepository verifications, EligibilityAssessment assessment,
                               CaseRecords records, NoticeBoard board, ObjectionRepository objections, Clock clock) {
        this.applications = applications;
        this.units = units;
        this.verifications = verifications;
        this.assessment = assessment;
        this.records = records;
        this.board = board;
        this.objections = objections;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        DibaoApplication application = applications.get((Long) task.getVariable(DibaoVariables.APPLICATION_ID));
        task.setVariableLocal(DibaoVariables.CASE_SUMMARY, summaryOf(application));
        task.setVariableLocal(DibaoVariables.DECISION_BASIS, decisionBasisOf(application));
        task.setVariableLocal(DibaoVariables.CASE_LINK, "/cases/" + application.applicationNo());
    }

    String summaryOf(DibaoApplication a) {
        List<String> lines = new ArrayList<>();
        lines.add("申请编号：" + a.applicationNo());
        lines.add("申请人：" + a.applicantName() + "（身份证号 " + a.applicantIdNumber() + "，电话 " + a.applicantPhone() + "）");
        lines.add("所在村（社区）：" + units.pathOf(a.villageCode(), " ") + "；住址：" + a.address());
        lines.add("户籍类别：" + a.householdType().label() + "；家庭人口：" + a.householdSize() + " 人");
        List<String> members = new ArrayList<>();
        for (HouseholdMember m : a.members()) {
            String extra = (m.disabilityGrade() > 0 ? "，残疾" + m.disabilityGrade() + "级" : "")
                    + (m.seriousIllness() ? "，重病" : "");
            members.add(m.name() + "（" + m.relation().label() + "，" + m.labourAbility().label() + extra + "）");
        }
        lines.add("家庭成员：" + String.join("、", members));
        lines.add("申报月收入（计入部分）：" + a.countedMonthlyIncome().toPlainString() + " 元；存款及有价证券："
                + a.depositAmount().toPlainString() + " 元；机动车 " + a.vehicleCount() + " 辆；住房 " + a.housingCount() + " 套");
        verifications.find(a.id()).ifPresent(v -> lines.add("核对结果：月收入 " + v.monthlyIncome().toPlainString()
                + " 元，存款 " + v.deposits().toPlainString() + " 元，车辆 " + v.vehicleCount() + " 辆，房产 "
                + v.realEstateCount() + " 处，工商登记 " + v.businessCount() + " 条"));
        assessment.find(a.id()).ifPresent(s -> lines.add("系统测算：" + s.reason() + "；人均月收入 "
                + s.perCapitaIncome().toPlainString() + " 元，标准 " + s.monthlyStandard().toPlainString()
                + " 元，建议月保障金 " + s.suggestedAmount().toPlainString() + " 元"));
        if (a.relativeOfOfficial()) {
            lines.add("近亲属备案：是（" + a.relativeDeclaration() + "）");
        }
        if (a.singlePerson()) {
            lines.add("单人保申请：成员身份证号 " + a.singlePersonIdNumber());
        }
        return String.join("\n", lines);
    }

    /**
     * The findings and decisions recorded so far, in the order they were taken: the decisions up to the
     * public notice, the assessment (made just before it), the notice and its objections, then the
     * decisions after the notice (approval, filing).
     */
    String decisionBasisOf(DibaoApplication a) {
        List<String> lines = new ArrayList<>();
        List<NoticeBoard.Notice> notices = board.forApplication(a.id());
        Instant noticeStart = notices.stream().map(NoticeBoard.Notice::startsAt).min(Instant::compareTo).orElse(null);
        List<String> afterNotice = new ArrayList<>();
        for (CaseRecords.Decision d : records.decisions(a.id())) {
            List<String> target = noticeStart != null && d.decidedAt().isAfter(noticeStart) ? afterNotice : lines;
            // The investigation records the household's verified income; the approvals the monthly amount.
            String amountLabel = "investigated".equals(d.decision()) ? "核实家庭月收入 " : "金额 ";
            String amount = d.amount() == null ? "" : "，" + amountLabel + d.amount().toPlainString() + " 元";
            target.add("【" + d.stage() + "】" + dayOf(d.decidedAt()) + " " + CaseFileLabels.decision(d.stage(), d.decision())
                    + amount + (d.reason() == null ? "" : "：" + d.reason()));
        }
        assessment.find(a.id()).ifPresent(s -> lines.add("【资格认定与金额测算】" + s.reason() + "；人均月收入 "
                + s.perCapitaIncome().toPlainString() + " 元，保障标准 " + s.monthlyStandard().toPlainString()
                + " 元，建议月保障金 " + s.suggestedAmount().toPlainString() + " 元"));
        for (NoticeBoard.Notice n : notices) {
            lines.add("【公示】" + dayOf(n.startsAt()) + " 至 " + dayOf(n.endsAt()) + "，拟保障金额 "
                    + n.proposedAmount().toPlainString() + " 元");
        }
        List<ObjectionRepository.Objection> lodged = objections.forApplication(a.id());
        if (!notices.isEmpty()) {
            lines.add("【异议】" + (lodged.isEmpty() ? "公示期间未收到异议" : "收到 " + lodged.size() + " 件"));
        }
        for (ObjectionRepository.Objection o : lodged) {
            lines.add("  · " + dayOf(o.lodgedAt()) + "：" + o.content() + "（"
                    + CaseFileLabels.objectionOutcome(o.outcome())
                    + (o.findings() == null ? "" : "；" + o.findings()) + "）");
        }
        lines.addAll(afterNotice);
        return lines.isEmpty() ? "尚无调查、评议记录" : String.join("\n", lines);
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
