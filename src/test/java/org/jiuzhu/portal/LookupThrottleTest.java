package org.jiuzhu.portal;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@JiuzhuIntegrationTest
class LookupThrottleTest {

    @Autowired LookupThrottle throttle;
    @Autowired StatusLookupProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void blocksAnAddressThatKeepsMissingTheSameNumber() {
        for (int i = 0; i < properties.maxMissesPerNumber(); i++) {
            assertThat(throttle.blocked("10.0.0.1", "DB-341899-20261123-0001")).isFalse();
            throttle.recordMiss("10.0.0.1", "DB-341899-20261123-0001");
        }

        assertThat(throttle.blocked("10.0.0.1", "DB-341899-20261123-0001")).isTrue();
        assertThat(throttle.blocked("10.0.0.1", "DB-341899-20261123-0002")).isFalse();
        assertThat(throttle.blocked("10.0.0.2", "DB-341899-20261123-0001")).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyNumbers() {
        for (int i = 0; i < properties.maxMissesPerClient(); i++) {
            throttle.recordMiss("10.0.0.3", "DB-341899-20261123-%04d".formatted(i));
        }

        assertThat(throttle.blocked("10.0.0.3", "DB-341899-20261124-0001")).isTrue();
    }

    @Test
    void countsTheMissesOfEveryNodeAndOfTheNodeBeforeARestart() {
        LookupThrottle otherNode = new LookupThrottle(jdbc, properties, clock);
        for (int i = 0; i < properties.maxMissesPerNumber(); i++) {
            (i % 2 == 0 ? throttle : otherNode).recordMiss("10.0.0.4", "DB-341899-20261123-0005");
        }

        assertThat(throttle.blocked("10.0.0.4", "DB-341899-20261123-0005")).isTrue();
        assertThat(otherNode.blocked("10.0.0.4", "DB-341899-20261123-0005")).isTrue();
        assertThat(new LookupThrottle(jdbc, properties, clock).blocked("10.0.0.4", "DB-341899-20261123-0005")).isTrue();
    }
}
