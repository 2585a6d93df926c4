package org.jiuzhu.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes guessing on the progress lookup slow: the last four ID characters are only about ten
 * thousand possibilities. After too many misses for one application number, or in all, from one
 * address, that address waits until the oldest miss leaves the window. The misses are rows in
 * {@code status_lookup_miss}, so the limit holds across restarts and counts the misses on every node.
 */
@Component
class LookupThrottle {

    private final JdbcClient jdbc;
    private final StatusLookupProperties properties;
    private final Clock clock;

    LookupThrottle(JdbcClient jdbc, StatusLookupProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    boolean blocked(String client, String applicationNo) {
        Timestamp since = Timestamp.from(clock.instant().minus(properties.window()));
        return jdbc.sql("""
                        select count(*) from status_lookup_miss
                        where client_address = ? and application_no = ? and missed_at > ?""")
                .params(client, applicationNo, since).query(Long.class).single() >= properties.maxMissesPerNumber()
                || jdbc.sql("select count(*) from status_lookup_miss where client_address = ? and missed_at > ?")
                .params(client, since).query(Long.class).single() >= properties.maxMissesPerClient();
    }

    void recordMiss(String client, String applicationNo) {
        Instant now = clock.instant();
        jdbc.sql("insert into status_lookup_miss (client_address, application_no, missed_at) values (?, ?, ?)")
                .params(client, applicationNo, Timestamp.from(now))
                .update();
        jdbc.sql("delete from status_lookup_miss where missed_at < ?")
                .param(Timestamp.from(now.minus(properties.window())))
                .update();
    }

    /** How long the window of the limits is, in whole minutes, for the page's message. */
    long windowMinutes() {
        return properties.window().toMinutes();
    }
}
