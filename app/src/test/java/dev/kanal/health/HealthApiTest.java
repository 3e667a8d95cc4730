package dev.kanal.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.TestKanal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthApiTest {
    @TempDir
    static Path dir;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    @Test
    void health_reports_status_version_and_uptime() {
        var r = kanal.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"version\":").contains("\"uptime_seconds\":");
    }

    @Test
    void health_states_the_yt_dlp_and_ffmpeg_versions_the_container_runs() throws Exception {
        String ytdlp = ToolVersions.ask(java.util.List.of("yt-dlp", "--version"), false);
        assertThat(ytdlp).matches("\\d{4}\\.\\d{2}\\.\\d{2}.*");
        String body = "";
        for (int i = 0; i < 100 && !body.contains("\"yt_dlp\":\"" + ytdlp); i++) {
            body = kanal.get("/health").body();
            if (!body.contains("\"yt_dlp\":\"" + ytdlp)) Thread.sleep(100);
        }
        assertThat(body).contains("\"tools\":{", "\"yt_dlp\":\"" + ytdlp + "\"").containsPattern("\"ffmpeg\":\"\\d");
        assertThat(ToolVersions.versionWord("ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024")).isEqualTo("5.1.6-0+deb12u1");
        assertThat(ToolVersions.ask(java.util.List.of("/nonexistent/yt-dlp", "--version"), false)).isEqualTo("not found");
    }

    @Test
    void history_and_gauges_for_the_charts_and_prometheus() throws Exception {
        String history = "";
        for (int i = 0; i < 100 && !history.contains("\"at\""); i++) {
            history = kanal.get("/health/history").body();
            if (!history.contains("\"at\"")) Thread.sleep(100);
        }
        assertThat(history).contains("\"interval_seconds\":300", "\"points\":[{\"at\":", "\"completed\":0");
        String metrics = "";
        for (int i = 0; i < 100 && !metrics.contains("kanal_jobs{"); i++) {
            metrics = kanal.get("/metrics").body();
            if (!metrics.contains("kanal_jobs{")) Thread.sleep(100);
        }
        assertThat(metrics).contains("kanal_jobs{state=\"completed\"} 0.0");
    }

    @Test
    void ready_is_200_once_started() {
        var r = kanal.get("/ready");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"ready\":true");
    }

    @Test
    void metrics_are_prometheus_text_with_jvm_and_http_timings() {
        kanal.get("/health");
        var r = kanal.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count{")
                .contains("route=\"/health\"");
    }

    @Test
    void the_database_lives_in_the_data_directory() {
        assertThat(dir.resolve("data/kanal.sqlite")).exists();
    }
}
