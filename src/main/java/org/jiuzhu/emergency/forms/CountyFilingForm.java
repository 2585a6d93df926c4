package org.jiuzhu.emergency.forms;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

import org.jiuzhu.system.forms.TaskFormId;

/** 县级备案（当日）: the county files the same-day case. */
@TaskFormId("emergency-county-filing")
public record CountyFilingForm(
        @Size(max = 1000, message = "“备案意见”不能超过 1000 个字") String filingRemarks,
        @AssertTrue(message = "请确认已核对案卷并予以备案") boolean filingConfirmed) {
}
