package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code .strm} writer jobs call: one line, atomic, unique names, recorded for the health scan. */
class StrmFilesTest {
    @TempDir
    static Path root;

    static StrmHarness harness;
    static FakeSources sources = new FakeSources(Map.of());
    static final EpisodeAddress EPISODE = new EpisodeAddress(SiteId.STO, "the-office", 3, 12);

    @BeforeAll
    static void start() {
        harness = new StrmHarness(root, sources);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void writes_one_line_holding_the_signed_stream_url_of_the_episode() throws Exception {
        Path dir = root.resolve("downloads/one-line");

        Path file = harness.feature.files().write(dir, "The.Office.S03E12.GER.1080p.WEB.h264-KANAL [STRM]", EPISODE,
                Language.GERMAN_DUB);

        assertThat(file).isEqualTo(dir.resolve("The.Office.S03E12.GER.1080p.WEB.h264-KANAL [STRM].strm"));
        String content = Files.readString(file);
        assertThat(content).endsWith("\n").hasLineCount(1);
        URI url = URI.create(content.strip());
        assertThat(url.toString()).startsWith(StrmHarness.PUBLIC_URL + "/strm/stream/").contains("?v=1&sig=");
        String id = url.getPath().substring(url.getPath().lastIndexOf('/') + 1).replace(".mp4", "");
        assertThat(StrmTarget.fromId(id)).contains(new StrmTarget(EPISODE, Language.GERMAN_DUB));
        assertThat(content).doesNotContainIgnoringCase("voe");
    }

    @Test
    void a_taken_name_gets_a_numbered_suffix() throws Exception {
        Path dir = root.resolve("downloads/suffix");
        var files = harness.feature.files();

        Path first = files.write(dir, "Show.S01E01", EPISODE, Language.GERMAN_SUB);
        Path second = files.write(dir, "Show.S01E01", EPISODE, Language.GERMAN_SUB);

        assertThat(first.getFileName()).hasToString("Show.S01E01.strm");
        assertThat(second.getFileName()).hasToString("Show.S01E01.2.strm");
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void concurrent_writes_never_share_a_name_and_leave_no_temp_files() throws Exception {
        Path dir = root.resolve("downloads/race");
        int writers = 16;
        var ready = new CountDownLatch(1);
        List<Future<Path>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                Callable<Path> write = () -> {
                    ready.await();
                    return harness.feature.files().write(dir, "Race.S01E02", EPISODE, Language.ENGLISH_SUB);
                };
                futures.add(pool.submit(write));
            }
            ready.countDown();
            List<Path> written = new ArrayList<>();
            for (var f : futures) written.add(f.get());

            assertThat(written).doesNotHaveDuplicates().hasSize(writers);
        }
        try (Stream<Path> listing = Files.list(dir)) {
            List<Path> all = listing.toList();
            assertThat(all).hasSize(writers).allMatch(p -> p.toString().endsWith(".strm"));
            for (Path p : all) assertThat(Files.readString(p)).startsWith("http").endsWith("\n").hasLineCount(1);
        }
    }

    @Test
    void unsafe_release_titles_become_safe_names_inside_the_directory() throws Exception {
        Path dir = root.resolve("downloads/unsafe");

        Path file = harness.feature.files().write(dir, "../Show/Name: S01E01?*", EPISODE, Language.GERMAN_DUB);

        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file.getFileName()).hasToString("_Show_Name_ S01E01_.strm");
        assertThat(StrmFiles.fileName("")).isEqualTo("Episode");
        assertThat(StrmFiles.fileName("...")).isEqualTo("Episode");
    }

    @Test
    void names_are_capped_in_bytes_and_lose_device_names_and_invisible_characters() throws Exception {
        Path dir = root.resolve("downloads/names");

        Path euro = harness.feature.files().write(dir, "\u20ac".repeat(120), EPISODE, Language.GERMAN_DUB);
        assertThat(euro).exists();
        assertThat(euro.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(StrmFiles.MAX_NAME_BYTES + ".strm".length());

        Path con = harness.feature.files().write(dir, "CON", EPISODE, Language.GERMAN_DUB);
        assertThat(con.getFileName()).hasToString("_CON.strm");
        assertThat(StrmFiles.fileName("nul.S01E01")).isEqualTo("_nul.S01E01");

        Path bidi = harness.feature.files().write(dir, "Show\u202E4pm.S01E01\u0085GER", EPISODE, Language.GERMAN_DUB);
        assertThat(bidi.getFileName()).hasToString("Show4pm.S01E01 GER.strm");
    }

    @Test
    void a_job_resolving_through_the_sharing_sources_fills_the_proxy_cache() {
        var episode = new EpisodeAddress(SiteId.ANIWORLD, "shared", 1, 1);
        sources.offer(episode, "VOE", URI.create("https://cdn.example/shared.mp4"));

        harness.feature.sharingSources().resolve(episode, Language.GERMAN_DUB, java.util.Set.of());

        assertThat(sources.callsFor(episode)).hasSize(1);
        var store = new SourceStore(harness.db, dev.kanal.Json.mapper());
        assertThat(store.find(new StrmTarget(episode, Language.GERMAN_DUB), java.time.Instant.now()))
                .hasValueSatisfying(s -> assertThat(s.hoster()).isEqualTo("VOE"));
    }

    @Test
    void every_written_file_is_recorded_for_the_health_scan() throws Exception {
        Path dir = root.resolve("downloads/recorded");
        int before = harness.feature.library().health().files();

        harness.feature.files().write(dir, "Recorded.S01E01", EPISODE, Language.GERMAN_DUB);

        assertThat(harness.feature.library().health().files()).isEqualTo(before + 1);
    }
}
