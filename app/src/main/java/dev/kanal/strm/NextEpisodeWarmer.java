package dev.kanal.strm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves episode N+1's source in the background when episode N starts playing, so a media
 * server's autoplay starts the next episode at once instead of waiting for a hoster.
 */
public final class NextEpisodeWarmer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NextEpisodeWarmer.class);
    /** A target is warmed at most once in this window, however often its predecessor is requested. */
    private static final Duration DEDUPE = Duration.ofMinutes(30);

    private final SourceCache cache;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore parallel = new Semaphore(2);
    private final Cache<StrmTarget, Boolean> recent = Caffeine.newBuilder().expireAfterWrite(DEDUPE)
            .maximumSize(10_000).build();

    public NextEpisodeWarmer(SourceCache cache) {
        this.cache = cache;
    }

    /** Starts warming the episode after {@code playing}, unless already cached or recently warmed. */
    void playing(StrmTarget playing) {
        playing.next().ifPresent(next -> {
            if (cache.peek(next).isPresent() || recent.asMap().putIfAbsent(next, Boolean.TRUE) != null) return;
            if (!parallel.tryAcquire()) {
                recent.invalidate(next);
                return;
            }
            try {
                executor.execute(() -> warm(next));
            } catch (RejectedExecutionException e) {
                parallel.release();
            }
        });
    }

    private void warm(StrmTarget next) {
        try {
            cache.get(next);
            log.debug("next episode warmed target=\"{}\"", next.describe());
        } catch (RuntimeException e) {
            // often simply the last episode of a season
            log.debug("next episode not warmed target=\"{}\" reason={}", next.describe(), e.getMessage());
        } finally {
            parallel.release();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
