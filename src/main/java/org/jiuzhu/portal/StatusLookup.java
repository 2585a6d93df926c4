package org.jiuzhu.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an applicant enters to look up their application's progress. */
public class StatusLookup {

    @NotBlank(message = "请填写申请编号")
    @Size(max = 40, message = "申请编号不正确")
    public String applicationNo;

    @NotBlank(message = "请填写申请人身份证号后四位")
    @Pattern(regexp = "\\s*\\d{3}[\\dXx]\\s*", message = "身份证号后四位应为 4 位数字（最后一位可为 X）")
    public String idLast4;
}
