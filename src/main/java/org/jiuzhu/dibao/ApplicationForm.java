package org.jiuzhu.dibao;

import org.jiuzhu.casework.HouseholdType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an applicant (on /apply) or an official (Tasklist start form, case correction) enters.
 * Formats are checked here; the checksum of ID numbers, duplicates and existing benefits are checked
 * by the process (材料完整性与身份核验), which routes problems to a correction task.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApplicationForm {

    static final String ID_NUMBER = "\\d{17}[\\dXx]";

    @NotBlank(message = "请填写所在村（社区）")
    @Pattern(regexp = "\\d{12}", message = "所在村（社区）区划代码应为 12 位数字")
    public String unitCode;

    @NotNull(message = "请选择户籍类别（城市或农村）")
    public HouseholdType householdType;

    @NotBlank(message = "请填写申请人姓名")
    @Size(max = 50, message = "申请人姓名不能超过 50 个字")
    public String applicantName;

    @NotBlank(message = "请填写申请人身份证号")
    @Pattern(regexp = ID_NUMBER, message = "申请人身份证号应为 18 位（最后一位可为 X）")
    public String applicantIdNumber;

    @NotBlank(message = "请填写联系电话")
    @Pattern(regexp = "1\\d{10}", message = "联系电话应为 11 位手机号码")
    public String applicantPhone;

    @NotBlank(message = "请填写家庭住址")
    @Size(max = 200, message = "家庭住址不能超过 200 个字")
    public String address;

    @Valid
    @NotEmpty(message = "请至少填写一名家庭成员（含申请人本人）")
    @Size(max = 20, message = "家庭成员不能超过 20 人")
    public List<MemberForm> members = new ArrayList<>();

    @Valid
    @Size(max = 30, message = "收入项目不能超过 30 项")
    public List<IncomeForm> incomes = new ArrayList<>();

    @NotNull(message = "请填写存款及有价证券合计（没有请填 0）")
    @DecimalMin(value = "0", message = "存款金额不能为负数")
    @Digits(integer = 12, fraction = 2, message = "存款金额最多 12 位整数、2 位小数")
    public BigDecimal depositAmount = BigDecimal.ZERO;

    @NotNull(message = "请填写机动车辆数量（没有请填 0）")
    @Min(value = 0, message = "机动车辆数量不能为负数")
    @Max(value = 99, message = "机动车辆数量不正确")
    public Integer vehicleCount = 0;

    @NotNull(message = "请填写自有住房套数（没有请填 0）")
    @Min(value = 0, message = "住房套数不能为负数")
    @Max(value = 99, message = "住房套数不正确")
    public Integer housingCount = 0;

    public boolean relativeOfOfficial;

    @Size(max = 500, message = "近亲属关系说明不能超过 500 个字")
    public String relativeDeclaration;

    public boolean singlePerson;

    public String singlePersonIdNumber;

    @AssertTrue(message = "请阅读并勾选申请人承诺")
    public boolean pledge;

    /**
     * 急难救助当日审批: during a declared emergency the household asks for the same-day path on its
     * personal pledge (public page only; officials start that process in Tasklist).
     */
    public boolean sameDay;

    /** The stored application as a form, to correct it (补正材料). */
    public static ApplicationForm from(DibaoApplication application) {
        ApplicationForm form = new ApplicationForm();
        form.unitCode = application.villageCode();
        form.householdType = application.householdType();
        form.applicantName = application.applicantName();
        form.applicantIdNumber = application.applicantIdNumber();
        form.applicantPhone = application.applicantPhone();
        form.address = application.address();
        for (HouseholdMember m : application.members()) {
            MemberForm member = new MemberForm();
            member.name = m.name();
            member.idNumber = m.idNumber();
            member.relation = m.relation();
            member.labourAbility = m.labourAbility();
            member.disabilityGrade = m.disabilityGrade();
            member.disabilityKind = m.disabilityKind();
            member.seriousIllness = m.seriousIllness();
            form.members.add(member);
        }
        for (IncomeItem i : application.incomes()) {
            IncomeForm income = new IncomeForm();
            income.kind = i.kind();
            income.memberIdNumber = i.memberIdNumber();
            income.monthlyAmount = i.monthlyAmount();
            income.note = i.note();
            form.incomes.add(income);
        }
        form.depositAmount = application.depositAmount();
        form.vehicleCount = application.vehicleCount();
        form.housingCount = application.housingCount();
        form.relativeOfOfficial = application.relativeOfOfficial();
        form.relativeDeclaration = application.relativeDeclaration();
        form.singlePerson = application.singlePerson();
        form.singlePersonIdNumber = application.singlePersonIdNumber();
        form.pledge = application.pledgeAccepted();
        return form;
    }

    @AssertTrue(message = "请说明与经办人员或村（居）委会成员的近亲属关系")
    public boolean isRelativeDeclarationGiven() {
        return !relativeOfOfficial || (relativeDeclaration != null && !relativeDeclaration.isBlank());
    }

    @AssertTrue(message = "申请单人保时，请填写申请成员的身份证号（须为家庭成员之一）")
    public boolean isSinglePersonMemberGiven() {
        return !singlePerson || (singlePersonIdNumber != null && singlePersonIdNumber.matches(ID_NUMBER));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class MemberForm {

        @NotBlank(message = "请填写家庭成员姓名")
        @Size(max = 50, message = "成员姓名不能超过 50 个字")
        public String name;

        @NotBlank(message = "请填写家庭成员身份证号")
        @Pattern(regexp = ID_NUMBER, message = "家庭成员身份证号应为 18 位（最后一位可为 X）")
        public String idNumber;

        @NotNull(message = "请选择家庭成员与申请人的关系")
        public Relation relation;

        @NotNull(message = "请选择家庭成员的劳动能力")
        public LabourAbility labourAbility;

        @Min(value = 0, message = "残疾等级不正确")
        @Max(value = 4, message = "残疾等级不正确")
        public int disabilityGrade;

        public DisabilityKind disabilityKind;

        public boolean seriousIllness;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class IncomeForm {

        @NotNull(message = "请选择收入类型")
        public IncomeKind kind;

        @Pattern(regexp = "|" + ID_NUMBER, message = "取得收入的成员身份证号应为 18 位")
        public String memberIdNumber;

        // 8 digits: the household's sum over up to 30 items still fits dibao_assessment.household_income
        // (numeric(12,2)); each item its own column income_item.monthly_amount (numeric(12,2)).
        @NotNull(message = "请填写月收入金额")
        @DecimalMin(value = "0", message = "收入金额不能为负数")
        @Digits(integer = 8, fraction = 2, message = "月收入金额最多 8 位整数、2 位小数")
        public BigDecimal monthlyAmount;

        @Size(max = 100, message = "收入说明不能超过 100 个字")
        public String note;
    }
}
