package dev.kanal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-08T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void four_failures_are_free_then_the_wait_doubles_from_one_second_up_to_ten() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(throttle.failed("a"));
            clock.now = clock.now.plus(waits.getLast());
        }
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void only_the_failing_client_waits_and_a_success_or_a_quiet_quarter_hour_forgets_it() {
        for (int i = 0; i < 6; i++) throttle.failed("a");
        assertThat(throttle.waitFor("a")).hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(throttle.waitFor("b")).isEmpty();

        clock.now = clock.now.plus(LoginThrottle.MAX_DELAY);
        assertThat(throttle.waitFor("a")).isEmpty();
        throttle.succeeded("a");
        assertThat(throttle.failed("a")).isZero();

        for (int i = 0; i < 6; i++) throttle.failed("c");
        clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        assertThat(throttle.failed("c")).isZero();
    }
}
