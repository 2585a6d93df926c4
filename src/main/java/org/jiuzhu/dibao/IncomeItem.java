package org.jiuzhu.dibao;

import java.math.BigDecimal;

public record IncomeItem(IncomeKind kind, String memberIdNumber, BigDecimal monthlyAmount, String note) {
}
