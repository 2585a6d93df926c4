package org.jiuzhu.messaging;

/** Where a message of the outbox stands, as stored in {@code notification_outbox.status}. */
public enum MessageStatus {
    PENDING("待发送"),
    SENDING("发送中"),
    SENT("已发送"),
    FAILED("发送失败");

    private final String label;

    MessageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
