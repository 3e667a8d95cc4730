package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.config.KanalConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
            new KanalConfig.Qbittorrent("admin", "secret", List.of(), Duration.ofHours(1), ""),
            new KanalConfig.Security("the-api-key-123456", "k".repeat(32)), clock);

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
    void ten_failures_lock_the_address_out_even_for_the_right_password_until_the_lockout_ends() {
        for (int i = 0; i < UiSessions.MAX_FAILURES; i++) login("admin", "nope", null);
        assertThat(login("admin", "secret", null).result()).isEqualTo(UiSessions.Outcome.Result.LOCKED);
        assertThat(sessions.login("10.0.0.2", new UiSessions.Credentials("admin", "secret", null)).result())
                .isEqualTo(UiSessions.Outcome.Result.OK);
        clock.now = clock.now.plus(UiSessions.LOCKOUT).plusSeconds(1);
        assertThat(login("admin", "secret", null).result()).isEqualTo(UiSessions.Outcome.Result.OK);
    }
}
