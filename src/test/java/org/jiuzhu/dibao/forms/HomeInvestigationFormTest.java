package org.jiuzhu.dibao.forms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;

import org.camunda.bpm.engine.BadUserRequestException;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.PastDate;
import org.junit.jupiter.api.Test;

/** 入户调查 by at least the configured number of officials (jiuzhu.dibao.investigators-quorum), on a day of the case. */
class HomeInvestigationFormTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final PastDate SINCE_ACCEPTANCE = new PastDate(TODAY, TODAY.minusDays(2), "受理日期");
    private static final FormBinding BINDING = new FormBinding(Validation.buildDefaultValidatorFactory().getValidator(),
            Clock.fixed(TODAY.atStartOfDay(ZONE).toInstant(), ZONE));

    @Test
    void refusesFewerInvestigatorsThanTheQuorumNamingIt() {
        HomeInvestigationForm form = form("王芳、李强", TODAY);

        form.checkAgainst(new HomeInvestigationForm.Facts(SINCE_ACCEPTANCE, 2));
        assertThatThrownBy(() -> form.checkAgainst(new HomeInvestigationForm.Facts(SINCE_ACCEPTANCE, 3)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("入户调查须由至少三名工作人员进行，请填写全部调查人员，用顿号“、”分隔");
        form("王芳、李强、赵敏", TODAY).checkAgainst(new HomeInvestigationForm.Facts(SINCE_ACCEPTANCE, 3));
    }

    @Test
    void namesTheDefaultQuorumAsBefore() {
        assertThatThrownBy(() -> form("王芳", TODAY).checkAgainst(new HomeInvestigationForm.Facts(SINCE_ACCEPTANCE, 2)))
                .hasMessage("入户调查须由至少两名工作人员进行，请填写全部调查人员，用顿号“、”分隔");
    }

    @Test
    void refusesAVisitBeforeTheAcceptance() {
        assertThatThrownBy(() -> form("王芳、李强", TODAY.minusDays(3))
                .checkAgainst(new HomeInvestigationForm.Facts(SINCE_ACCEPTANCE, 2)))
                .hasMessage("“调查日期”不能早于受理日期（2026-12-05）");
    }

    @Test
    void refusesANegativeIncomeAndAMissingSignature() {
        assertThatThrownBy(() -> bind(Map.of("verifiedMonthlyIncome", -5))).hasMessage("核实的家庭月总收入不能为负数");
        assertThatThrownBy(() -> bind(Map.of("investigatorsSigned", false))).hasMessage("请确认调查人员均已在入户调查表上签字");
    }

    private static HomeInvestigationForm form(String investigators, LocalDate visit) {
        return bind(Map.of("investigators", investigators, "investigationDate", visit.toString()));
    }

    private static HomeInvestigationForm bind(Map<String, Object> values) {
        Map<String, Object> form = new HashMap<>(Map.of("investigators", "王芳、李强", "investigationDate",
                TODAY.toString(), "findings", "住房狭小", "verifiedMonthlyIncome", 900, "investigatorsSigned", true));
        form.putAll(values);
        return BINDING.bindValid(HomeInvestigationForm.class, form::get);
    }
}
