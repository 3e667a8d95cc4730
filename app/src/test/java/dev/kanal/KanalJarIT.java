package dev.kanal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.KanalProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as a user would start it. */
class KanalJarIT {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void help_and_version_work() throws Exception {
        var help = KanalProcess.run(dir, Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage: kanal").contains("--config").contains("serve");
        var version = KanalProcess.run(dir, Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("kanal ");
        var probeHelp = KanalProcess.run(dir, Map.of(), "probe", "--help");
        assertThat(probeHelp.exitCode()).isZero();
        assertThat(probeHelp.stdout()).contains("--resolve").contains("--json");
        var badSite = KanalProcess.run(dir, Map.of(), "probe", "netflix", "x");
        assertThat(badSite.exitCode()).isEqualTo(2);
        assertThat(badSite.stderr()).contains("unknown site 'netflix'");
    }

    @Test
    void a_configuration_error_is_one_line_and_exit_code_2() throws Exception {
        for (var env : new Map[] {Map.of("KANAL_PORT", "http"), Map.of("KANAL_LOG_FORMAT", "xml"),
                Map.of("KANAL_DATA_DIR", "/proc/kanal-cannot-write")}) {
            @SuppressWarnings("unchecked")
            var r = KanalProcess.run(dir, (Map<String, String>) env);
            assertThat(r.exitCode()).as(env.toString()).isEqualTo(2);
            assertThat(r.stderr().strip().lines()).as(env.toString()).hasSize(1);
            assertThat(r.stderr()).startsWith("kanal: invalid KANAL_").doesNotContain("Exception").doesNotContain("\tat ");
        }
        Path bad = dir.resolve("kanal.yaml");
        Files.writeString(bad, "nonsense: [\n");
        var r = KanalProcess.run(dir, Map.of(), "--config", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("kanal: cannot read config file");
    }

    @Test
    void starts_on_an_empty_data_directory_keeps_secrets_across_restarts_and_exits_0_on_sigterm() throws Exception {
        Map<String, String> env = Map.of("KANAL_DATA_DIR", dir.resolve("data").toString(),
                "KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        String secrets;
        try (KanalProcess kanal = KanalProcess.start(dir, env)) {
            var health = http.send(HttpRequest.newBuilder(kanal.url("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            var metrics = http.send(HttpRequest.newBuilder(kanal.url("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("jvm_threads_live_threads");
            assertThat(kanal.log()).contains("generated KANAL_API_KEY").contains("<redacted>")
                    .contains(dir.resolve("data/secrets.properties").toString());
            secrets = Files.readString(dir.resolve("data/secrets.properties"));
            var stored = new java.util.Properties();
            stored.load(new java.io.StringReader(secrets));
            assertThat(stored.stringPropertyNames()).contains("KANAL_API_KEY", "KANAL_QBIT_PASSWORD");
            for (String name : stored.stringPropertyNames()) {
                assertThat(kanal.log()).as(name + " is not in the log").doesNotContain(stored.getProperty(name));
            }
            assertThat(metrics.body()).contains("kanal_auth_failures_total{reason=\"wrong_password\",surface=\"qbittorrent\"}");
            assertThat(kanal.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(kanal.log()).contains("Kanal stopped");
        }
        try (KanalProcess again = KanalProcess.start(dir, env)) {
            assertThat(Files.readString(dir.resolve("data/secrets.properties"))).isEqualTo(secrets);
            assertThat(again.log()).doesNotContain("generated KANAL_API_KEY");
            assertThat(again.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void a_damaged_database_is_one_line_naming_what_to_restore_and_exit_code_2() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("kanal.sqlite"), ("garbage, not SQLite " + "x".repeat(5000)).getBytes());
        var r = KanalProcess.run(dir, Map.of("KANAL_DATA_DIR", data.toString(),
                "KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).startsWith("kanal: database ").contains("is damaged").contains("restore")
                .doesNotContain("migration").doesNotContain("\tat ");
    }

    @Test
    void json_logs_when_asked() throws Exception {
        Map<String, String> env = Map.of("KANAL_DATA_DIR", dir.resolve("data").toString(),
                "KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString(), "KANAL_LOG_FORMAT", "json");
        try (KanalProcess kanal = KanalProcess.start(dir, env)) {
            http.send(HttpRequest.newBuilder(kanal.url("/health")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(kanal.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(kanal.log().lines().filter(l -> l.startsWith("{")).count()).isGreaterThan(3);
            assertThat(kanal.log()).contains("\"message\":\"Kanal ready");
        }
    }
}
