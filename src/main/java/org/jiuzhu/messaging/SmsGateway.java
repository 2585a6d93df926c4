package org.jiuzhu.messaging;

/**
 * Delivers one text message to a phone. Implementations answer with the outcome rather than throw; an
 * exception thrown anyway counts as a failure worth trying again.
 */
public interface SmsGateway {

    /**
     * @param phone     the applicant's phone number as stored
     * @param text      the message
     * @param reference the same for every attempt of one message, so that a gateway can drop a repeat
     */
    Outcome send(String phone, String text, String reference);

    /** Short name for the administrators' page, e.g. 写入日志. */
    String description();

    /** What became of one attempt; {@code detail} is a short reason for administrators, never a stack trace. */
    record Outcome(Kind kind, String detail) {

        public enum Kind {
            SENT,
            /** The gateway may accept it later (unreachable, timed out, a server error). */
            RETRY,
            /** The gateway refused the message itself (a bad number, a bad key): trying again will not help. */
            PERMANENT_FAILURE
        }

        public static Outcome sent() {
            return new Outcome(Kind.SENT, null);
        }

        public static Outcome retry(String detail) {
            return new Outcome(Kind.RETRY, detail);
        }

        public static Outcome permanentFailure(String detail) {
            return new Outcome(Kind.PERMANENT_FAILURE, detail);
        }
    }
}
