package dev.kanal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    private KanalConfig load(Map<String, String> env, Path file) {
        ConfigValues values = new ConfigLoader(env).load(Optional.ofNullable(file));
        new SecretStore(values.get(Settings.DATA_DIR)).fill(values);
        return KanalConfig.from(values);
    }

    @Test
    void defaults_apply_when_nothing_is_set() {
        KanalConfig c = load(env(), null);
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().publicUrl()).hasToString("http://localhost:8080");
        assertThat(c.qbittorrent().username()).isEqualTo("admin");
        assertThat(c.http().allowPrivateUpstreams()).isFalse();
        assertThat(c.sites().enabled()).containsExactly("aniworld", "sto", "megakino");
        assertThat(c.downloads().concurrency()).isEqualTo(3);
    }

    @Test
    void the_environment_wins_over_a_yaml_file() throws Exception {
        Path file = dir.resolve("kanal.yaml");
        Files.writeString(file, """
                server:
                  port: 9000
                  public_url: http://kanal.lan:9000/
                sites:
                  enabled: [sto, aniworld]
                http:
                  rate_limit: 0.5
                """);
        KanalConfig c = load(env("KANAL_PORT", "9100"), file);
        assertThat(c.server().port()).isEqualTo(9100);
        assertThat(c.server().publicUrl()).hasToString("http://kanal.lan:9000");
        assertThat(c.sites().enabled()).containsExactly("sto", "aniworld");
        assertThat(c.http().rateLimit()).isEqualTo(0.5);
    }

    @Test
    void a_toml_file_is_read() throws Exception {
        Path file = dir.resolve("kanal.toml");
        Files.writeString(file, """
                [downloads]
                concurrency = 5
                retry_delay = "2m"
                hoster_order = ["Filemoon", "VOE"]
                """);
        KanalConfig c = load(env(), file);
        assertThat(c.downloads().concurrency()).isEqualTo(5);
        assertThat(c.downloads().retryDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.downloads().hosterOrder()).isEqualTo(List.of("Filemoon", "VOE"));
    }

    @Test
    void kanal_config_names_the_file() throws Exception {
        Path file = dir.resolve("k.yml");
        Files.writeString(file, "server:\n  port: 7000\n");
        ConfigLoader loader = new ConfigLoader(env("KANAL_CONFIG", file.toString()));
        assertThat(loader.configFile(null)).contains(file);
        assertThat(loader.configFile(Path.of("/x.yaml"))).contains(Path.of("/x.yaml"));
    }

    @Test
    void a_value_that_is_not_a_number_names_variable_value_and_expectation() {
        assertThatThrownBy(() -> load(env("KANAL_PORT", "eighty"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid KANAL_PORT: 'eighty' — expected an integer from 0 to 65535");
    }

    @Test
    void an_unknown_enum_value_is_refused() {
        assertThatThrownBy(() -> load(env("KANAL_LOG_FORMAT", "xml"), null))
                .hasMessage("invalid KANAL_LOG_FORMAT: 'xml' — expected one of text, json");
        assertThatThrownBy(() -> load(env("KANAL_SITES", "aniworld,netflix"), null))
                .hasMessageStartingWith("invalid KANAL_SITES: 'aniworld,netflix'");
    }

    @Test
    void a_bad_boolean_url_or_duration_is_refused() {
        assertThatThrownBy(() -> load(env("KANAL_ALLOW_PRIVATE_UPSTREAMS", "maybe"), null))
                .hasMessageContaining("expected true, false, or a comma-separated list of addresses");
        assertThatThrownBy(() -> load(env("KANAL_PUBLIC_URL", "kanal:8080"), null))
                .hasMessageContaining("expected an absolute http:// or https:// URL");
        assertThatThrownBy(() -> load(env("KANAL_CATALOG_REFRESH", "often"), null))
                .hasMessageContaining("expected a duration");
    }

    @Test
    void a_directory_that_cannot_be_written_is_refused() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> load(env("KANAL_DOWNLOAD_DIR", file.resolve("sub").toString()), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid KANAL_DOWNLOAD_DIR: '" + file.resolve("sub") + "' — expected a directory");
    }

    @Test
    void a_file_value_error_names_the_file_and_key() throws Exception {
        Path file = dir.resolve("kanal.yaml");
        Files.writeString(file, "downloads:\n  concurrency: lots\n");
        assertThatThrownBy(() -> load(env(), file))
                .hasMessage("invalid KANAL_DOWNLOAD_CONCURRENCY (kanal.yaml: downloads.concurrency): 'lots'"
                        + " — expected an integer from 1 to 32");
    }

    @Test
    void an_unknown_key_or_broken_file_is_refused() throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "server:\n  prot: 1\n");
        assertThatThrownBy(() -> load(env(), typo)).hasMessageContaining("unknown setting 'server.prot'");
        Path broken = dir.resolve("broken.toml");
        Files.writeString(broken, "[server\nport = ");
        assertThatThrownBy(() -> load(env(), broken)).hasMessageStartingWith("cannot read config file");
        assertThatThrownBy(() -> load(env(), dir.resolve("kanal.ini"))).hasMessageContaining(".yaml, .yml or .toml");
    }

    @Test
    void secrets_are_redacted_in_the_effective_configuration() {
        ConfigValues values = new ConfigLoader(env("KANAL_API_KEY", "super-secret-api-key-123")).load(Optional.empty());
        new SecretStore(values.get(Settings.DATA_DIR)).fill(values);
        String text = values.describe();
        assertThat(text).contains("KANAL_API_KEY=<redacted>  [env]").doesNotContain("super-secret-api-key-123");
        assertThat(text).contains("KANAL_QBIT_PASSWORD=<redacted>  [generated]");
        assertThat(KanalConfig.from(values).security().toString()).doesNotContain("super-secret");
    }

    @Test
    void trusted_proxies_take_addresses_and_ranges_and_refuse_host_names_in_one_line() {
        assertThat(load(env(), null).security().trustedProxies()).isEmpty();
        assertThat(load(env("KANAL_TRUSTED_PROXIES", "172.18.0.0/16, localhost,::1"), null).security().trustedProxies())
                .containsExactly("172.18.0.0/16", "localhost", "::1");
        assertThatThrownBy(() -> load(env("KANAL_TRUSTED_PROXIES", "proxy.lan"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid KANAL_TRUSTED_PROXIES")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }
}
