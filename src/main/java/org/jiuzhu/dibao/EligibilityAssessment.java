package org.jiuzhu.dibao;

import org.jiuzhu.casework.AssistanceStandards;
import org.jiuzhu.casework.IdNumbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.verification.VerificationSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * 资格认定与金额测算: applies the administrators' decision tables (dibaoStandard, dibaoEligibility,
 * dibaoMemberClass, dibaoClassIncrement) to a household. Every figure comes from the tables; this
 * class only adds up: amount = Σ over members of (standard − per-capita income) × (1 + the member's
 * class increment), or for a single-person inclusion the standard × (1 + increment) of that member.
 */
@Service
@NamedInterface("enrolment")
public class EligibilityAssessment {

    @NamedInterface("enrolment")
    public record Assessment(BigDecimal monthlyStandard, BigDecimal householdIncome, BigDecimal perCapitaIncome,
                             boolean eligible, String reason, BigDecimal suggestedAmount, List<String> memberClasses) {

        /** Every member in class A or B: a stable household, reviewed yearly. */
        public boolean stableHousehold() {
            return memberClasses.stream().noneMatch("C"::equals);
        }
    }

    private final DecisionService decisions;
    private final AssistanceStandards standards;
    private final JdbcClient jdbc;
    private final Clock clock;

    public EligibilityAssessment(DecisionService decisions, AssistanceStandards standards, JdbcClient jdbc,
                                 Clock clock) {
        this.decisions = decisions;
        this.standards = standards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param investigatedIncome the household's monthly income as the village found it, when known
     */
    public Assessment assess(DibaoApplication application, VerificationSummary verified, BigDecimal investigatedIncome) {
        LocalDate today = LocalDate.now(clock);
        BigDecimal standard = standards.monthlyStandard(application.countyCode(), application.householdType(), today.getYear());
        int size = application.householdSize();
        // 凡进必核: the highest of the declared, the verified and the investigated income counts.
        BigDecimal income = max(application.countedMonthlyIncome(), verified.monthlyIncome(),
                investigatedIncome == null ? BigDecimal.ZERO : investigatedIncome);
        BigDecimal perCapita = income.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
        BigDecimal deposits = max(application.depositAmount(), verified.deposits(), BigDecimal.ZERO);

        DmnDecisionResult eligibility = decisions.evaluateDecisionByKey("dibaoEligibility")
                .variables(Variables.createVariables()
                        .putValue("perCapitaIncome", perCapita.doubleValue())
                        .putValue("monthlyStandard", standard.doubleValue())
                        .putValue("singlePerson", application.singlePerson())
                        .putValue("depositsPerCapita", deposits.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP).doubleValue())
                        .putValue("vehicleCount", Math.max(application.vehicleCount(), verified.vehicleCount()))
                        .putValue("housingCount", Math.max(application.housingCount(), verified.realEstateCount()))
                        .putValue("businessCount", verified.businessCount()))
                .evaluate();
        boolean eligible = Boolean.TRUE.equals(eligibility.getSingleResult().getEntry("eligible"));
        String reason = eligibility.getSingleResult().getEntry("reason");

        List<String> classes = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal gap = standard.subtract(perCapita).max(BigDecimal.ZERO);
        // One evaluation per class, not per member: members of a class share its increment.
        Map<String, BigDecimal> increments = new HashMap<>();
        for (HouseholdMember member : application.members()) {
            String memberClass = memberClass(member, today);
            classes.add(memberClass);
            boolean counts = !application.singlePerson() || member.idNumber().equalsIgnoreCase(application.singlePersonIdNumber());
            if (eligible && counts) {
                BigDecimal base = application.singlePerson() ? standard : gap;
                amount = amount.add(base.multiply(BigDecimal.ONE.add(increments.computeIfAbsent(memberClass, this::increment))));
            }
        }
        return new Assessment(standard, income, perCapita, eligible, reason, amount.setScale(2, RoundingMode.HALF_UP),
                classes);
    }

    /** Keeps the latest assessment of an application (a re-run replaces it). */
    public void store(long applicationId, Assessment assessment) {
        jdbc.sql("delete from dibao_assessment where application_id = ?").param(applicationId).update();
        jdbc.sql("""
                insert into dibao_assessment (application_id, monthly_standard, household_income, per_capita_income,
                    eligible, reason, suggested_amount, member_classes, assessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, assessment.monthlyStandard(), assessment.householdIncome(),
                        assessment.perCapitaIncome(), assessment.eligible(), assessment.reason(),
                        assessment.suggestedAmount(), String.join(",", assessment.memberClasses()),
                        Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Assessment> find(long applicationId) {
        return jdbc.sql("select * from dibao_assessment where application_id = ?").param(applicationId)
                .query((rs, row) -> new Assessment(rs.getBigDecimal("monthly_standard"),
                        rs.getBigDecimal("household_income"), rs.getBigDecimal("per_capita_income"),
                        rs.getBoolean("eligible"), rs.getString("reason"), rs.getBigDecimal("suggested_amount"),
                        List.of(rs.getString("member_classes").split(","))))
                .optional();
    }

    private String memberClass(HouseholdMember member, LocalDate today) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("dibaoMemberClass")
                .variables(Variables.createVariables()
                        .putValue("age", IdNumbers.ageOn(member.idNumber(), today))
                        .putValue("labourAbility", member.labourAbility().name())
                        .putValue("disabilityGrade", member.disabilityGrade())
                        .putValue("disabilityKind", member.disabilityKind() == null ? null : member.disabilityKind().name())
                        .putValue("seriousIllness", member.seriousIllness()))
                .evaluate();
        return result.getSingleResult().getEntry("memberClass");
    }

    private BigDecimal increment(String memberClass) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("dibaoClassIncrement")
                .variables(Variables.createVariables().putValue("memberClass", memberClass))
                .evaluate();
        return BigDecimal.valueOf(((Number) result.getSingleResult().getEntry("incrementRate")).doubleValue());
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b, BigDecimal c) {
        return a.max(b).max(c);
    }
}
