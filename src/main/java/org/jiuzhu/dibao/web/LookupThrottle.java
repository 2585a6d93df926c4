package org.jiuzhu.dibao.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Makes guessing on the progress lookup slow: the last four ID characters are only about ten
 * thousand possibilities. After too many misses for one application number, or in all, from one
 * address, that address waits until the oldest miss is a quarter of an hour old.
 */
@Component
class LookupThrottle {

    static final int MAX_MISSES_PER_NUMBER = 10;
    static final int MAX_MISSES_PER_CLIENT = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int PURGE_THRESHOLD = 10_000;

    private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    boolean blocked(String client, String applicationNo) {
        return count(client + "|" + applicationNo) >= MAX_MISSES_PER_NUMBER || count(client) >= MAX_MISSES_PER_CLIENT;
    }

    void recordMiss(String client, String applicationNo) {
        if (misses.size() > PURGE_THRESHOLD) {
            misses.keySet().removeIf(key -> count(key) == 0);
        }
        Instant now = clock.instant();
        for (String key : new String[] {client + "|" + applicationNo, client}) {
            Deque<Instant> times = misses.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    private int count(String key) {
        Deque<Instant> times = misses.get(key);
        if (times == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(WINDOW);
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
