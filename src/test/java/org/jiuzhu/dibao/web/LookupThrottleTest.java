package org.jiuzhu.dibao.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookupThrottleTest {

    private final LookupThrottle throttle = new LookupThrottle();

    @Test
    void blocksAnAddressThatKeepsMissingTheSameNumber() {
        for (int i = 0; i < LookupThrottle.MAX_MISSES_PER_NUMBER; i++) {
            assertThat(throttle.blocked("10.0.0.1", "DB-341899-20261123-0001")).isFalse();
            throttle.recordMiss("10.0.0.1", "DB-341899-20261123-0001");
        }

        assertThat(throttle.blocked("10.0.0.1", "DB-341899-20261123-0001")).isTrue();
        assertThat(throttle.blocked("10.0.0.1", "DB-341899-20261123-0002")).isFalse();
        assertThat(throttle.blocked("10.0.0.2", "DB-341899-20261123-0001")).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyNumbers() {
        for (int i = 0; i < LookupThrottle.MAX_MISSES_PER_CLIENT; i++) {
            throttle.recordMiss("10.0.0.3", "DB-341899-20261123-%04d".formatted(i));
        }

        assertThat(throttle.blocked("10.0.0.3", "DB-341899-20261124-0001")).isTrue();
    }
}
