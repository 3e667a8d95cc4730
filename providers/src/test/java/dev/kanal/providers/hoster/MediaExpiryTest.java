package dev.kanal.providers.hoster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaExpiryTest {
    @Test
    void reads_expires_parameter() {
        assertThat(MediaExpiry.of(URI.create("https://h/get_video?id=x&expires=1770000000&token=t")))
                .isEqualTo(Instant.ofEpochSecond(1770000000L));
    }

    @Test
    void adds_lifetime_to_issue_time() {
        assertThat(MediaExpiry.of(URI.create("https://h/master.m3u8?t=x&s=1770000000&e=14400&f=1")))
                .isEqualTo(Instant.ofEpochSecond(1770014400L));
    }

    @Test
    void unsigned_url_has_no_expiry() {
        assertThat(MediaExpiry.of(URI.create("https://h/v.mp4"))).isNull();
        assertThat(MediaExpiry.of(URI.create("https://h/v.mp4?s=1770000000"))).isNull();
    }
}
