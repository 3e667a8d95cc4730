package dev.kanal.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityTagsTest {
    @Test
    void a_scene_title_gets_the_measured_resolution_and_codec() {
        assertThat(QualityTags.measured("Show.S01E05.WEB-DL.German-KANAL", 1080, "h264"))
                .isEqualTo("Show.S01E05.1080p.WEB-DL.H264.German-KANAL");
        assertThat(QualityTags.measured("Avengers.Endgame.2019.WEB-DL.German-KANAL", 2160, "hevc"))
                .isEqualTo("Avengers.Endgame.2019.2160p.WEB-DL.H265.German-KANAL");
    }

    @Test
    void a_title_that_guessed_another_quality_is_corrected() {
        assertThat(QualityTags.measured("Show.S01E05.1080p.WEB-DL.H265.German.Sub-KANAL", 720, "avc1"))
                .isEqualTo("Show.S01E05.720p.WEB-DL.H264.German.Sub-KANAL");
        assertThat(QualityTags.measured("Show.S01E05.720p.WEB-DL.H264.German-KANAL", 1072, null))
                .isEqualTo("Show.S01E05.1080p.WEB-DL.German-KANAL");
    }

    @Test
    void the_anime_form_keeps_its_brackets() {
        assertThat(QualityTags.measured("[KANAL] Show - 05 [WEB-DL][German Sub]", 1080, "h264"))
                .isEqualTo("[KANAL] Show - 05 [WEB-DL 1080p H264][German Sub]");
        assertThat(QualityTags.measured("[KANAL] Show - 05 [WEB-DL 480p VP9][German]", 720, "av1"))
                .isEqualTo("[KANAL] Show - 05 [WEB-DL 720p AV1][German]");
    }

    @Test
    void unknown_heights_and_foreign_titles_stay_as_they_are() {
        assertThat(QualityTags.measured("Show.S01E05.WEB-DL.German-KANAL", 0, "h264"))
                .isEqualTo("Show.S01E05.WEB-DL.German-KANAL");
        assertThat(QualityTags.measured("Show S01E03 GER 1080p WEB h264-KANAL", 720, "h264"))
                .isEqualTo("Show S01E03 GER 1080p WEB h264-KANAL");
    }

    @Test
    void heights_map_to_the_resolutions_sonarr_and_radarr_parse() {
        assertThat(QualityTags.resolution(360)).isEqualTo("480p");
        assertThat(QualityTags.resolution(576)).isEqualTo("576p");
        assertThat(QualityTags.resolution(720)).isEqualTo("720p");
        assertThat(QualityTags.resolution(800)).isEqualTo("720p");
        assertThat(QualityTags.resolution(1080)).isEqualTo("1080p");
        assertThat(QualityTags.resolution(2160)).isEqualTo("2160p");
        assertThat(QualityTags.resolution(null)).isNull();
    }
}
