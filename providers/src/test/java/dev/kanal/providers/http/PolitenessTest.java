package dev.kanal.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.testing.ManualHttpClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-host politeness parts on their own: token bucket, Retry-After, circuit breaker. */
class PolitenessTest {
    @Test
    void a_burst_passes_then_requests_are_spaced_at_the_rate() {
        ManualHttpClock clock = new ManualHttpClock();
        TokenBucket bucket = new TokenBucket(clock, 4, 2);
        assertThat(bucket.acquire()).isZero();
        assertThat(bucket.acquire()).isZero();
        assertThat(bucket.acquire()).isEqualTo(Duration.ofMillis(250));
        assertThat(bucket.acquire()).isEqualTo(Duration.ofMillis(250));
        clock.advance(Duration.ofSeconds(10));
        assertThat(bucket.acquire()).isZero();
    }

    @Test
    void retry_after_reads_seconds_and_http_dates() {
        var now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.parse("12", now)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:00 GMT", now)).contains(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }

    @Test
    void the_breaker_lets_one_trial_through_when_half_open() {
        ManualHttpClock clock = new ManualHttpClock();
        CircuitBreaker breaker = new CircuitBreaker(clock, 2, Duration.ofSeconds(10));
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_lost_half_open_trial_does_not_wedge_the_breaker() {
        ManualHttpClock clock = new ManualHttpClock();
        CircuitBreaker breaker = new CircuitBreaker(clock, 1, Duration.ofSeconds(10));
        breaker.onFailure();
        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.tryAcquire()).isTrue(); // the trial's thread never reports back
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
