package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.config.ConfigLoader;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.SecretStore;
import dev.kanal.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 point 4: the Connect view says when .strm files would point at localhost. */
class ConnectValuesTest {
    @TempDir
    Path dir;

    private KanalConfig config(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        ConfigValues values = new ConfigLoader(env).load(Optional.empty());
        new SecretStore(values.get(Settings.DATA_DIR)).fill(values);
        return KanalConfig.from(values);
    }

    @Test
    void a_loopback_public_url_with_strm_on_is_shown_as_a_warning() {
        ConnectValues strm = ConnectValues.of(config("KANAL_PORT", "9090", "KANAL_STRM_MODE", "both"));
        assertThat(strm.public_url()).isEqualTo("http://localhost:9090");
        assertThat(strm.qbit_port()).isEqualTo(9090);
        assertThat(strm.public_url_warning()).startsWith("KANAL_PUBLIC_URL is http://localhost:9090");
        assertThat(ConnectValues.of(config("KANAL_STRM_MODE", "both", "KANAL_PUBLIC_URL", "http://kanal:8080"))
                .public_url_warning()).isNull();
        assertThat(ConnectValues.of(config()).public_url_warning()).isNull();
    }
}
