package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.catalog.Release;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseNamerTest {
    private final ReleaseNamer namer = new ReleaseNamer("KANAL");

    private static Release episode(String title, int s, int e, Integer abs, Language l, Integer height, String codec) {
        return new Release(1, SiteId.ANIWORLD, "slug", TitleKind.SERIES, title, 2013, null, null, null, s, e, s, e, abs, l,
                Instant.EPOCH, height, codec, null, null, null);
    }

    @Test
    void standard_titles_carry_only_what_is_known() {
        assertThat(namer.standard(episode("Attack on Titan", 1, 5, 5, Language.GERMAN_SUB, null, null)))
                .isEqualTo("Attack.on.Titan.S01E05.WEB-DL.German.Sub-KANAL");
        assertThat(namer.standard(episode("Attack on Titan", 1, 5, 5, Language.ENGLISH_SUB, 1080, "hevc")))
                .isEqualTo("Attack.on.Titan.S01E05.1080p.WEB-DL.H265.Sub-KANAL");
        assertThat(namer.standard(episode("Re:Zero - Starting Life in Another World", 2, 13, null, Language.GERMAN_DUB,
                720, "avc1"))).isEqualTo("Re.Zero.Starting.Life.in.Another.World.S02E13.720p.WEB-DL.H264.German-KANAL");
        assertThat(namer.standard(episode("Grey's Anatomy & Co: Ärzte", 0, 3, null, Language.ENGLISH_DUB, null, null)))
                .isEqualTo("Greys.Anatomy.and.Co.Aerzte.S00E03.WEB-DL.English-KANAL");
    }

    @Test
    void a_measured_height_is_named_by_the_resolution_the_arr_parsers_know() {
        assertThat(namer.standard(episode("Show", 1, 1, null, Language.GERMAN_DUB, 1072, "h264")))
                .isEqualTo("Show.S01E01.1080p.WEB-DL.H264.German-KANAL");
        assertThat(namer.standard(episode("Show", 1, 1, null, Language.GERMAN_DUB, 404, null)))
                .isEqualTo("Show.S01E01.480p.WEB-DL.German-KANAL");
    }

    @Test
    void anime_absolute_titles_follow_the_fansub_pattern() {
        assertThat(namer.absolute(episode("Attack on Titan", 2, 1, 4, Language.GERMAN_SUB, null, null)))
                .isEqualTo("[KANAL] Attack on Titan - 04 [WEB-DL][German Sub]");
        assertThat(namer.absolute(episode("One Piece", 1, 1, 1100, Language.GERMAN_SUB, 1080, "h264")))
                .isEqualTo("[KANAL] One Piece - 1100 [WEB-DL 1080p H264][German Sub]");
    }

    @Test
    void movies_carry_title_and_year() {
        Release movie = new Release(1, SiteId.MEGAKINO, "1-x", TitleKind.MOVIE, "Avengers: Endgame", 2019, null, null,
                null, 0, 0, 0, 0, null, Language.GERMAN_DUB, Instant.EPOCH, 2160, "av1", null, null, null);
        assertThat(namer.standard(movie)).isEqualTo("Avengers.Endgame.2019.2160p.WEB-DL.AV1.German-KANAL");
        assertThat(Categories.of(movie)).containsExactly(2000, 2045);
        assertThat(ItemFactory.size(movie)).isGreaterThan(ItemFactory.size(new Release(1, SiteId.MEGAKINO, "1-x",
                TitleKind.MOVIE, "X", 2019, null, null, null, 0, 0, 0, 0, null, Language.GERMAN_DUB, Instant.EPOCH, 720,
                null, null, null, null)));
    }

    @Test
    void a_title_in_another_script_falls_back_to_the_works_latin_name() {
        Map<Integer, List<String>> names = Map.of(1, List.of("進撃の巨人", "Shingeki no Kyojin"));
        ReleaseNamer withNames = new ReleaseNamer("KANAL", id -> names.getOrDefault(id, List.of()));
        assertThat(withNames.standard(episode("進撃の巨人", 1, 1, 1, Language.GERMAN_SUB, null, null)))
                .isEqualTo("Shingeki.no.Kyojin.S01E01.WEB-DL.German.Sub-KANAL");
        assertThat(withNames.absolute(episode("Тест", 1, 1, 1, Language.GERMAN_DUB, null, null)))
                .isEqualTo("[KANAL] Shingeki no Kyojin - 01 [WEB-DL][German]");
        // a Latin title stays, even with a few other letters in it
        assertThat(withNames.standard(episode("Frieren 葬送", 1, 1, null, Language.GERMAN_DUB, null, null)))
                .isEqualTo("Frieren.S01E01.WEB-DL.German-KANAL");
        // nothing Latin anywhere: still a parseable name, never an empty one
        assertThat(namer.standard(episode("進撃の巨人", 1, 1, null, Language.GERMAN_DUB, null, null)))
                .isEqualTo("Unknown.S01E01.WEB-DL.German-KANAL");
    }

    @Test
    void a_huge_site_title_is_capped_at_a_word() {
        String huge = "Word ".repeat(2000);
        String name = namer.standard(episode(huge, 1, 2, null, Language.GERMAN_DUB, null, null));
        assertThat(name).endsWith(".S01E02.WEB-DL.German-KANAL");
        assertThat(name.length()).isLessThanOrEqualTo(ReleaseNamer.MAX_TITLE + ".S01E02.WEB-DL.German-KANAL".length());
        assertThat(name).doesNotContain("..").startsWith("Word.Word.");
    }
}
