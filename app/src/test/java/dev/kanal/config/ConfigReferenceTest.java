package dev.kanal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
    /** The committed reference is exactly what the code generates. */
    @Test
    void docs_configuration_md_matches_the_settings() throws Exception {
        Path docs = Path.of("..", "docs", "configuration.md");
        assertThat(docs).as("regenerate with: java -jar app/target/kanal.jar config-docs > docs/configuration.md")
                .exists();
        assertThat(Files.readString(docs))
                .as("docs/configuration.md is stale; regenerate with: java -jar app/target/kanal.jar config-docs > docs/configuration.md")
                .isEqualTo(ConfigReference.markdown());
    }

    @Test
    void every_setting_has_a_unique_name_key_and_a_description() {
        Set<String> envs = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Setting<?> s : Settings.ALL) {
            assertThat(envs.add(s.env())).as(s.env()).isTrue();
            assertThat(keys.add(s.key())).as(s.key()).isTrue();
            assertThat(s.description()).isNotBlank().doesNotContain("\n");
            if (!s.secret() && !s.defaultValue().isEmpty()) {
                s.type().parse(s.defaultValue()); // every default is valid
            }
        }
    }

    @Test
    void the_contract_names_exist_with_their_defaults() {
        assertThat(Settings.PORT.defaultValue()).isEqualTo("8080");
        assertThat(Settings.DATA_DIR.defaultValue()).isEqualTo("./data");
        assertThat(Settings.DOWNLOAD_DIR.defaultValue()).isEqualTo("./downloads");
        assertThat(Settings.PUBLIC_URL.defaultValue()).isEqualTo("http://localhost:8080");
        assertThat(Settings.QBIT_USERNAME.defaultValue()).isEqualTo("admin");
        assertThat(Settings.ALLOW_PRIVATE_UPSTREAMS.defaultValue()).isEqualTo("false");
        assertThat(Settings.ALL).extracting(Setting::env).contains("KANAL_API_KEY", "KANAL_QBIT_PASSWORD",
                "KANAL_HTTP_RATE_LIMIT", "KANAL_SKYHOOK_URL", "KANAL_STRM_MODE", "KANAL_DOWNLOAD_CONCURRENCY",
                "KANAL_QBIT_PUBLIC_SAVE_PATH", "KANAL_ANIWORLD_URL", "KANAL_STO_URL", "KANAL_MEGAKINO_URL",
                "KANAL_SITES", "KANAL_LOG_FORMAT");
    }
}
