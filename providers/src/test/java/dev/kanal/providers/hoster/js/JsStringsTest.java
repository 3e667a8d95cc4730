package dev.kanal.providers.hoster.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsStringsTest {
    @Test
    void resolves_quote_slash_hex_and_unicode_escapes() {
        assertThat(JsStrings.unescape("it\\'s \\\"x\\\" a\\/b \\x41\\u0042\\u{1F600} \\\\ \\n"))
                .isEqualTo("it's \"x\" a/b AB\uD83D\uDE00 \\ \n");
    }

    @Test
    void leaves_plain_text_alone() {
        assertThat(JsStrings.unescape("https://cdn.example.test/a.m3u8?t=1")).isEqualTo("https://cdn.example.test/a.m3u8?t=1");
    }

    @Test
    void rejects_truncated_escapes() {
        assertThatThrownBy(() -> JsStrings.unescape("\\u00")).isInstanceOf(IllegalArgumentException.class);
    }
}
