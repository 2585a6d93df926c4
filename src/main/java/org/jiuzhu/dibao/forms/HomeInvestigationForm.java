package org.jiuzhu.dibao.forms;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.PastDate;
import org.jiuzhu.system.forms.TaskFormId;

/** 入户调查: who visited the household when, what they found and the income they verified. */
@TaskFormId("dibao-home-investigation")
public record HomeInvestigationForm(
        @NotNull(message = "请填写“调查人员”") @Size(max = 100, message = "“调查人员”不能超过 100 个字")
        String investigators,
        @NotNull(message = "请填写“调查日期”") @Label("调查日期") LocalDate investigationDate,
        @NotNull(message = "请填写“调查情况”") @Size(max = 2000, message = "“调查情况”不能超过 2000 个字") String findings,
        @NotNull(message = "请填写“核实的家庭月总收入”（数字）") @PositiveOrZero(message = "核实的家庭月总收入不能为负数")
        @Label("核实的家庭月总收入") BigDecimal verifiedMonthlyIncome,
        @AssertTrue(message = "请确认调查人员均已在入户调查表上签字") boolean investigatorsSigned)
        implements CaseBoundForm<HomeInvestigationForm.Facts> {

    /** The day of the visit lies within the case's work; {@code investigatorsQuorum} officials at least visit. */
    public record Facts(PastDate dates, int investigatorsQuorum) {
    }

    private static final String NUMERALS = "一两三四五六七八九十";

    @Override
    public void checkAgainst(Facts facts) {
        if (investigators.split("、").length < facts.investigatorsQuorum()) {
            throw FormBinding.refused("入户调查须由至少" + numeral(facts.investigatorsQuorum())
                    + "名工作人员进行，请填写全部调查人员，用顿号“、”分隔");
        }
        facts.dates().check(investigationDate, "调查日期");
    }

    /** The record on the case: date, investigators, findings. */
    public String summary() {
        return "调查日期：" + investigationDate + "。调查人员：" + investigators + "。" + findings;
    }

    private static String numeral(int count) {
        return count >= 1 && count <= NUMERALS.length() ? String.valueOf(NUMERALS.charAt(count - 1)) : String.valueOf(count);
    }
}
