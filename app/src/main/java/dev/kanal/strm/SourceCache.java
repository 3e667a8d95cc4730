package dev.kanal.strm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.kanal.KanalException;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which media source plays an episode right now: memory first (Caffeine), then the database, then a
 * live resolution through {@link EpisodeSources}. Entries live until shortly before the source's
 * {@code expiresAt} (or {@link #DEFAULT_TTL} when the hoster does not say). Concurrent requests for
 * the same episode share one resolution.
 */
public final class SourceCache {
    private static final Logger log = LoggerFactory.getLogger(SourceCache.class);
    /** How long a source without an expiry is trusted; failures drop it earlier. */
    static final Duration DEFAULT_TTL = Duration.ofHours(3);
    /** Sources are dropped this long before they expire, so a play never starts on a dying URL. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

    private final EpisodeSources sources;
    private final SourceStore store;
    private final Clock clock;
    private final Cache<StrmTarget, CachedSource> memory;
    private final ConcurrentHashMap<StrmTarget, CompletableFuture<CachedSource>> inFlight = new ConcurrentHashMap<>();

    public SourceCache(EpisodeSources sources, SourceStore store, Clock clock) {
        this.sources = sources;
        this.store = store;
        this.clock = clock;
        this.memory = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.<StrmTarget, CachedSource>writing((k, v) -> ttl(v)))
                .build();
    }

    /** The cached source, if any, without resolving. */
    Optional<CachedSource> peek(StrmTarget target) {
        return Optional.ofNullable(memory.getIfPresent(target));
    }

    /** A playable source for {@code target}; resolves when nothing valid is cached. */
    CachedSource get(StrmTarget target) {
        CachedSource hit = memory.getIfPresent(target);
        if (hit != null) return hit;
        Optional<CachedSource> stored = store.find(target, clock.instant().plus(EXPIRY_MARGIN));
        if (stored.isPresent()) {
            memory.put(target, stored.get());
            return stored.get();
        }
        return resolve(target, Set.of());
    }

    /**
     * Resolves {@code target} now, skipping {@code skipHosters}, and caches the result. Throws
     * {@link KanalException.UpstreamFailed} naming every hoster's failure when none works.
     */
    CachedSource resolve(StrmTarget target, Set<String> skipHosters) {
        CompletableFuture<CachedSource> mine = new CompletableFuture<>();
        CompletableFuture<CachedSource> running = skipHosters.isEmpty() ? inFlight.putIfAbsent(target, mine) : null;
        if (running != null) return join(running);
        try {
            CachedSource fresh = resolveNow(target, skipHosters);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            if (skipHosters.isEmpty()) inFlight.remove(target, mine);
        }
    }

    private CachedSource resolveNow(StrmTarget target, Set<String> skipHosters) {
        Resolution result = sources.resolve(target.episode(), target.language(), skipHosters);
        return switch (result) {
            case Resolution.Resolved found -> {
                log.debug("source resolved target=\"{}\" hoster={}", target.describe(), found.hoster());
                yield remember(target, found);
            }
            case Resolution.Failed notFound -> throw new KanalException.UpstreamFailed(
                    "no hoster plays " + target.describe() + ": " + notFound.summary(), null);
        };
    }

    /** Caches a source someone else resolved (e.g. a STRM job proving the episode plays). */
    CachedSource remember(StrmTarget target, Resolution.Resolved found) {
        Instant now = clock.instant();
        Instant expires = found.source().expiresAt() != null ? found.source().expiresAt() : now.plus(DEFAULT_TTL);
        var cached = new CachedSource(found.source(), found.hoster(), now, expires);
        memory.put(target, cached);
        store.save(target, cached);
        return cached;
    }

    /** Forgets the source of {@code target} (it failed); the next request resolves again. */
    void invalidate(StrmTarget target) {
        memory.invalidate(target);
        store.delete(target);
    }

    /** Forgets stored sources that expired, so the table holds only what may still play. */
    int pruneExpired() {
        return store.deleteExpired(clock.instant());
    }

    private Duration ttl(CachedSource v) {
        Duration left = Duration.between(clock.instant(), v.expiresAt().minus(EXPIRY_MARGIN));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static CachedSource join(CompletableFuture<CachedSource> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }
}
