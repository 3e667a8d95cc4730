package dev.kanal.qbittorrent;

import static dev.kanal.testing.QbClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.Wiring;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: malformed magnets on the add path, 5.1.4's preferences, offset and repeated keys as qBittorrent reads them. */
class QbFidelityTest {
    @TempDir
    static Path root;

    static TestKanal kanal;
    static QbClient qb;
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(root, Map.of(), Wiring.Overrides.none().withSources(new FakeSources()));
        qb = new QbClient(kanal);
        assertThat(qb.login().body()).isEqualTo("Ok.");
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    static String magnet(String slug, int episode) {
        return CODEC.format(CODEC.create(slug + " S01E0" + episode, new EpisodeAddress(SiteId.ANIWORLD, slug, 1, episode),
                Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD));
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @Test
    void malformed_magnets_fail_and_nothing_is_stored() {
        int before = json(qb.get("/api/v2/torrents/info")).size();
        String good = magnet("malformed", 1);
        String[] bad = {
            good.replace("kanal_site=aniworld", "kanal_site=aniworld%00"),
            good.replace("kanal_lang=German%20Dub", "kanal_lang=German%20Dub%00"),
            good.replace("kanal_slug=malformed", "kanal_slug=malformed%0D%0AINFO%20forged"),
            good + "&kanal_slug=other",
            good + "&kanal_slug=malformed",
            good.replace("&kanal_e=1", "&kanal_e="),
            good.replace("kanal_e=1", "kanal_e=0"),
        };
        for (String m : bad) {
            assertThat(qb.post("/api/v2/torrents/add", form("urls", m)).body()).as(m).isEqualTo("Fails.");
        }
        assertThat(json(qb.get("/api/v2/torrents/info"))).hasSize(before);
    }

    @Test
    void preferences_carry_every_key_of_5_1_4_and_the_port_kanal_listens_on() {
        JsonNode p = json(qb.get("/api/v2/app/preferences"));
        List<String> keys = new ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).hasSize(221).contains("up_limit", "dl_limit", "scan_dirs", "max_ratio_act", "dht",
                "web_ui_port", "listen_port", "dht_bootstrap_nodes", "torrent_content_remove_option");
        assertThat(p.path("up_limit").isInt()).isTrue();
        assertThat(p.path("dl_limit").asInt()).isZero();
        assertThat(p.path("scan_dirs").isObject()).isTrue();
        assertThat(p.path("dht").asBoolean()).isTrue();
        assertThat(p.path("queueing_enabled").asBoolean()).isTrue();
        assertThat(p.path("web_ui_port").asInt()).isEqualTo(kanal.baseUrl().getPort()).isNotEqualTo(8080);
    }

    @Test
    void offset_past_the_end_starts_from_the_first_torrent_and_a_repeated_key_takes_the_last_value() {
        for (int e = 1; e <= 3; e++) {
            assertThat(qb.post("/api/v2/torrents/add", Map.of("urls", magnet("paged", e), "category", "paged")).body())
                    .isEqualTo("Ok.");
        }
        JsonNode all = json(qb.get("/api/v2/torrents/info?category=paged&sort=name"));
        assertThat(all).hasSize(3);
        JsonNode past = json(qb.get("/api/v2/torrents/info?category=paged&sort=name&offset=10&limit=2"));
        assertThat(past).hasSize(2);
        assertThat(past.get(0).path("name").asText()).isEqualTo(all.get(0).path("name").asText());
        assertThat(json(qb.get("/api/v2/torrents/info?category=paged&sort=name&offset=-1")))
                .singleElement().satisfies(t -> assertThat(t.path("name").asText()).isEqualTo(all.get(2).path("name").asText()));
        assertThat(json(qb.get("/api/v2/torrents/info?category=paged&sort=name&offset=-10"))).hasSize(3);
        // a key given twice: the last value counts, in the query and in a form body
        assertThat(json(qb.get("/api/v2/torrents/info?category=nothing&category=paged"))).hasSize(3);
        HttpResponse<String> posted = kanal.send(java.net.http.HttpRequest.newBuilder(
                        kanal.url("/api/v2/torrents/info")).header("Cookie", qb.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("limit=3&limit=1&category=paged")).build());
        assertThat(json(posted)).hasSize(1);
    }
}
