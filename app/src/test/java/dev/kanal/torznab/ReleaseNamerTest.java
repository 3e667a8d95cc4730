package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.catalog.Release;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.time.Instant;
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
                .isEqualTo("Attack.on.Titan.S01E05.WEB-DL.GER.SUB-KANAL");
        assertThat(namer.standard(episode("Attack on Titan", 1, 5, 5, Language.ENGLISH_SUB, 1080, "hevc")))
                .isEqualTo("Attack.on.Titan.S01E05.1080p.WEB-DL.H265.ENG.SUB-KANAL");
        assertThat(namer.standard(episode("Re:Zero - Starting Life in Another World", 2, 13, null, Language.GERMAN_DUB,
                720, "avc1"))).isEqualTo("Re.Zero.Starting.Life.in.Another.World.S02E13.720p.WEB-DL.H264.GER-KANAL");
        assertThat(namer.standard(episode("Grey's Anatomy & Co: Ärzte", 0, 3, null, Language.ENGLISH_DUB, null, null)))
                .isEqualTo("Greys.Anatomy.and.Co.Aerzte.S00E03.WEB-DL.ENG-KANAL");
    }

    @Test
    void anime_absolute_titles_follow_the_fansub_pattern() {
        assertThat(namer.absolute(episode("Attack on Titan", 2, 1, 4, Language.GERMAN_SUB, null, null)))
                .isEqualTo("[KANAL] Attack on Titan - 04 [WEB-DL][GER.SUB]");
        assertThat(namer.absolute(episode("One Piece", 1, 1, 1100, Language.GERMAN_SUB, 1080, "h264")))
                .isEqualTo("[KANAL] One Piece - 1100 [WEB-DL 1080p H264][GER.SUB]");
    }

    @Test
    void movies_carry_title_and_year() {
        Release movie = new Release(1, SiteId.MEGAKINO, "1-x", TitleKind.MOVIE, "Avengers: Endgame", 2019, null, null,
                null, 0, 0, 0, 0, null, Language.GERMAN_DUB, Instant.EPOCH, 2160, "av1", null, null, null);
        assertThat(namer.standard(movie)).isEqualTo("Avengers.Endgame.2019.2160p.WEB-DL.AV1.GER-KANAL");
        assertThat(Categories.of(movie)).containsExactly(2000, 2045);
        assertThat(ItemFactory.size(movie)).isGreaterThan(ItemFactory.size(new Release(1, SiteId.MEGAKINO, "1-x",
                TitleKind.MOVIE, "X", 2019, null, null, null, 0, 0, 0, 0, null, Language.GERMAN_DUB, Instant.EPOCH, 720,
                null, null, null, null)));
    }
}
