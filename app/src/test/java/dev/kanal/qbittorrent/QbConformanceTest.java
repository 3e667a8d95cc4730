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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line-by-line conformance with arr-protocols §A, §E: the exact key sets and JSON types qBittorrent
 * 5.1.4 sends, the error bodies, and the authorization headers Radarr (Basic) and Sonarr (Bearer API
 * key) attach.
 */
class QbConformanceTest {
    @TempDir
    static Path root;

    static TestKanal kanal;
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(root, Map.of(), Wiring.Overrides.none().withSources(new FakeSources()));
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    static String magnet(String slug) {
        var ep = new EpisodeAddress(SiteId.STO, slug, 1, 1);
        return CODEC.format(CODEC.create(slug + ".S01E01.GER.1080p.WEB.h264-KANAL", ep, Language.GERMAN_DUB,
                KanalMagnet.Mode.DOWNLOAD));
    }

    static QbClient client() {
        QbClient c = new QbClient(kanal);
        assertThat(c.login().body()).isEqualTo("Ok.");
        return c;
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** Adds a stopped torrent and returns its hash. */
    static String added(QbClient c, String slug) {
        String m = magnet(slug);
        assertThat(c.post("/api/v2/torrents/add", form("urls", m, "category", "tv-sonarr", "stopped", "True")).body())
                .isEqualTo("Ok.");
        return CODEC.parse(m).infoHash();
    }

    static void keys(JsonNode node, String kind, String keys, java.util.function.Predicate<JsonNode> type) {
        for (String k : keys.split(",\\s*")) {
            assertThat(node.has(k)).as(kind + " has " + k).isTrue();
            assertThat(type.test(node.get(k))).as(kind + "." + k + " type: " + node.get(k)).isTrue();
        }
    }

    @Test
    void info_element_has_every_5_1_4_key_with_its_type() {
        QbClient c = client();
        String hash = added(c, "keys-show");
        JsonNode t = json(c.get("/api/v2/torrents/info?hashes=" + hash)).get(0);
        keys(t, "info", "hash, infohash_v1, infohash_v2, name, magnet_uri, state, category, tags, save_path,"
                + " download_path, content_path, root_path, tracker, comment", JsonNode::isTextual);
        keys(t, "info", "size, dlspeed, upspeed, priority, num_seeds, num_complete, num_leechs, num_incomplete, eta,"
                + " added_on, completion_on, trackers_count, dl_limit, up_limit, downloaded, uploaded,"
                + " downloaded_session, uploaded_session, amount_left, completed, max_seeding_time,"
                + " max_inactive_seeding_time, seeding_time_limit, inactive_seeding_time_limit, seen_complete,"
                + " last_activity, total_size, time_active, seeding_time, reannounce", JsonNode::isIntegralNumber);
        keys(t, "info", "progress, ratio, popularity, max_ratio, ratio_limit, availability", JsonNode::isNumber);
        keys(t, "info", "seq_dl, f_l_piece_prio, super_seeding, force_start, auto_tmm, private, has_metadata",
                JsonNode::isBoolean);
        assertThat(t.path("hash").asText()).matches("[0-9a-f]{40}").isEqualTo(hash);
        assertThat(t.path("infohash_v1").asText()).isEqualTo(hash);
        assertThat(t.path("state").asText()).isEqualTo("stoppedDL");
        assertThat(t.path("eta").asLong()).isEqualTo(8_640_000L);
        assertThat(t.path("completion_on").asLong()).isEqualTo(-1);
        // seen_complete comes from the same date conversion as completion_on: -1 when there is none
        assertThat(t.path("seen_complete").asLong()).isEqualTo(-1);
        assertThat(t.path("seeding_time_limit").asLong()).isEqualTo(-2);
        assertThat(t.path("inactive_seeding_time_limit").asLong()).isEqualTo(-2);
    }

    @Test
    void properties_and_files_have_every_5_1_4_key() {
        QbClient c = client();
        String hash = added(c, "props-show");
        JsonNode p = json(c.get("/api/v2/torrents/properties?hash=" + hash));
        keys(p, "properties", "infohash_v1, infohash_v2, name, hash, save_path, download_path, comment, created_by",
                JsonNode::isTextual);
        keys(p, "properties", "time_elapsed, seeding_time, eta, nb_connections, nb_connections_limit,"
                + " total_downloaded, total_downloaded_session, total_uploaded, total_uploaded_session, dl_speed,"
                + " dl_speed_avg, up_speed, up_speed_avg, dl_limit, up_limit, total_wasted, seeds, seeds_total, peers,"
                + " peers_total, reannounce, total_size, pieces_num, piece_size, pieces_have, addition_date,"
                + " last_seen, completion_date, creation_date", JsonNode::isIntegralNumber);
        keys(p, "properties", "share_ratio, popularity, progress", JsonNode::isNumber);
        keys(p, "properties", "is_private, private, has_metadata", JsonNode::isBoolean);
        JsonNode files = json(c.get("/api/v2/torrents/files?hash=" + hash));
        assertThat(files.isArray()).isTrue();
        JsonNode f = files.get(0);
        keys(f, "files", "name", JsonNode::isTextual);
        keys(f, "files", "index, size, priority", JsonNode::isIntegralNumber);
        keys(f, "files", "progress, availability", JsonNode::isNumber);
        keys(f, "files", "is_seed", JsonNode::isBoolean);
        assertThat(f.path("piece_range").isArray()).isTrue();
        assertThat(f.path("name").asText()).doesNotStartWith("/");
    }

    @Test
    void preferences_have_every_key_the_research_lists() {
        JsonNode p = json(client().get("/api/v2/app/preferences"));
        keys(p, "preferences", "save_path, temp_path, torrent_content_layout, locale", JsonNode::isTextual);
        keys(p, "preferences", "temp_path_enabled, auto_tmm_enabled, add_stopped_enabled, add_to_top_of_queue, dht,"
                + " pex, lsd, queueing_enabled, max_ratio_enabled, max_seeding_time_enabled,"
                + " max_inactive_seeding_time_enabled, bypass_local_auth, web_ui_csrf_protection_enabled,"
                + " use_subcategories", JsonNode::isBoolean);
        keys(p, "preferences", "max_active_downloads, max_active_torrents, max_active_uploads, max_seeding_time,"
                + " max_inactive_seeding_time, max_ratio_act, web_ui_port, web_ui_session_timeout, listen_port",
                JsonNode::isIntegralNumber);
        keys(p, "preferences", "max_ratio", JsonNode::isNumber);
        keys(p, "preferences", "web_ui_username", JsonNode::isTextual);
    }

    @Test
    void category_entries_omit_download_path_as_webapi_2_11_4_does() {
        QbClient c = client();
        c.post("/api/v2/torrents/createCategory", form("category", "tv-conformance"));
        JsonNode cat = json(c.get("/api/v2/torrents/categories")).path("tv-conformance");
        assertThat(cat.path("name").asText()).isEqualTo("tv-conformance");
        assertThat(cat.path("savePath").isTextual()).isTrue();
        // before 2.11.10 download_path is absent, false or a path; never null
        assertThat(!cat.has("download_path") || cat.get("download_path").isBoolean()
                || cat.get("download_path").isTextual()).as(cat.toString()).isTrue();
    }

    @Test
    void radarrs_basic_header_with_blank_credentials_changes_nothing() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8));
        var probe = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/app/webapiVersion"))
                .header("Authorization", basic).GET().build());
        assertThat(probe.statusCode()).isEqualTo(403);
        assertThat(probe.body()).isEqualTo("Forbidden");
        String creds = "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestKanal.QBIT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var login = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/auth/login")).header("Authorization", creds)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + TestKanal.QBIT_PASSWORD))
                .build());
        assertThat(login.body()).isEqualTo("Ok.");
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).startsWith("SID=");
    }

    @Test
    void sonarrs_api_key_mode_sends_a_bearer_key_and_never_logs_in() {
        var version = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/app/webapiVersion"))
                .header("Authorization", "Bearer " + TestKanal.API_KEY).GET().build());
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).isEqualTo("2.11.4");
        var list = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/torrents/info?category=tv-sonarr"))
                .header("Authorization", "Bearer " + TestKanal.API_KEY).GET().build());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).isArray()).isTrue();
        var wrong = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/torrents/info"))
                .header("Authorization", "Bearer wrong-key").GET().build());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("Forbidden");
    }

    @Test
    void error_bodies_are_qbittorrents_status_texts() {
        QbClient c = client();
        var unknown = c.get("/api/v2/torrents/doesNotExist");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("Not Found");
        var wrongMethod = c.get("/api/v2/torrents/delete?hashes=all");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("Method Not Allowed");
        var missing = c.get("/api/v2/torrents/properties");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("Bad Request");
        var unknownHash = c.get("/api/v2/torrents/properties?hash=" + "a".repeat(40));
        assertThat(unknownHash.statusCode()).isEqualTo(404);
        assertThat(unknownHash.body()).isEqualTo("Not Found");
        var again = c.login();
        assertThat(again.body()).isEqualTo("Ok.");
    }

    @Test
    void info_private_and_include_trackers_behave_as_in_5_1_4() {
        QbClient c = client();
        String hash = added(c, "private-show");
        // Kanal's torrents are not private: private=true lists none of them, private=false all
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hash + "&private=true"))).isEmpty();
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hash + "&private=false"))).hasSize(1);
        JsonNode t = json(c.get("/api/v2/torrents/info?hashes=" + hash + "&includeTrackers=true")).get(0);
        assertThat(t.path("trackers").isArray()).as(t.toString()).isTrue();
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hash)).get(0).has("trackers")).isFalse();
    }

    @Test
    void a_limit_or_offset_that_is_not_a_number_counts_as_zero_like_qstring_toint() {
        QbClient c = client();
        String hash = added(c, "limit-show");
        var r = c.get("/api/v2/torrents/info?hashes=" + hash + "&limit=abc&offset=x");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).hasSize(1);
    }

    @Test
    void every_endpoint_ctrl_qbittorrent_calls_exists() {
        QbClient c = client();
        String hash = added(c, "ctrl-endpoints-show");
        for (String read : new String[] {"pieceStates", "pieceHashes"}) {
            var r = c.get("/api/v2/torrents/" + read + "?hash=" + hash);
            assertThat(r.statusCode()).as(read).isEqualTo(200);
            assertThat(json(r).isArray()).as(read).isTrue();
            assertThat(c.get("/api/v2/torrents/" + read + "?hash=" + "b".repeat(40)).statusCode()).as(read)
                    .isEqualTo(404);
        }
        JsonNode peers = json(c.get("/api/v2/sync/torrentPeers?hash=" + hash + "&rid=0"));
        assertThat(peers.path("peers").isObject()).isTrue();
        assertThat(peers.path("full_update").asBoolean()).isTrue();
        assertThat(c.get("/api/v2/sync/torrentPeers?hash=" + "b".repeat(40)).statusCode()).isEqualTo(404);
        assertThat(c.post("/api/v2/torrents/addTrackers", form("hash", hash, "urls", "http://t.example/a"))
                .statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/removeTrackers", form("hash", hash, "urls", "http://t.example/a"))
                .statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/filePrio", form("hash", hash, "id", "0", "priority", "1"))
                .statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/addTrackers", form("hash", "b".repeat(40), "urls", "http://t/a"))
                .statusCode()).isEqualTo(404);
        assertThat(c.post("/api/v2/torrents/filePrio", form("hash", hash)).statusCode()).isEqualTo(400);
    }

    @Test
    void a_base32_btih_is_listed_under_its_lower_case_hex_hash() {
        QbClient c = client();
        String m = magnet("base32-show");
        String hex = CODEC.parse(m).infoHash();
        String base32 = base32(java.util.HexFormat.of().parseHex(hex));
        assertThat(base32).hasSize(32);
        String b32magnet = m.replace("urn:btih:" + hex, "urn:btih:" + base32);
        assertThat(c.post("/api/v2/torrents/add", form("urls", b32magnet, "category", "tv-sonarr", "stopped", "False"))
                .body()).isEqualTo("Ok.");
        assertThat(c.get("/api/v2/torrents/properties?hash=" + hex).statusCode()).isEqualTo(200);
        JsonNode list = json(c.get("/api/v2/torrents/info?category=tv-sonarr&hashes=" + hex));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("hash").asText()).isEqualTo(hex);
    }

    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }
}
