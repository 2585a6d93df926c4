package org.jiuzhu.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}: our code and the engine agree on "now", also in tests that move
 * the engine clock to fire timers.
 */
public final class EngineTime {

    private EngineTime() {
    }

    /** The engine's clock, telling the time in the zone given. */
    public static Clock clock(ZoneId zone) {
        return new FollowingEngine(zone);
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
