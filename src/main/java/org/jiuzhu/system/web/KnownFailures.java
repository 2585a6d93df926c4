package org.jiuzhu.system.web;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The failures a user is to be told about in Chinese with a 4xx, whether they reach the APIs or our
 * pages, found anywhere in the chain of causes: the engine wraps them, and the engine's and the database's
 * own words (English, SQL) must not reach the user.
 */
public final class KnownFailures {

    /** What to answer: the status, Camunda's error type and the Chinese message. */
    public record Failure(int status, String type, String message) {
    }

    static final String CLAIMED = "该任务已被他人认领";
    static final String CHANGED = "数据已被他人同时修改，请刷新后重试";
    static final String QUERY_CANCELLED = "查询耗时过长，已被系统取消。请缩小查询范围（例如按案件或任务查询）后重试";

    public static final String TASK_GONE = "该任务不存在或已经办结，请刷新任务列表";
    private static final String TASK_NOT_FOUND = "Cannot find task with id";
    /** The REST API's words when a task to update is gone or not the user's to see. */
    private static final String NO_MATCHING_TASK = "No matching task with id";
    /** The REST API's words for a query parameter it could not convert. */
    private static final Pattern QUERY_PARAMETER = Pattern.compile("Cannot set query parameter '([^']*)' to value '([^']*)'");

    /** SQLSTATE of a statement the database cancelled (statement timeout), in PostgreSQL and H2 alike. */
    private static final String QUERY_CANCELED_STATE = "57014";
    private static final int DEEPEST_CAUSE = 20;

    private KnownFailures() {
    }

    /** The failure {@code thrown} stands for; {@code path} tells a claim from other changes of a task. */
    public static Optional<Failure> of(Throwable thrown, String path) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException) {
                return Optional.of(new Failure(409, TaskAlreadyClaimedException.class.getSimpleName(), CLAIMED));
            }
            if (cause instanceof OptimisticLockingException) {
                return Optional.of(new Failure(409, OptimisticLockingException.class.getSimpleName(),
                        path != null && path.endsWith("/claim") ? CLAIMED : CHANGED));
            }
            if (cause instanceof AuthorizationException refusal) {
                return Optional.of(new Failure(403, AuthorizationException.class.getSimpleName(),
                        AuthorizationTexts.of(refusal)));
            }
            if (cause instanceof BodyTooLargeException tooLarge) {
                return Optional.of(new Failure(413, BodyTooLargeException.class.getSimpleName(), tooLarge.chineseMessage()));
            }
            if (cause instanceof SQLException sql && QUERY_CANCELED_STATE.equals(sql.getSQLState())) {
                return Optional.of(new Failure(400, "QueryTimeoutException", QUERY_CANCELLED));
            }
            if (cause instanceof ProcessEngineException engine && engine.getMessage() != null
                    && engine.getMessage().startsWith(TASK_NOT_FOUND)) {
                // Another official completed it a moment ago (or the address is wrong): not a server error.
                return Optional.of(new Failure(404, NotFoundException.class.getSimpleName(), TASK_GONE));
            }
            if (cause instanceof InvalidRequestException invalid && invalid.getMessage() != null
                    && invalid.getMessage().startsWith(NO_MATCHING_TASK)) {
                return Optional.of(new Failure(404, NotFoundException.class.getSimpleName(), TASK_GONE));
            }
            if (cause instanceof InvalidRequestException invalid && invalid.getMessage() != null) {
                Matcher parameter = QUERY_PARAMETER.matcher(invalid.getMessage());
                if (parameter.find()) {
                    return Optional.of(new Failure(400, InvalidRequestException.class.getSimpleName(),
                            "查询参数 " + parameter.group(1) + " 的值“" + parameter.group(2) + "”格式不正确"
                                    + "（日期写作 2026-12-06T00:00:00.000+0800，数字只写阿拉伯数字）"));
                }
            }
        }
        return Optional.empty();
    }
}
