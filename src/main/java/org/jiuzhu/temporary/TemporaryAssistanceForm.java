package org.jiuzhu.temporary;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an official enters in the start form temporary-assistance-start. Formats are checked here;
 * the ID number's checksum and birth date, and the place, by {@link TemporaryAssistanceRegistration}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class TemporaryAssistanceForm {

    @NotNull(message = "请选择救助类型（急难型或支出型）")
    public AssistanceType assistanceType;

    @NotNull(message = "请选择困难原因")
    public HardshipReason reason;

    @NotBlank(message = "请填写申请人姓名")
    @Size(max = 50, message = "申请人姓名不能超过 50 个字")
    public String applicantName;

    @NotBlank(message = "请填写申请人身份证号")
    @Pattern(regexp = "\\d{17}[\\dXx]", message = "申请人身份证号应为 18 位（最后一位可为 X）")
    public String applicantIdNumber;

    @NotBlank(message = "请填写联系电话")
    @Pattern(regexp = "1\\d{10}", message = "联系电话应为 11 位手机号码")
    public String applicantPhone;

    @NotNull(message = "请填写家庭人口数")
    @Min(value = 1, message = "家庭人口数至少为 1")
    @Max(value = 20, message = "家庭人口数不能超过 20")
    public Integer householdSize;

    /** 本地户籍; non-residents are helped where the hardship happened. */
    public boolean resident = true;

    @Size(max = 200, message = "户籍所在地不能超过 200 个字")
    public String householdRegistration;

    /** 急难发生地: the village or community, or the township when no village applies. */
    @NotBlank(message = "请填写急难发生地的区划代码")
    @Pattern(regexp = "\\d{12}", message = "急难发生地区划代码应为 12 位数字")
    public String unitCode;

    @NotBlank(message = "请填写困难情况")
    @Size(max = 2000, message = "困难情况不能超过 2000 个字")
    public String hardshipDescription;

    @DecimalMin(value = "0", message = "申请金额不能为负数")
    @Digits(integer = 10, fraction = 2, message = "申请金额最多 10 位整数、2 位小数")
    public BigDecimal requestedAmount;

    /** 申请先行救助. */
    public boolean urgent;

    @AssertTrue(message = "困难原因与救助类型不符：突发重病、意外事故、自然灾害、火灾属于急难型，医疗支出、教育支出属于支出型")
    public boolean isReasonOfItsType() {
        return reason == null || assistanceType == null || reason.belongsTo(assistanceType);
    }

    @AssertTrue(message = "非本地户籍的申请人，请填写户籍所在地")
    public boolean isRegistrationGivenForNonResidents() {
        return resident || (householdRegistration != null && !householdRegistration.isBlank());
    }
}
