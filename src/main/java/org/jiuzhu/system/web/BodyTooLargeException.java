package org.jiuzhu.system.web;

import java.io.IOException;

/** A request body, sent without a length, ran past the limit of its path while it was read. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The Chinese message for the person or program that sent it. */
    public String chineseMessage() {
        return RequestSizeFilter.tooLargeMessage(limit);
    }
}
