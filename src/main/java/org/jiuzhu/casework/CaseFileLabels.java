package org.jiuzhu.casework;

import java.util.Map;
import java.util.Set;

/** The codes recorded on a case file, in words (the case file page, the task forms' summaries). */
public final class CaseFileLabels {

    /** Stages where refusing means not accepting the application at all. */
    private static final Set<String> ACCEPTANCE_STAGES = Set.of("补正材料", "乡镇受理");

    private static final Map<String, String> DECISIONS = Map.ofEntries(
            Map.entry("accept", "受理"),
            Map.entry("corrected", "已补正"),
            Map.entry("investigated", "已调查"),
            Map.entry("agree", "同意"),
            Map.entry("disagree", "不同意"),
            Map.entry("unfounded", "异议不成立"),
            Map.entry("reinvestigate", "异议成立·重新调查"),
            Map.entry("approve", "批准"),
            Map.entry("changeAmount", "批准并调整金额"),
            Map.entry("file", "备案"),
            Map.entry("filed", "备案"),
            Map.entry("confirmed", "确认"),
            Map.entry("sendBack", "退回"),
            Map.entry("recovered", "已追回"));

    private static final Map<String, String> OBJECTION_OUTCOMES = Map.of(
            "unfounded", "异议不成立",
            "reinvestigate", "异议成立·重新调查",
            "reject", "异议成立·不予批准",
            "superseded", "并入另一异议的重新调查");

    private static final Map<String, String> SUBMISSION_CHANNELS = Map.of(
            "PUBLIC", "群众网上申请",
            "OFFICIAL", "工作人员登记");

    private CaseFileLabels() {
    }

    public static String decision(String stage, String code) {
        if ("reject".equals(code)) {
            return ACCEPTANCE_STAGES.contains(stage) ? "不予受理" : "不予批准";
        }
        return DECISIONS.getOrDefault(code, code);
    }

    public static String objectionOutcome(String code) {
        return code == null ? "待核查" : OBJECTION_OUTCOMES.getOrDefault(code, code);
    }

    public static String channel(String code) {
        return SUBMISSION_CHANNELS.getOrDefault(code, code);
    }
}
