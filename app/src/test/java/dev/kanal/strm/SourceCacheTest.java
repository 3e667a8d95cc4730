package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.Json;
import dev.kanal.KanalException;
import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.StreamSource;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.testing.Resolutions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a playing episode's source comes from: memory, the database, or one shared resolution. */
class SourceCacheTest {
    @TempDir
    static Path root;

    static Database db;
    static final AtomicInteger slugs = new AtomicInteger();

    @BeforeAll
    static void open() {
        db = Database.open(root.resolve("kanal.sqlite"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static StrmTarget newTarget() {
        return new StrmTarget(new EpisodeAddress(SiteId.MEGAKINO, "film-" + slugs.incrementAndGet(), 0, 0),
                Language.GERMAN_DUB);
    }

    /** Resolves to a source expiring at {@code expiresAt}, counting calls. */
    static final class Counting implements EpisodeSources {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<Instant> expiresAt = new AtomicReference<>();
        volatile CountDownLatch gate;

        @Override
        public Resolution resolve(EpisodeAddress episode, Language language, Set<String> skip) {
            calls.incrementAndGet();
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var source = new StreamSource(URI.create("https://cdn.example/" + calls.get() + ".mp4"),
                    StreamSource.Format.MP4, Map.of("Referer", "https://voe.example/"), expiresAt.get(), "VOE");
            return Resolutions.found(source, "VOE", List.of(Resolutions.worked("VOE")));
        }
    }

    SourceCache cache(EpisodeSources sources) {
        return new SourceCache(sources, new SourceStore(db, Json.mapper()), Clock.systemUTC());
    }

    @Test
    void a_second_play_uses_the_cached_source() {
        var sources = new Counting();
        var cache = cache(sources);
        StrmTarget target = newTarget();

        var first = cache.get(target);
        var second = cache.get(target);

        assertThat(second.source().url()).isEqualTo(first.source().url());
        assertThat(sources.calls).hasValue(1);
    }

    @Test
    void after_a_restart_the_stored_source_is_used_with_its_headers() {
        var sources = new Counting();
        StrmTarget target = newTarget();
        var before = cache(sources).get(target);

        var after = cache(sources).get(target);

        assertThat(sources.calls).hasValue(1);
        assertThat(after.source().url()).isEqualTo(before.source().url());
        assertThat(after.source().headers()).containsEntry("Referer", "https://voe.example/");
    }

    @Test
    void a_source_about_to_expire_is_not_played() {
        var sources = new Counting();
        sources.expiresAt.set(Instant.now().plus(Duration.ofSeconds(30)));
        var cache = cache(sources);
        StrmTarget target = newTarget();

        cache.get(target);
        cache.get(target);
        cache(sources).get(target);

        assertThat(sources.calls).hasValue(3);
    }

    @Test
    void an_invalidated_source_is_resolved_again_also_after_a_restart() {
        var sources = new Counting();
        var cache = cache(sources);
        StrmTarget target = newTarget();
        cache.get(target);

        cache.invalidate(target);

        assertThat(cache(sources).get(target).source().url().toString()).endsWith("/2.mp4");
    }

    @Test
    void concurrent_plays_of_one_episode_share_one_resolution() throws Exception {
        var sources = new Counting();
        sources.gate = new CountDownLatch(1);
        var cache = cache(sources);
        StrmTarget target = newTarget();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CachedSource>> plays = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> cache.get(target))).toList();
            while (sources.calls.get() == 0) Thread.onSpinWait();
            Thread.sleep(100); // let the other plays reach the cache
            sources.gate.countDown();
            for (var p : plays) assertThat(p.get().source().url().toString()).endsWith("/1.mp4");
        }
        assertThat(sources.calls).hasValue(1);
    }

    @Test
    void expired_sources_are_pruned_from_the_database() {
        var sources = new Counting();
        sources.expiresAt.set(Instant.now().minus(Duration.ofMinutes(1)));
        var cache = cache(sources);
        StrmTarget target = newTarget();
        cache.get(target);

        assertThat(cache.pruneExpired()).isGreaterThanOrEqualTo(1);
        assertThat(new SourceStore(db, Json.mapper()).find(target, Instant.EPOCH)).isEmpty();
    }

    @Test
    void no_hoster_means_upstream_failed_naming_the_attempts() {
        EpisodeSources none = (e, l, s) -> Resolutions.failed(
                List.of(Resolutions.gone("VOE", "video gone: deleted")));

        assertThatThrownBy(() -> cache(none).get(newTarget())).isInstanceOf(KanalException.UpstreamFailed.class)
                .hasMessageContaining("VOE: video gone: deleted");
    }
}
