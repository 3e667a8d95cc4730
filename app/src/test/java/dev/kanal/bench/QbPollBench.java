package dev.kanal.bench;

import static dev.kanal.testing.QbClient.form;

import dev.kanal.Wiring;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.MediaServer;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load benchmark, not a test (run by {@code bench/qbit-poll.sh}): replays Sonarr's polling
 * (webapiVersion, preferences, torrents/info) open-loop at a fixed rate against 500 torrents while
 * three real yt-dlp downloads run from a rate-limited local media host, and measures {@code /health}
 * in the same window as the floor. Prints p50/p99 and error counts.
 */
@EnabledIfSystemProperty(named = "kanal.bench", matches = "true")
class QbPollBench {
    static final int TORRENTS = Integer.getInteger("kanal.bench.torrents", 500);
    static final int RATE = Integer.getInteger("kanal.bench.rate", 50);
    static final int SECONDS = Integer.getInteger("kanal.bench.seconds", 30);
    static final int HEALTH_RATE = 10;

    @TempDir
    Path root;

    @Test
    void sonarr_polling_under_load() throws Exception {
        Path mediaDir = Files.createDirectories(root.resolve("media"));
        TestMedia.mp4(mediaDir, "long.mp4", 180);
        FakeSources sources = new FakeSources();
        try (MediaServer media = MediaServer.start(mediaDir)) {
            media.limit(40_000);
            MagnetCodec codec = new MagnetCodec();
            TestKanal kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_DOWNLOAD_CONCURRENCY", "3"),
                    Wiring.Overrides.none().withSources(sources));
            try {
                QbClient qb = new QbClient(kanal);
                qb.login();
                for (int i = 1; i <= TORRENTS; i++) {
                    boolean active = i <= 3;
                    String slug = "bench-" + i;
                    if (active) sources.script(slug, FakeSources.Hoster.serving("VOE", media.url("long.mp4")));
                    var m = codec.create("Bench Show S01E" + i + " GER 1080p WEB h264-KANAL",
                            new EpisodeAddress(SiteId.STO, slug, 1, i), Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD);
                    qb.post("/api/v2/torrents/add", form("urls", codec.format(m), "category", "tv-sonarr",
                            "stopped", active ? "False" : "True"));
                }
                waitForDownloads(qb);
                System.out.printf(Locale.ROOT, "bench: %d torrents, 3 downloading, %d req/s Sonarr polling, %d s%n",
                        TORRENTS, RATE, SECONDS);
                run(kanal, qb.cookie());
                System.out.println("bench: downloads still running at the end: " + countDownloading(qb));
            } finally {
                kanal.close();
            }
        }
    }

    private static void waitForDownloads(QbClient qb) throws InterruptedException {
        for (int i = 0; i < 600 && countDownloading(qb) < 3; i++) Thread.sleep(100);
    }

    private static long countDownloading(QbClient qb) {
        String body = qb.get("/api/v2/torrents/info?filter=downloading&category=tv-sonarr").body();
        return body.split("\"state\":\"downloading\"", -1).length - 1;
    }

    private static void run(TestKanal kanal, String cookie) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String[] sonarr = {"/api/v2/app/webapiVersion", "/api/v2/app/preferences",
            "/api/v2/torrents/info?category=tv-sonarr"};
        ConcurrentLinkedQueue<Long> qbit = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> health = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger healthErrors = new AtomicInteger();
        var scheduler = Executors.newScheduledThreadPool(2);
        AtomicInteger n = new AtomicInteger();
        // warm-up
        for (int i = 0; i < 100; i++) send(http, kanal.url(sonarr[i % 3]), cookie, new ConcurrentLinkedQueue<>(), errors);
        errors.set(0);
        var q = scheduler.scheduleAtFixedRate(() -> Thread.ofVirtual().start(() ->
                send(http, kanal.url(sonarr[n.getAndIncrement() % 3]), cookie, qbit, errors)),
                0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
        var h = scheduler.scheduleAtFixedRate(() -> Thread.ofVirtual().start(() ->
                send(http, kanal.url("/health"), null, health, healthErrors)),
                0, 1_000_000 / HEALTH_RATE, TimeUnit.MICROSECONDS);
        Thread.sleep(SECONDS * 1000L);
        q.cancel(false);
        h.cancel(false);
        scheduler.shutdown();
        Thread.sleep(2000);
        report("sonarr polling", qbit, errors.get());
        report("/health floor ", health, healthErrors.get());
    }

    private static void send(HttpClient http, URI uri, String cookie, ConcurrentLinkedQueue<Long> out,
            AtomicInteger errors) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (cookie != null) b.header("Cookie", cookie);
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            out.add(System.nanoTime() - t);
            if (r.statusCode() != 200) errors.incrementAndGet();
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private static void report(String name, ConcurrentLinkedQueue<Long> samples, int errors) {
        List<Long> s = new ArrayList<>(samples);
        Collections.sort(s);
        if (s.isEmpty()) {
            System.out.println("bench: " + name + " no samples, errors=" + errors);
            return;
        }
        System.out.printf(Locale.ROOT, "bench: %s requests=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", name,
                s.size(), errors, pct(s, 50), pct(s, 99), s.get(s.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
