package org.jiuzhu.system;

import java.time.Clock;

import org.jiuzhu.engine.EngineTime;
import org.jiuzhu.system.time.TimeZoneSetting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The engine's clock ({@link EngineTime}) as a {@link Clock} in the zone of {@code jiuzhu.time-zone}: our
 * code and the engine agree on "now", also in tests that move the engine clock to fire timers, and "today"
 * is the day in that zone whatever zone the server runs in.
 */
@Configuration
public class EngineClock {

    @Bean
    public Clock clock(Environment environment) {
        return EngineTime.clock(TimeZoneSetting.of(environment));
    }
}
