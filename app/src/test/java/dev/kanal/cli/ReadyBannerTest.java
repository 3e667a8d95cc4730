package dev.kanal.cli;

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

/** Issue 16 point 6: once ready, Kanal says where to go and how to log in, never the password. */
class ReadyBannerTest {
    @TempDir
    Path dir;

    private String banner(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        ConfigValues values = new ConfigLoader(env).load(Optional.empty());
        new SecretStore(values.get(Settings.DATA_DIR)).fill(values);
        KanalConfig config = KanalConfig.from(values);
        return ReadyBanner.text(config, values, config.server().port());
    }

    @Test
    void names_the_page_the_user_and_where_the_password_is() {
        String generated = banner("KANAL_PORT", "9123");
        assertThat(generated).contains("Kanal is ready: open http://localhost:9123/ and log in with user 'admin' and "
                + "the password in " + dir.resolve("data/secrets.properties") + " (KANAL_QBIT_PASSWORD).");
        String own = banner("KANAL_QBIT_PASSWORD", "hunter2-secret", "KANAL_PUBLIC_URL", "http://kanal:8080");
        assertThat(own).contains("open http://kanal:8080/ (on this machine: http://localhost:8080/)",
                "the password you set in KANAL_QBIT_PASSWORD").doesNotContain("hunter2-secret");
    }
}
