package org.jiuzhu.system.time;

import java.time.ZoneId;
import java.util.TimeZone;

import org.joda.time.DateTimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the JVM's default zone the setting before anything starts: the engine knows no zone of its
 * own — its timers and due-date expressions ({@code ${dateTime()}}, dates without an offset) use Joda's
 * default zone, its business calendars {@code java.util.Calendar}, and the JDBC drivers write and read
 * {@code timestamp} columns (without time zone) in the JVM's zone. With one default, the engine, the
 * stored timestamps and our {@link java.time.Clock} agree whatever zone the server runs in.
 */
public class JvmTimeZone implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply(TimeZoneSetting.of(environment));
    }

    static void apply(ZoneId zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // Joda reads user.timezone before TimeZone.getDefault() and keeps what it found first.
        System.setProperty("user.timezone", zone.getId());
        DateTimeZone.setDefault(DateTimeZone.forID(zone.getId()));
    }
}
