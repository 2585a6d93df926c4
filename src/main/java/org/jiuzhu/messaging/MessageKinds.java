package org.jiuzhu.messaging;

import java.util.Map;

/** Chinese names of the kinds of message the processes queue, for administrators. */
final class MessageKinds {

    private static final Map<String, String> LABELS = Map.of(
            "DIBAO_APPROVED", "低保审批结果（批准）",
            "DIBAO_REJECTED", "低保审批结果（不予批准）",
            "EMERGENCY_GRANTED", "急难救助当日发放",
            "TEMPORARY_APPROVED", "临时救助审批结果（批准）",
            "TEMPORARY_REJECTED", "临时救助审批结果（不予批准）");

    private MessageKinds() {
    }

    /** The Chinese name, or the stored kind itself for a kind added later. */
    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}
