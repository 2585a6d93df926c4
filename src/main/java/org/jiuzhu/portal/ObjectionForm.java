package org.jiuzhu.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An objection as entered on the public board; the contact is optional (anonymous objection). */
public class ObjectionForm {

    @NotBlank(message = "请填写异议内容")
    @Size(max = 1000, message = "异议内容不能超过 1000 个字")
    public String content;

    @Size(max = 100, message = "联系方式不能超过 100 个字")
    public String contact;
}
