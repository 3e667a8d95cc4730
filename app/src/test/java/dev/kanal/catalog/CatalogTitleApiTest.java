package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/catalog/{site}/{slug}}: one title as stage 2 stored it, hosters per language included. */
class CatalogTitleApiTest {
    @TempDir
    static Path dir;

    static TestKanal kanal;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Set<Language> both = Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB);
        TitleDetail base = FakeSite.series(SiteId.ANIWORLD, "lantern", "Lantern Keepers", List.of("Laternen"), 2021,
                ExternalIds.NONE, both, 1);
        TitleDetail detail = new TitleDetail(base.title(), null, List.of(new SeasonRef(1, List.of(
                new EpisodeRef(1, 1, "Licht", "Light", both, HosterHints.ofRow(both, List.of("VOE", "Filemoon")))))));
        FakeSite aniworld = new FakeSite(SiteId.ANIWORLD).put(detail);
        kanal = TestKanal.start(dir, Map.of("KANAL_SKYHOOK_URL", "http://127.0.0.1:9"),
                new Providers(List.of(aniworld), new HosterRegistry(List.of())));
        CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    private static JsonNode get(String path) throws Exception {
        var r = kanal.send(HttpRequest.newBuilder(kanal.url(path)).header("X-Api-Key", TestKanal.API_KEY).GET().build());
        JsonNode body = JSON.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", r.statusCode());
        return body;
    }

    @Test
    void a_title_shows_its_stages_episodes_and_hosters_per_language() throws Exception {
        JsonNode t = get("/api/catalog/aniworld/lantern");
        assertThat(t.path("_status").asInt()).isEqualTo(200);
        assertThat(t.path("title").asText()).isEqualTo("Lantern Keepers");
        assertThat(t.path("kind").asText()).isEqualTo("series");
        assertThat(t.path("names").toString()).contains("Laternen");
        assertThat(t.path("details").path("state").asText()).isEqualTo("ready");
        assertThat(t.path("details").path("at").isTextual()).isTrue();
        JsonNode e = t.path("episodes").get(0);
        assertThat(e.path("season").asInt()).isEqualTo(1);
        assertThat(e.path("tvdb_episode").asInt()).isEqualTo(1);
        assertThat(e.path("title_de").asText()).isEqualTo("Licht");
        assertThat(e.path("languages")).hasSize(2);
        for (JsonNode l : e.path("languages")) {
            assertThat(l.path("hosters").toString()).isEqualTo("[\"VOE\",\"Filemoon\"]");
            assertThat(l.path("hosters_paired").asBoolean()).isFalse();
            assertThat(l.path("first_seen").isTextual()).isTrue();
        }
    }

    @Test
    void unknown_sites_and_titles_are_404_problems_and_the_key_is_required() throws Exception {
        JsonNode site = get("/api/catalog/kinox/lantern");
        assertThat(site.path("_status").asInt()).isEqualTo(404);
        assertThat(site.path("detail").asText()).contains("aniworld");
        JsonNode title = get("/api/catalog/aniworld/no-such-title");
        assertThat(title.path("_status").asInt()).isEqualTo(404);
        assertThat(title.path("detail").asText()).contains("no-such-title");
        var anonymous = kanal.get("/api/catalog/aniworld/lantern");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Lantern");
    }
}
