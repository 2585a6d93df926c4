package org.jiuzhu.dibao;

import org.springframework.modulith.NamedInterface;

import org.jiuzhu.casework.HouseholdType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One application as stored in our tables, with its household. */
@NamedInterface("enrolment")
public record DibaoApplication(
        long id,
        String applicationNo,
        String countyCode,
        String townshipCode,
        String villageCode,
        HouseholdType householdType,
        String applicantName,
        String applicantIdNumber,
        String applicantPhone,
        String address,
        BigDecimal depositAmount,
        int vehicleCount,
        int housingCount,
        boolean relativeOfOfficial,
        String relativeDeclaration,
        boolean singlePerson,
        String singlePersonIdNumber,
        boolean pledgeAccepted,
        String submittedVia,
        Instant submittedAt,
        ApplicationStatus status,
        String processInstanceId,
        List<HouseholdMember> members,
        List<IncomeItem> incomes) {

    /** Declared monthly income that counts (exempt kinds left out). */
    public BigDecimal countedMonthlyIncome() {
        return incomes.stream().filter(i -> i.kind().counted()).map(IncomeItem::monthlyAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int householdSize() {
        return members.size();
    }
}
