package dev.kanal.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void separators_reserved_and_control_characters_are_removed() {
        String s = FileNames.sanitize("a/b\\c:d*e?f\"g<h>i|j\u0000k\nl");
        assertThat(s).doesNotContain("/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\u0000", "\n");
        assertThat(s).startsWith("a b c d");
    }

    @Test
    void a_release_title_keeps_its_dots_and_spaces() {
        assertThat(FileNames.sanitize("Show Name S01E03 GER 1080p WEB h264-KANAL"))
                .isEqualTo("Show Name S01E03 GER 1080p WEB h264-KANAL");
        assertThat(FileNames.sanitize("Show.Name.S01E03.GER.1080p.WEB.h264-KANAL"))
                .isEqualTo("Show.Name.S01E03.GER.1080p.WEB.h264-KANAL");
    }

    @Test
    void traversal_and_hidden_names_cannot_survive() {
        assertThat(FileNames.sanitize("../../etc/passwd")).doesNotStartWith(".").doesNotContain("/");
        assertThat(FileNames.sanitize("..")).isEqualTo("download");
        assertThat(FileNames.sanitize("   ")).isEqualTo("download");
        assertThat(FileNames.sanitize("name. . ")).isEqualTo("name");
    }

    @Test
    void windows_device_names_are_prefixed() {
        assertThat(FileNames.sanitize("CON")).isEqualTo("_CON");
        assertThat(FileNames.sanitize("nul.S01E01")).isEqualTo("_nul.S01E01");
    }

    @Test
    void long_names_are_cut_on_a_character_boundary() {
        String s = FileNames.sanitize("ä".repeat(500));
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
        assertThat(s).matches("ä+");
    }

    @Test
    void bidi_overrides_format_and_c1_control_characters_are_removed() {
        String s = FileNames.sanitize("Show\u202Evkm.exe\u200B S01E01\u0085x\u2028y\uFEFF\u2066z");
        assertThat(s).isEqualTo("Showvkm.exe S01E01 x yz");
        assertThat(s.codePoints().map(Character::getType))
                .doesNotContain((int) Character.FORMAT, (int) Character.CONTROL);
    }

    @Test
    void every_windows_device_name_is_prefixed_whatever_follows_it() {
        for (String device : new String[] {"CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "com0", "LPT\u00b9",
                "CONIN$"}) {
            assertThat(FileNames.sanitize(device + ".S01E01.GER")).isEqualTo("_" + device + ".S01E01.GER");
        }
        assertThat(FileNames.sanitize("CONAN.S01E01")).isEqualTo("CONAN.S01E01");
    }

    @Test
    void the_cap_counts_utf8_bytes_so_120_euro_signs_make_a_valid_name() {
        String s = FileNames.sanitize("\u20ac".repeat(120));
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
        assertThat(s).matches("\u20ac+");
        String emoji = FileNames.sanitize("\uD83C\uDF89".repeat(100));
        assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
        assertThat(emoji.length() % 2).isZero(); // never half a surrogate pair
    }
}
