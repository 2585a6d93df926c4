package org.jiuzhu.supervision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 督办: how the leader pressed for the late task, and their note. */
@TaskFormId("supervision-escalation")
public record SupervisionForm(
        @NotNull(message = "请选择“督办方式”") Action supervisionAction,
        @NotNull(message = "请填写“督办意见”") @Size(max = 1000, message = "“督办意见”不能超过 1000 个字")
        String supervisionNote) {

    public enum Action implements FormChoice { PHONE, NOTICE, ON_SITE }
}
