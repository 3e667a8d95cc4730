package dev.kanal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 point 2: no setting is ignored without a word. */
class EnvironmentNamesTest {
    @TempDir
    Path dir;

    private ConfigValues load(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return new ConfigLoader(env).load(Optional.empty());
    }

    @Test
    void a_name_a_letter_or_two_off_is_refused_with_the_name_it_meant() {
        assertThatThrownBy(() -> load("KANAL_DOWNLAOD_DIR", "/x")).isInstanceOf(ConfigException.class)
                .hasMessage("unknown setting KANAL_DOWNLAOD_DIR — did you mean KANAL_DOWNLOAD_DIR? (see docs/configuration.md)");
        assertThatThrownBy(() -> load("KANAL_PROT", "9000")).hasMessageContaining("did you mean KANAL_PORT?");
        assertThatThrownBy(() -> load("KANAL_HOSTER_ORDR", "VOE")).hasMessageContaining("did you mean KANAL_HOSTER_ORDER?");
    }

    @Test
    void every_setting_name_is_known_so_one_added_to_settings_is_known_too() {
        for (Setting<?> s : Settings.ALL) assertThat(EnvironmentNames.known()).contains(s.env());
        assertThat(EnvironmentNames.check(Map.of("KANAL_PORT", "8080", "KANAL_CONFIG", "/k.yaml"))).isEmpty();
    }

    @Test
    void another_unknown_name_is_one_warning_each() {
        ConfigValues values = load("KANAL_SOMETHING_ELSE", "1", "KANAL_FAVOURITE_COLOUR", "blue", "OTHER", "x");
        assertThat(values.notes()).containsExactly(
                "unknown setting KANAL_FAVOURITE_COLOUR is ignored (not a Kanal setting; see docs/configuration.md)",
                "unknown setting KANAL_SOMETHING_ELSE is ignored (not a Kanal setting; see docs/configuration.md)");
    }

    @Test
    void kubernetes_service_links_are_noted_and_never_stop_start_up() {
        ConfigValues values = load(
                "KANAL_PORT", "tcp://10.0.0.1:8080",
                "KANAL_SERVICE_HOST", "10.0.0.1",
                "KANAL_SERVICE_PORT", "8080",
                "KANAL_SERVICE_PORT_HTTP", "8080",
                "KANAL_PORT_8080_TCP", "tcp://10.0.0.1:8080",
                "KANAL_PORT_8080_TCP_PROTO", "tcp",
                "KANAL_PORT_8080_TCP_PORT", "8080",
                "KANAL_PORT_8080_TCP_ADDR", "10.0.0.1",
                "KANAL_DEMO_PORT", "tcp://10.0.0.2:80");
        assertThat(values.get(Settings.PORT)).isEqualTo(8080);
        assertThat(values.source(Settings.PORT)).isEqualTo(ConfigValues.Source.DEFAULT);
        assertThat(values.get(Settings.DEMO_PORT)).isZero();
        assertThat(values.notes()).singleElement().asString()
                .startsWith("ignoring Kubernetes service links KANAL_DEMO_PORT, KANAL_PORT, KANAL_PORT_8080_TCP,");
        // a real port number in KANAL_PORT is still the setting
        assertThat(load("KANAL_PORT", "9000").get(Settings.PORT)).isEqualTo(9000);
    }

    @Test
    void unknown_hoster_and_site_names_are_refused_with_did_you_mean() {
        assertThatThrownBy(() -> load("KANAL_HOSTER_ORDER", "VOE,Filemon")).hasMessage(
                "invalid KANAL_HOSTER_ORDER: 'VOE,Filemon' — unknown 'Filemon'; did you mean Filemoon?");
        assertThatThrownBy(() -> load("KANAL_HOSTER_ORDER", "VOE,Nothingburger"))
                .hasMessageStartingWith("invalid KANAL_HOSTER_ORDER: 'VOE,Nothingburger' — unknown 'Nothingburger'; expected");
        assertThatThrownBy(() -> load("KANAL_SITES", "aniwrld")).hasMessage(
                "invalid KANAL_SITES: 'aniwrld' — unknown 'aniwrld'; did you mean aniworld?");
        // aliases and any case are read as the hoster's own name
        assertThat(load("KANAL_HOSTER_ORDER", "voe, dood ,FILEMOON").get(Settings.HOSTER_ORDER))
                .containsExactly("VOE", "Doodstream", "Filemoon");
        assertThat(load().get(Settings.HOSTER_ORDER)).hasSize(9);
    }

    @Test
    void a_bad_subnet_in_the_auth_bypass_is_one_line() {
        for (String bad : new String[] {"10.0.0.0/33", "172.18.0.0/x", "300.1.1.1", "sonarr", "fd00::/129"}) {
            assertThatThrownBy(() -> load("KANAL_QBIT_AUTH_BYPASS", "localhost," + bad))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("invalid KANAL_QBIT_AUTH_BYPASS: 'localhost," + bad + "' — expected 'localhost' and/or "
                            + "addresses or subnets such as 172.18.0.0/16 or fd00::/8");
        }
        assertThat(load("KANAL_QBIT_AUTH_BYPASS", "localhost, 172.18.0.0/16,10.1.2.3,fd00::/8,::1")
                .get(Settings.QBIT_AUTH_BYPASS)).containsExactly("localhost", "172.18.0.0/16", "10.1.2.3", "fd00::/8", "::1");
    }

    @Test
    void the_public_url_follows_the_port_unless_set() {
        assertThat(load("KANAL_PORT", "9191").get(Settings.PUBLIC_URL)).hasToString("http://localhost:9191");
        assertThat(load("KANAL_PORT", "9191", "KANAL_PUBLIC_URL", "http://kanal:9191").get(Settings.PUBLIC_URL))
                .hasToString("http://kanal:9191");
    }

    @Test
    void a_loopback_public_url_is_warned_about_only_when_strm_is_on() {
        KanalConfig off = config("KANAL_PORT", "9191");
        assertThat(PublicUrlCheck.warning(off)).isEmpty();
        KanalConfig on = config("KANAL_STRM_MODE", "both");
        assertThat(PublicUrlCheck.warning(on)).get().asString()
                .startsWith("KANAL_PUBLIC_URL is http://localhost:8080: .strm files point there");
        assertThat(PublicUrlCheck.warning(config("KANAL_STRM_CATEGORIES", "tv-strm", "KANAL_PUBLIC_URL",
                "http://127.0.0.1:8080"))).isPresent();
        assertThat(PublicUrlCheck.warning(config("KANAL_STRM_MODE", "only", "KANAL_PUBLIC_URL",
                "http://192.168.1.5:8080"))).isEmpty();
    }

    private KanalConfig config(String... pairs) {
        ConfigValues values = load(pairs);
        new SecretStore(values.get(Settings.DATA_DIR)).fill(values);
        return KanalConfig.from(values);
    }
}
