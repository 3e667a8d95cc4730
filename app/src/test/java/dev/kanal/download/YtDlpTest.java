package dev.kanal.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YtDlpTest {
    @Test
    void the_command_carries_headers_rate_limit_fragments_and_the_output_folder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Referer", "https://voe.example/e/1");
        headers.put("User-Agent", "Mozilla/5.0");
        headers.put("Origin", "https://voe.example");
        var cmd = new YtDlp("yt-dlp", "500K").command(new YtDlp.Request(URI.create("https://cdn.example/m.m3u8"),
                headers, Path.of("/d/.incomplete/h")), URI.create("http://127.0.0.1:4000"));
        assertThat(String.join(" ", cmd)).contains("--referer https://voe.example/e/1", "--user-agent Mozilla/5.0",
                "--add-headers Origin:https://voe.example", "--limit-rate 500K", "--concurrent-fragments 4",
                "--newline", "--progress-template", "--output /d/.incomplete/h/media.%(ext)s", "--continue",
                "--proxy http://127.0.0.1:4000", "--abort-on-unavailable-fragments");
        assertThat(cmd.get(cmd.size() - 2)).isEqualTo("--");
        assertThat(cmd.get(cmd.size() - 1)).isEqualTo("https://cdn.example/m.m3u8");
        assertThat(new YtDlp("yt-dlp", "").command(new YtDlp.Request(URI.create("https://x/y.mp4"), Map.of(),
                Path.of("/d")), URI.create("http://127.0.0.1:4000")).contains("--limit-rate")).isFalse();
    }

    @Test
    void progress_lines_parse_with_unknown_values() {
        assertThat(YtDlp.parse(" 1024 4096 NA 512.5 6")).contains(new DownloadProgress(1024, 4096, 512, 6));
        assertThat(YtDlp.parse(" 1024 NA 8000.0 NA NA")).contains(new DownloadProgress(1024, 8000, 0, -1));
        assertThat(YtDlp.parse("garbage")).isEmpty();
    }

    @Test
    void ffprobe_formats_map_to_real_extensions() {
        assertThat(FfProbe.extensionOf("mov,mp4,m4a,3gp,3g2,mj2")).isEqualTo("mp4");
        assertThat(FfProbe.extensionOf("matroska,webm")).isEqualTo("mkv");
        assertThat(FfProbe.extensionOf("mpegts")).isEqualTo("ts");
    }

    @org.junit.jupiter.api.Test
    void a_private_media_address_fails_before_yt_dlp_starts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var ytdlp = new YtDlp("/bin/false-never-started", "", false);
        var outcome = ytdlp.download(new YtDlp.Request(java.net.URI.create("http://127.0.0.1:1/video.mp4"),
                java.util.Map.of(), dir.resolve("incomplete")), new YtDlp.Listener() {
                    @Override
                    public void started(ProcessHandle process) {
                        throw new AssertionError("yt-dlp must not start");
                    }

                    @Override
                    public void progress(DownloadProgress p) {}
                });
        org.assertj.core.api.Assertions.assertThat(outcome).isInstanceOf(YtDlp.Outcome.Failed.class);
        org.assertj.core.api.Assertions.assertThat(((YtDlp.Outcome.Failed) outcome).message())
                .contains("refusing private address");
    }
}
