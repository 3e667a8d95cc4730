package dev.kanal.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DownloadPathsTest {
    final Path root = Path.of("/srv/kanal/downloads");
    final DownloadPaths local = new DownloadPaths(root, "");
    final DownloadPaths mapped = new DownloadPaths(root, "/data/torrents/");

    @Test
    void category_folders_stay_inside_the_download_directory() {
        assertThat(local.categoryDefault("tv-sonarr")).isEqualTo(root.resolve("tv-sonarr"));
        assertThat(local.categoryDefault("anime/sub")).isEqualTo(root.resolve("anime/sub"));
        assertThat(local.categoryDefault("../../etc")).startsWithRaw(root);
        assertThat(local.categoryDefault("/etc")).startsWithRaw(root);
    }

    @Test
    void user_paths_outside_are_refused() {
        assertThat(local.resolveUserPath("/etc")).isEmpty();
        assertThat(local.resolveUserPath("../outside")).isEmpty();
        assertThat(local.resolveUserPath("/srv/kanal/downloads/../x")).isEmpty();
        assertThat(local.resolveUserPath("a\u0000b")).isEmpty();
        assertThat(local.resolveUserPath("movies")).contains(root.resolve("movies"));
        assertThat(local.resolveUserPath("/srv/kanal/downloads/tv")).contains(root.resolve("tv"));
    }

    @Test
    void public_paths_map_both_ways() {
        assertThat(mapped.toPublic(root.resolve("tv/file.mkv"))).isEqualTo("/data/torrents/tv/file.mkv");
        assertThat(mapped.toPublic(root)).isEqualTo("/data/torrents");
        assertThat(mapped.resolveUserPath("/data/torrents/movies")).contains(root.resolve("movies"));
        assertThat(mapped.resolveUserPath("/data/torrents/../x")).isEmpty();
        assertThat(local.toPublic(root.resolve("tv"))).isEqualTo(root.resolve("tv").toString());
    }

    @Test
    void the_incomplete_folder_is_below_the_save_path() {
        assertThat(local.incomplete(root.resolve("tv"), "ab".repeat(20)))
                .isEqualTo(root.resolve("tv/.incomplete/" + "ab".repeat(20)));
    }
}
