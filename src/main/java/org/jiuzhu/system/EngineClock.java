package org.jiuzhu.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiuzhu.system.time.TimeZoneSetting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The engine's clock as a {@link Clock} in the zone of {@code jiuzhu.time-zone}: our code and the
 * engine agree on "now", also in tests that move the engine clock to fire timers, and "today" is the
 * day in that zone whatever zone the server runs in.
 */
@Configuration
public class EngineClock {

    @Bean
    public Clock clock(Environment environment) {
        return new FollowingEngine(TimeZoneSetting.of(environment));
    }

    private static final class FollowingEngine extends Clock {

        private final ZoneId zone;

        FollowingEngine(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new FollowingEngine(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
