package org.jiuzhu.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jiuzhu.dibao.ApplicationForm;
import org.jiuzhu.dibao.HouseholdType;
import org.jiuzhu.dibao.IdNumbers;
import org.jiuzhu.dibao.IncomeKind;
import org.jiuzhu.dibao.LabourAbility;
import org.jiuzhu.dibao.Relation;

/** Test households with valid ID numbers. */
public final class Households {

    private Households() {
    }

    /** A valid ID number: region 341899, the birth date, a sequence number and the GB 11643 check character. */
    public static String idNumber(String birthDate, int sequence) {
        String first17 = "341899" + birthDate + "%03d".formatted(sequence);
        return first17 + IdNumbers.checkCharOf(first17);
    }

    /**
     * A family of three in 东门社区 (urban): the applicant, a spouse and a child; 900 yuan wage income,
     * so 300 per head, well below the urban standard.
     */
    public static ApplicationForm poorFamily(int sequence) {
        ApplicationForm form = new ApplicationForm();
        form.unitCode = DemoOrganisation.VILLAGE_DONGMEN;
        form.householdType = HouseholdType.URBAN;
        form.applicantName = "周建华";
        form.applicantIdNumber = idNumber("19750312", sequence);
        form.applicantPhone = "13800001234";
        form.address = "清源县城关街道东门社区幸福路 12 号";
        form.members = new ArrayList<>(List.of(
                member("周建华", form.applicantIdNumber, Relation.SELF, LabourAbility.PARTIAL),
                member("林秀梅", idNumber("19780506", sequence + 1), Relation.SPOUSE, LabourAbility.FULL),
                member("周小雨", idNumber("20120901", sequence + 2), Relation.CHILD, LabourAbility.NONE)));
        ApplicationForm.IncomeForm wage = new ApplicationForm.IncomeForm();
        wage.kind = IncomeKind.WAGE;
        wage.monthlyAmount = new BigDecimal("900");
        wage.memberIdNumber = form.members.get(1).idNumber;
        form.incomes = new ArrayList<>(List.of(wage));
        form.depositAmount = new BigDecimal("2000");
        form.vehicleCount = 0;
        form.housingCount = 1;
        form.pledge = true;
        return form;
    }

    public static ApplicationForm.MemberForm member(String name, String idNumber, Relation relation,
                                                    LabourAbility labourAbility) {
        ApplicationForm.MemberForm member = new ApplicationForm.MemberForm();
        member.name = name;
        member.idNumber = idNumber;
        member.relation = relation;
        member.labourAbility = labourAbility;
        return member;
    }
}
