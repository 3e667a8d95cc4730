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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The qBittorrent WebAPI as Sonarr, Radarr and @ctrl/qbittorrent use it (arr-protocols §A, §D, §E, §F). */
class QbApiTest {
    @TempDir
    static Path root;

    static TestKanal kanal;
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();
    static final FakeSources SOURCES = new FakeSources();

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(root, Map.of(), Wiring.Overrides.none().withSources(SOURCES));
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    static String magnet(String slug, int episode) {
        return magnet(slug, episode, KanalMagnet.Mode.DOWNLOAD);
    }

    static String magnet(String slug, int episode, KanalMagnet.Mode mode) {
        var ep = new EpisodeAddress(SiteId.STO, slug, 1, episode);
        String title = slug + ".S01E" + String.format("%02d", episode) + ".GER.1080p.WEB.h264-KANAL";
        return CODEC.format(CODEC.create(title, ep, Language.GERMAN_DUB, mode));
    }

    static String hashOf(String magnet) {
        return CODEC.parse(magnet).infoHash();
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

    @Test
    void probe_without_session_is_403_never_401_or_404() {
        QbClient anon = new QbClient(kanal);
        var r = anon.get("/api/v2/app/webapiVersion");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Forbidden");
        assertThat(anon.get("/api/v2/torrents/info").statusCode()).isEqualTo(403);
        assertThat(anon.get("/api/v2/nothing/here").statusCode()).isEqualTo(403);
        assertThat(anon.post("/api/v2/torrents/add", form("urls", magnet("probe", 1))).statusCode()).isEqualTo(403);
    }

    @Test
    void login_answers_ok_with_an_httponly_sid_cookie_or_fails_without_one() {
        QbClient c = new QbClient(kanal);
        var bad = c.login("admin", "wrong");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).isEqualTo("Fails.");
        assertThat(bad.headers().firstValue("Set-Cookie")).isEmpty();
        var good = c.login();
        assertThat(good.body()).isEqualTo("Ok.");
        String cookie = good.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SID=").contains("HttpOnly").containsIgnoringCase("path=/");
        assertThat(c.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
    }

    @Test
    void an_unknown_session_gets_403_and_a_new_login_recovers() {
        QbClient c = client();
        c.cookie("SID=not-a-session");
        assertThat(c.get("/api/v2/torrents/info").statusCode()).isEqualTo(403);
        c.login();
        assertThat(c.get("/api/v2/torrents/info").statusCode()).isEqualTo(200);
    }

    @Test
    void logout_ends_the_session() {
        QbClient c = client();
        assertThat(c.post("/api/v2/auth/logout", Map.of()).statusCode()).isEqualTo(200);
        assertThat(c.get("/api/v2/app/version").statusCode()).isEqualTo(403);
    }

    @Test
    void version_endpoints_present_as_qbittorrent_5_1_4() {
        QbClient c = client();
        assertThat(c.get("/api/v2/app/version").body()).isEqualTo("v5.1.4");
        assertThat(c.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
        JsonNode build = json(c.get("/api/v2/app/buildInfo"));
        assertThat(build.path("bitness").asInt()).isEqualTo(64);
        assertThat(build.has("libtorrent")).isTrue();
    }

    @Test
    void preferences_pass_sonarrs_test() {
        JsonNode p = json(client().get("/api/v2/app/preferences"));
        assertThat(p.path("dht").asBoolean()).isTrue();
        assertThat(p.path("queueing_enabled").asBoolean()).isTrue();
        assertThat(p.path("max_ratio_act").asInt()).isZero();
        assertThat(p.path("max_ratio_enabled").asBoolean()).isFalse();
        assertThat(p.path("max_seeding_time_enabled").asBoolean()).isFalse();
        assertThat(p.path("save_path").asText()).isEqualTo(kanal.config().storage().downloadDir().toString());
        for (String key : new String[] {"max_ratio", "max_seeding_time", "max_inactive_seeding_time_enabled",
                "max_inactive_seeding_time"}) {
            assertThat(p.has(key)).as(key).isTrue();
        }
        assertThat(client().post("/api/v2/app/setPreferences", form("json", "{\"dht\":false}")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void errors_are_plain_text_404_405_400() {
        QbClient c = client();
        var unknown = c.get("/api/v2/torrents/doesNotExist");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        var wrongMethod = c.get("/api/v2/torrents/add");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        var missing = c.get("/api/v2/torrents/properties");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(c.post("/api/v2/torrents/delete", Map.of()).statusCode()).isEqualTo(400);
        assertThat(c.get("/api/v2/torrents/properties?hash=" + "0".repeat(40)).statusCode()).isEqualTo(404);
        assertThat(c.get("/api/v2/torrents/files?hash=" + "0".repeat(40)).statusCode()).isEqualTo(404);
        assertThat(c.get("/api/v2/torrents/info?sort=nonsense").statusCode()).isIn(200, 400);
    }

    @Test
    void sonarr_test_sequence_creates_and_finds_its_category() {
        QbClient c = new QbClient(kanal);
        assertThat(c.get("/api/v2/app/webapiVersion").statusCode()).isEqualTo(403);
        assertThat(c.login().body()).isEqualTo("Ok.");
        assertThat(c.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
        assertThat(c.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
        assertThat(json(c.get("/api/v2/app/preferences")).path("dht").asBoolean()).isTrue();
        JsonNode cats = json(c.get("/api/v2/torrents/categories"));
        assertThat(cats.isObject()).isTrue();
        if (!cats.has("tv-sonarr")) {
            assertThat(c.post("/api/v2/torrents/createCategory", form("category", "tv-sonarr")).statusCode())
                    .isEqualTo(200);
        }
        JsonNode after = json(c.get("/api/v2/torrents/categories"));
        assertThat(after.path("tv-sonarr").path("name").asText()).isEqualTo("tv-sonarr");
        assertThat(after.path("tv-sonarr").path("savePath").asText())
                .isEqualTo(kanal.config().storage().downloadDir().resolve("tv-sonarr").toString());
        assertThat(json(c.get("/api/v2/torrents/info?category=tv-sonarr")).isArray()).isTrue();
    }

    @Test
    void sonarr_grab_is_listed_the_moment_add_returns() {
        QbClient c = client();
        String m = magnet("grab-show", 1);
        String hash = hashOf(m);
        assertThat(c.post("/api/v2/torrents/add", form("urls", m, "category", "tv-sonarr", "stopped", "False"))
                .body()).isEqualTo("Ok.");
        assertThat(c.get("/api/v2/torrents/properties?hash=" + hash).statusCode()).isEqualTo(200);
        JsonNode list = json(c.get("/api/v2/torrents/info?category=tv-sonarr"));
        JsonNode t = find(list, hash);
        assertThat(t).isNotNull();
        assertThat(t.path("name").asText()).isEqualTo("grab-show.S01E01.GER.1080p.WEB.h264-KANAL");
        assertThat(t.path("eta").isIntegralNumber()).isTrue();
        assertThat(t.path("tags").isTextual()).isTrue();
        assertThat(t.has("added_on")).isTrue();
        assertThat(t.has("completion_on")).isTrue();
        assertThat(t.path("save_path").asText()).endsWith("tv-sonarr");
        assertThat(t.path("content_path").asText()).isNotEqualTo(t.path("save_path").asText());
    }

    @Test
    void long_magnets_arrive_as_multipart_and_upper_case_or_base32_hashes_are_accepted() {
        QbClient c = client();
        String m = magnet("multipart-show", 1) + "&tr=" + "http%3A%2F%2Ftracker.example%2Fannounce".repeat(30);
        assertThat(m.length()).isGreaterThan(1024);
        assertThat(c.multipart("/api/v2/torrents/add", Map.of("urls", m, "category", "tv-sonarr", "stopped", "False"))
                .body()).isEqualTo("Ok.");
        assertThat(c.get("/api/v2/torrents/properties?hash=" + hashOf(m)).statusCode()).isEqualTo(200);

        String upper = magnet("upper-show", 1);
        String hash = hashOf(upper);
        upper = upper.replace(hash, hash.toUpperCase());
        assertThat(c.post("/api/v2/torrents/add", form("urls", upper)).body()).isEqualTo("Ok.");
        assertThat(find(json(c.get("/api/v2/torrents/info?hashes=" + hash.toUpperCase())), hash)).isNotNull();
    }

    @Test
    void several_magnets_in_one_add_and_duplicates_are_not_created_twice() {
        QbClient c = client();
        String a = magnet("multi-a", 1);
        String b = magnet("multi-b", 1);
        assertThat(c.post("/api/v2/torrents/add", form("urls", a + "\n" + b)).body()).isEqualTo("Ok.");
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hashOf(a) + "%7C" + hashOf(b)))).hasSize(2);
        assertThat(c.post("/api/v2/torrents/add", form("urls", a)).body()).isEqualTo("Fails.");
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hashOf(a)))).hasSize(1);
    }

    @Test
    void the_same_episode_under_another_hash_fails_like_a_duplicate_while_its_job_is_live() {
        QbClient c = client();
        int before = json(c.get("/api/v2/torrents/info")).size();
        String first = magnet("dup-episode", 1);
        assertThat(c.post("/api/v2/torrents/add", form("urls", first, "stopped", "true")).body()).isEqualTo("Ok.");
        String hash = hashOf(first);
        for (int i = 0; i < 20; i++) {
            String other = String.format("%040x", i + 1);
            String again = first.replace(hash, other);
            assertThat(hashOf(again)).isEqualTo(other);
            assertThat(c.post("/api/v2/torrents/add", form("urls", again, "stopped", "true")).body()).isEqualTo("Fails.");
        }
        assertThat(json(c.get("/api/v2/torrents/info"))).hasSize(before + 1);

        // another language or the .strm mode of the same episode is another job
        String strm = magnet("dup-episode", 1, KanalMagnet.Mode.STRM);
        assertThat(c.post("/api/v2/torrents/add", form("urls", strm, "stopped", "true")).body()).isEqualTo("Ok.");
        assertThat(json(c.get("/api/v2/torrents/info"))).hasSize(before + 2);
    }

    @Test
    void magnets_naming_nothing_kanal_can_fetch_fail_and_list_nothing() {
        QbClient c = client();
        int before = json(c.get("/api/v2/torrents/info")).size();
        String good = magnet("bad-magnets", 1);
        String[] bad = {
            "http://example.com/file.torrent",
            "magnet:?xt=urn:btih:1234&dn=x&kanal_site=sto&kanal_slug=a&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            good.replace("&kanal_site=sto", ""),
            good.replace("kanal_slug=bad-magnets", "kanal_slug="),
            good.replace("&kanal_lang=German%20Dub", ""),
            good.replace("kanal_site=sto", "kanal_site=netflix"),
            good.replace("kanal_lang=German%20Dub", "kanal_lang=Klingon"),
            good.replace("kanal_e=1", "kanal_e=one"),
            good.replace("kanal_slug=bad-magnets", "kanal_slug=..%2F..%2Fetc"),
            good.replace("kanal_slug=bad-magnets", "kanal_slug=a%00b"),
            "magnet:?xt=urn:btih:" + "a".repeat(40) + "&dn=plain-torrent",
        };
        for (String m : bad) {
            assertThat(c.post("/api/v2/torrents/add", form("urls", m)).body()).as(m).isEqualTo("Fails.");
        }
        assertThat(json(c.get("/api/v2/torrents/info"))).hasSize(before);
    }

    @Test
    void torrent_files_are_refused_under_any_field_name() {
        QbClient c = client();
        byte[] torrent = "d4:infod4:name1:xee".getBytes();
        assertThat(c.multipart("/api/v2/torrents/add", Map.of("torrents", torrent, "category", "tv-sonarr")).body())
                .isEqualTo("Fails.");
        assertThat(c.multipart("/api/v2/torrents/add", Map.of("file", torrent)).body()).isEqualTo("Fails.");
    }

    @Test
    void category_filter_is_exact_empty_or_prefix() {
        QbClient c = client();
        String plain = magnet("cat-none", 1);
        String sub = magnet("cat-sub", 1);
        String other = magnet("cat-other", 1);
        c.post("/api/v2/torrents/add", form("urls", plain, "stopped", "True"));
        c.post("/api/v2/torrents/add", form("urls", sub, "category", "anime/sub", "stopped", "True"));
        c.post("/api/v2/torrents/add", form("urls", other, "category", "animeX", "stopped", "True"));
        JsonNode none = json(c.get("/api/v2/torrents/info?category="));
        assertThat(find(none, hashOf(plain))).isNotNull();
        assertThat(find(none, hashOf(sub))).isNull();
        JsonNode anime = json(c.get("/api/v2/torrents/info?category=anime"));
        assertThat(find(anime, hashOf(sub))).isNotNull();
        assertThat(find(anime, hashOf(other))).isNull();
        JsonNode stopped = json(c.get("/api/v2/torrents/info?filter=stopped&hashes=" + hashOf(sub)));
        assertThat(stopped.get(0).path("state").asText()).isEqualTo("stoppedDL");
        assertThat(json(c.get("/api/v2/torrents/categories")).has("anime/sub")).isTrue();
    }

    @Test
    void sort_reverse_limit_and_offset_page_the_list() {
        QbClient c = client();
        for (int i = 1; i <= 3; i++) c.post("/api/v2/torrents/add", form("urls", magnet("page", i), "category", "paging",
                "stopped", "True"));
        JsonNode sorted = json(c.get("/api/v2/torrents/info?category=paging&sort=name&reverse=true"));
        assertThat(sorted.get(0).path("name").asText()).contains("E03");
        JsonNode page = json(c.get("/api/v2/torrents/info?category=paging&sort=name&limit=1&offset=1"));
        assertThat(page).hasSize(1);
        assertThat(page.get(0).path("name").asText()).contains("E02");
        JsonNode last = json(c.get("/api/v2/torrents/info?category=paging&sort=name&offset=-1"));
        assertThat(last.get(0).path("name").asText()).contains("E03");
    }

    @Test
    void delete_without_delete_files_works_and_a_later_add_starts_fresh() {
        QbClient c = client();
        String m = magnet("delete-show", 1);
        String hash = hashOf(m);
        c.post("/api/v2/torrents/add", form("urls", m, "stopped", "True"));
        assertThat(c.post("/api/v2/torrents/delete", form("hashes", hash)).statusCode()).isEqualTo(200);
        assertThat(c.get("/api/v2/torrents/properties?hash=" + hash).statusCode()).isEqualTo(404);
        assertThat(c.post("/api/v2/torrents/add", form("urls", m, "stopped", "True")).body()).isEqualTo("Ok.");
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hash)).get(0).path("state").asText())
                .isEqualTo("stoppedDL");
        assertThat(c.post("/api/v2/torrents/delete", form("hashes", "0".repeat(40), "deleteFiles", "false"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void stop_and_start_switch_between_stopped_and_queued() {
        QbClient c = client();
        String m = magnet("stop-start", 1);
        String hash = hashOf(m);
        c.post("/api/v2/torrents/add", form("urls", m, "paused", "true"));
        assertThat(state(c, hash)).isEqualTo("stoppedDL");
        c.post("/api/v2/torrents/start", form("hashes", hash));
        assertThat(state(c, hash)).isNotEqualTo("stoppedDL");
        c.post("/api/v2/torrents/pause", form("hashes", hash));
        assertThat(state(c, hash)).isIn("stoppedDL", "error");
    }

    @Test
    void set_category_needs_an_existing_category() {
        QbClient c = client();
        String m = magnet("set-cat", 1);
        c.post("/api/v2/torrents/add", form("urls", m, "stopped", "True"));
        c.post("/api/v2/torrents/createCategory", form("category", "sonarr-imported"));
        assertThat(c.post("/api/v2/torrents/setCategory", form("hashes", hashOf(m), "category", "sonarr-imported"))
                .statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/setCategory", form("hashes", hashOf(m), "category", "missing"))
                .statusCode()).isEqualTo(409);
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hashOf(m))).get(0).path("category").asText())
                .isEqualTo("sonarr-imported");
    }

    @Test
    void categories_are_created_edited_and_removed_like_qbittorrent() {
        QbClient c = client();
        assertThat(c.post("/api/v2/torrents/createCategory", form("category", "")).statusCode()).isEqualTo(400);
        assertThat(c.post("/api/v2/torrents/createCategory", form("category", "radarr", "savePath", "")).statusCode())
                .isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/createCategory", form("category", "radarr")).statusCode()).isEqualTo(409);
        assertThat(c.post("/api/v2/torrents/editCategory", form("category", "radarr", "savePath", "movies"))
                .statusCode()).isEqualTo(200);
        assertThat(json(c.get("/api/v2/torrents/categories")).path("radarr").path("savePath").asText())
                .isEqualTo(kanal.config().storage().downloadDir().resolve("movies").toString());
        assertThat(c.post("/api/v2/torrents/removeCategories", form("categories", "radarr")).statusCode())
                .isEqualTo(200);
        assertThat(json(c.get("/api/v2/torrents/categories")).has("radarr")).isFalse();
    }

    @Test
    void categories_are_an_empty_object_when_there_are_none() {
        QbClient c = client();
        JsonNode cats = json(c.get("/api/v2/torrents/categories"));
        var names = new java.util.ArrayList<String>();
        cats.fieldNames().forEachRemaining(names::add);
        c.post("/api/v2/torrents/removeCategories", form("categories", String.join("\n", names)));
        var r = c.get("/api/v2/torrents/categories");
        assertThat(r.body()).isEqualTo("{}");
        for (String n : names) c.post("/api/v2/torrents/createCategory", form("category", n));
    }

    @Test
    void tags_are_created_assigned_and_removed() {
        QbClient c = client();
        String m = magnet("tags-show", 1);
        c.post("/api/v2/torrents/add", form("urls", m, "tags", "anime,kanal", "stopped", "True"));
        assertThat(json(c.get("/api/v2/torrents/tags")).toString()).contains("anime", "kanal");
        c.post("/api/v2/torrents/addTags", form("hashes", hashOf(m), "tags", "series"));
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hashOf(m))).get(0).path("tags").asText())
                .isEqualTo("anime, kanal, series");
        assertThat(json(c.get("/api/v2/torrents/info?tag=series"))).hasSize(1);
        c.post("/api/v2/torrents/removeTags", form("hashes", hashOf(m), "tags", "anime"));
        c.post("/api/v2/torrents/deleteTags", form("tags", "kanal"));
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + hashOf(m))).get(0).path("tags").asText())
                .isEqualTo("series");
        assertThat(c.post("/api/v2/torrents/createTags", form("tags", "x,y")).statusCode()).isEqualTo(200);
    }

    @Test
    void priority_share_limit_and_force_start_calls_are_accepted() {
        QbClient c = client();
        String m = magnet("prio-show", 1);
        c.post("/api/v2/torrents/add", form("urls", m, "stopped", "True"));
        String h = hashOf(m);
        assertThat(c.post("/api/v2/torrents/topPrio", form("hashes", h)).statusCode()).isIn(200, 409);
        assertThat(c.post("/api/v2/torrents/setShareLimits", form("hashes", h, "ratioLimit", "-2",
                "seedingTimeLimit", "-2", "inactiveSeedingTimeLimit", "-2")).statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/setForceStart", form("hashes", h, "value", "true")).statusCode())
                .isEqualTo(200);
        assertThat(json(c.get("/api/v2/torrents/trackers?hash=" + h)).isArray()).isTrue();
        JsonNode files = json(c.get("/api/v2/torrents/files?hash=" + h));
        assertThat(files.get(0).path("name").asText()).startsWith("prio-show.S01E01");
    }

    @Test
    void maindata_sends_a_full_update_first_then_only_changes() {
        QbClient c = client();
        JsonNode full = json(c.get("/api/v2/sync/maindata?rid=0"));
        assertThat(full.path("full_update").asBoolean()).isTrue();
        assertThat(full.path("server_state").has("free_space_on_disk")).isTrue();
        int rid = full.path("rid").asInt();
        JsonNode same = json(c.get("/api/v2/sync/maindata?rid=" + rid));
        assertThat(same.path("full_update").asBoolean(false)).isFalse();
        assertThat(same.has("torrents")).isFalse();
        String m = magnet("maindata-show", 1);
        c.post("/api/v2/torrents/add", form("urls", m, "stopped", "True"));
        JsonNode delta = json(c.get("/api/v2/sync/maindata?rid=" + same.path("rid").asInt()));
        assertThat(delta.path("torrents").has(hashOf(m))).isTrue();
        assertThat(delta.path("torrents").path(hashOf(m)).has("hash")).isFalse();
        c.post("/api/v2/torrents/delete", form("hashes", hashOf(m), "deleteFiles", "true"));
        JsonNode removed = json(c.get("/api/v2/sync/maindata?rid=" + delta.path("rid").asInt()));
        assertThat(removed.path("torrents_removed").toString()).contains(hashOf(m));
        assertThat(json(c.get("/api/v2/sync/maindata?rid=999999")).path("full_update").asBoolean()).isTrue();
        assertThat(json(c.get("/api/v2/transfer/info")).has("connection_status")).isTrue();
    }

    @Test
    void ctrl_qbittorrent_style_calls_work() {
        QbClient c = client();
        assertThat(c.get("/api/v2/app/version").body()).isEqualTo("v5.1.4");
        String m = magnet("ctrl-show", 1);
        String h = hashOf(m);
        assertThat(c.multipart("/api/v2/torrents/add", Map.of("urls", m, "stopped", "true", "useAutoTMM", "false"))
                .body()).isEqualTo("Ok.");
        JsonNode list = json(c.get("/api/v2/torrents/info?hashes=" + h));
        assertThat(list).hasSize(1);
        for (String key : new String[] {"hash", "name", "state", "eta", "progress", "category", "tags", "added_on",
                "completion_on", "save_path", "upspeed", "dlspeed", "priority", "num_leechs", "num_seeds",
                "num_incomplete", "num_complete", "size", "total_size", "uploaded", "downloaded", "ratio"}) {
            assertThat(list.get(0).has(key)).as(key).isTrue();
        }
        assertThat(c.post("/api/v2/torrents/stop", form("hashes", h)).statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/start", form("hashes", h)).statusCode()).isEqualTo(200);
        assertThat(c.post("/api/v2/torrents/delete", form("hashes", h, "deleteFiles", "false")).statusCode())
                .isEqualTo(200);
        assertThat(json(c.get("/api/v2/torrents/info?hashes=" + h))).isEmpty();
    }

    static String state(QbClient c, String hash) {
        return json(c.get("/api/v2/torrents/info?hashes=" + hash)).get(0).path("state").asText();
    }

    static JsonNode find(JsonNode list, String hash) {
        for (JsonNode t : list) if (t.path("hash").asText().equals(hash)) return t;
        return null;
    }
}
