package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.web.LoginThrottle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UiSessionsTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T06:00:00Z");

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
    final UiSessions sessions = new UiSessions(
            new UiSessions.Credentials("admin", "secret", "the-api-key-123456"), clock);

    UiSessions.Outcome login(String user, String password, String key) {
        return sessions.login("10.0.0.1", new UiSessions.Credentials(user, password, key));
    }

    @Test
    void right_password_or_api_key_logs_in_with_distinct_random_ids() {
        var a = login("admin", "secret", null);
        var b = login(null, null, "the-api-key-123456");
        assertThat(a.result()).isEqualTo(UiSessions.Outcome.Result.OK);
        assertThat(b.result()).isEqualTo(UiSessions.Outcome.Result.OK);
        assertThat(a.sessionId()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(b.sessionId());
    }

    @Test
    void wrong_user_password_or_key_is_refused() {
        assertThat(login("admin", "nope", null).result()).isEqualTo(UiSessions.Outcome.Result.WRONG);
        assertThat(login("root", "secret", null).result()).isEqualTo(UiSessions.Outcome.Result.WRONG);
        assertThat(login(null, null, "").result()).isEqualTo(UiSessions.Outcome.Result.WRONG);
        assertThat(login(null, null, null).result()).isEqualTo(UiSessions.Outcome.Result.WRONG);
    }

    @Test
    void failures_make_the_address_wait_seconds_unchecked_then_the_right_password_works_again() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("admin", "nope", null).result()).isEqualTo(UiSessions.Outcome.Result.WRONG);
        }
        var locked = login("admin", "secret", null);
        assertThat(locked.result()).isEqualTo(UiSessions.Outcome.Result.LOCKED);
        assertThat(locked.retryAfter()).isPositive().isLessThanOrEqualTo(LoginThrottle.MAX_DELAY);
        assertThat(sessions.login("10.0.0.2", new UiSessions.Credentials("admin", "secret", null)).result())
                .isEqualTo(UiSessions.Outcome.Result.OK);
        clock.now = clock.now.plus(locked.retryAfter());
        assertThat(login("admin", "secret", null).result()).isEqualTo(UiSessions.Outcome.Result.OK);
    }

    @Test
    void however_long_a_stranger_keeps_failing_the_wait_never_exceeds_seconds() {
        for (int i = 0; i < 200; i++) {
            login("admin", "nope", null);
            clock.now = clock.now.plus(LoginThrottle.MAX_DELAY); // each failure waits out its delay first
        }
        login("admin", "nope", null);
        var locked = login("admin", "secret", null);
        assertThat(locked.retryAfter()).isLessThanOrEqualTo(LoginThrottle.MAX_DELAY);
        clock.now = clock.now.plus(LoginThrottle.MAX_DELAY);
        assertThat(login("admin", "secret", null).result()).isEqualTo(UiSessions.Outcome.Result.OK);
    }
}
