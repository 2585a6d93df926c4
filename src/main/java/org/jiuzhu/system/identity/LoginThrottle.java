package org.jiuzhu.system.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock an official out: a client address
 * with too many failures is refused for a while, and an account waits a short, rising delay after
 * failures in a row that ends by itself (never a lock an administrator must lift). The failures are rows
 * in {@code login_failure}, so the limits hold across restarts and on every node.
 */
@Component
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int USER_ID_LENGTH = 255;
    private static final int CLIENT_LENGTH = 64;
    private static final int PATH_LENGTH = 255;

    /** One password check between its admission and its outcome. */
    public record Attempt(String userId, String client, String path, int failuresInARow) {
    }

    /** A failed login as administrators see it; {@code client} is empty for calls outside a web request. */
    public record Failure(Instant failedAt, String userId, String client, String path) {
    }

    /** A client address refused, or an account waiting, until {@code until}. */
    public record Throttle(String subject, int failures, Instant until) {
    }

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    public LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Admits a password check, or refuses it with {@link LoginThrottledException} before the password is
     * looked at. {@code client} is null outside a web request (the Java API).
     */
    public Attempt begin(String userId, String client, String path) {
        String user = cut(userId == null ? "" : userId, USER_ID_LENGTH);
        String address = client == null ? null : cut(client, CLIENT_LENGTH);
        Instant now = clock.instant();
        if (address != null) {
            Optional<Instant> refusedUntil = clientRefusedUntil(address, now);
            if (refusedUntil.isPresent()) {
                LOG.warn("Login refused: too many failures from {} (user '{}', {})", address, printable(user), path);
                throw LoginThrottledException.forClient(Duration.between(now, refusedUntil.get()));
            }
        }
        UserFailures failures = userFailures(user, now);
        Optional<Instant> delayedUntil = failures.delayedUntil(properties.user(), now);
        if (delayedUntil.isPresent()) {
            LOG.warn("Login delayed: {} failures in a row for user '{}' (from {}, {})", failures.count(), printable(user),
                    address, path);
            throw LoginThrottledException.forUser(Duration.between(now, delayedUntil.get()));
        }
        return new Attempt(user, address, path == null ? null : cut(path, PATH_LENGTH), failures.count());
    }

    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        LOG.warn("Failed login for user '{}' from {} ({})", printable(attempt.userId()),
                Objects.toString(attempt.client(), "the Java API"), Objects.toString(attempt.path(), "-"));
        jdbc.sql("insert into login_failure (user_id, client_address, request_path, failed_at) values (?, ?, ?, ?)")
                .params(attempt.userId(), attempt.client(), attempt.path(), Timestamp.from(now))
                .update();
        jdbc.sql("delete from login_failure where failed_at < ?")
                .param(Timestamp.from(now.minus(properties.keepFailures())))
                .update();
    }

    public void succeeded(Attempt attempt) {
        if (attempt.failuresInARow() > 0) {
            liftUser(attempt.userId());
        }
    }

    /** The latest failed logins, newest first. */
    public List<Failure> recentFailures(int limit) {
        return jdbc.sql("""
                        select failed_at, user_id, client_address, request_path from login_failure
                        order by failed_at desc, id desc fetch first ? rows only""")
                .param(limit)
                .query((rs, n) -> new Failure(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? "" : rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Client addresses refused now. */
    public List<Throttle> refusedClients() {
        Instant now = clock.instant();
        List<Throttle> refused = new ArrayList<>();
        for (String client : jdbc.sql("""
                        select client_address from login_failure
                        where client_address is not null and counts_for_client and failed_at > ?
                        group by client_address having count(*) >= ?""")
                .params(Timestamp.from(now.minus(properties.client().window())), properties.client().maxFailures())
                .query(String.class).list()) {
            clientRefusedUntil(client, now).ifPresent(until ->
                    refused.add(new Throttle(client, properties.client().maxFailures(), until)));
        }
        refused.sort(Comparator.comparing(Throttle::until).reversed());
        return refused;
    }

    /** Accounts whose next login waits now. */
    public List<Throttle> delayedUsers() {
        Instant now = clock.instant();
        LoginThrottleProperties.User rules = properties.user();
        List<Throttle> delayed = new ArrayList<>();
        jdbc.sql("""
                        select user_id, count(*), max(failed_at) from login_failure
                        where counts_for_user and failed_at > ?
                        group by user_id having count(*) >= ?""")
                .params(Timestamp.from(now.minus(rules.window())), rules.freeFailures())
                .query((rs, n) -> new UserFailures(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list()
                .forEach(failures -> failures.delayedUntil(rules, now).ifPresent(until ->
                        delayed.add(new Throttle(failures.userId(), failures.count(), until))));
        delayed.sort(Comparator.comparing(Throttle::until).reversed());
        return delayed;
    }

    /** An administrator lets the address try again; its failures stay listed. */
    public void liftClient(String client) {
        jdbc.sql("update login_failure set counts_for_client = false where client_address = ? and counts_for_client")
                .param(client)
                .update();
    }

    /** An administrator lets the account try again at once; its failures stay listed. */
    public void liftUser(String userId) {
        jdbc.sql("update login_failure set counts_for_user = false where user_id = ? and counts_for_user")
                .param(userId)
                .update();
    }

    /** When the address may try again: the failure that filled the window leaves it then. */
    private Optional<Instant> clientRefusedUntil(String client, Instant now) {
        LoginThrottleProperties.Client rules = properties.client();
        List<Timestamp> latest = jdbc.sql("""
                        select failed_at from login_failure
                        where client_address = ? and counts_for_client and failed_at > ?
                        order by failed_at desc fetch first ? rows only""")
                .params(client, Timestamp.from(now.minus(rules.window())), rules.maxFailures())
                .query(Timestamp.class)
                .list();
        if (latest.size() < rules.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(latest.get(rules.maxFailures() - 1).toInstant().plus(rules.window()));
    }

    private UserFailures userFailures(String userId, Instant now) {
        return jdbc.sql("""
                        select count(*), max(failed_at) from login_failure
                        where user_id = ? and counts_for_user and failed_at > ?""")
                .params(userId, Timestamp.from(now.minus(properties.user().window())))
                .query((rs, n) -> new UserFailures(userId, rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    private record UserFailures(String userId, int count, Instant last) {

        Optional<Instant> delayedUntil(LoginThrottleProperties.User rules, Instant now) {
            if (count == 0) {
                return Optional.empty();
            }
            Instant until = last.plus(rules.delayAfter(count));
            return until.isAfter(now) ? Optional.of(until) : Optional.empty();
        }
    }

    private static String cut(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }

    /** User names come from strangers: no line breaks or other control characters in the log. */
    private static String printable(String value) {
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
