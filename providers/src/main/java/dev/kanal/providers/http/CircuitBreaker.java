package dev.kanal.providers.http;

import java.time.Duration;

/**
 * Stops Kanal from hammering a host that keeps failing: after {@code threshold} consecutive
 * failures the circuit opens and requests fail fast; after {@code coolDown} one trial request is
 * let through (half-open), whose outcome closes or re-opens it.
 */
final class CircuitBreaker {
    /** The classic three states. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final HttpClock clock;
    private final int threshold;
    private final long coolDownNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;
    private long trialStartedAt;

    CircuitBreaker(HttpClock clock, int threshold, Duration coolDown) {
        this.clock = clock;
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
    }

    /** True when a request may go out now; in half-open only one trial at a time is allowed. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && clock.nanoTime() - openedAt >= coolDownNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                // a trial that never reported back (its thread died) must not wedge the host forever
                if (trialInFlight && clock.nanoTime() - trialStartedAt < coolDownNanos) yield false;
                trialInFlight = true;
                trialStartedAt = clock.nanoTime();
                yield true;
            }
        };
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.nanoTime();
        }
    }

    /** Closes the circuit and forgets the failures: the next request goes out at once. */
    synchronized void reset() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    /** The state as of now (an expired open circuit reads as half-open). */
    synchronized State state() {
        if (state == State.OPEN && clock.nanoTime() - openedAt >= coolDownNanos) return State.HALF_OPEN;
        return state;
    }

    /** How long an open circuit still refuses requests. */
    synchronized Duration remainingCoolDown() {
        if (state != State.OPEN) return Duration.ZERO;
        return Duration.ofNanos(Math.max(0, coolDownNanos - (clock.nanoTime() - openedAt)));
    }
}
