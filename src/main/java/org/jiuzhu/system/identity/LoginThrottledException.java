package org.jiuzhu.system.identity;

import java.time.Duration;

import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A password check refused before the password was looked at: too many failures from the client's
 * address or for the account. A {@link RestException} so that the engine's REST API (identity/verify,
 * a password change) answers 429 with the Chinese message, like our own login paths.
 */
public class LoginThrottledException extends RestException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    LoginThrottledException(String message, Duration retryAfter) {
        super(Status.TOO_MANY_REQUESTS, message);
        this.retryAfter = retryAfter;
    }

    static LoginThrottledException forClient(Duration retryAfter) {
        return new LoginThrottledException("本机登录失败次数过多，请 " + wait(retryAfter) + "后再试", retryAfter);
    }

    static LoginThrottledException forUser(Duration retryAfter) {
        return new LoginThrottledException("该账号连续登录失败，请 " + wait(retryAfter) + "后再试", retryAfter);
    }

    /** Whole seconds, at least one: what an HTTP Retry-After header carries. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    private static String wait(Duration duration) {
        long seconds = wholeSeconds(duration);
        return seconds < 60 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
    }

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
    }
}
