package dev.kanal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path dir;

    private ConfigValues values(Map<String, String> extra) {
        var env = new java.util.HashMap<>(Map.of("KANAL_DATA_DIR", dir.toString(),
                "KANAL_DOWNLOAD_DIR", dir.resolve("dl").toString()));
        env.putAll(extra);
        return new ConfigLoader(env).load(Optional.empty());
    }

    @Test
    void unset_secrets_are_generated_once_stored_privately_and_reused() throws Exception {
        ConfigValues first = values(Map.of());
        var generated = new SecretStore(dir).fill(first);
        assertThat(generated).extracting(g -> g.setting().env())
                .containsExactly("KANAL_API_KEY", "KANAL_QBIT_PASSWORD", "KANAL_SIGNING_KEY");
        Path file = dir.resolve("secrets.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        ConfigValues second = values(Map.of());
        assertThat(new SecretStore(dir).fill(second)).isEmpty();
        for (Setting<String> s : java.util.List.of(Settings.API_KEY, Settings.QBIT_PASSWORD, Settings.SIGNING_KEY)) {
            assertThat(second.get(s)).isEqualTo(first.get(s));
            assertThat(second.source(s)).isEqualTo(ConfigValues.Source.STORED);
        }
        assertThat(first.get(Settings.SIGNING_KEY)).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void a_configured_secret_is_used_and_not_stored() throws Exception {
        ConfigValues v = values(Map.of("KANAL_QBIT_PASSWORD", "hunter2"));
        new SecretStore(dir).fill(v);
        assertThat(v.get(Settings.QBIT_PASSWORD)).isEqualTo("hunter2");
        assertThat(Files.readString(dir.resolve("secrets.properties"))).doesNotContain("hunter2");
    }
}
