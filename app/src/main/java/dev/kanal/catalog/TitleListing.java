package dev.kanal.catalog;

import dev.kanal.providers.Site;
import dev.kanal.providers.TitleRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Stage 1 for one site: streams {@link Site#titles} on its own virtual thread into a bounded queue
 * and writes batches from it, so memory stays flat however long the list is and a slow disk slows
 * the crawl instead of buffering it. Titles are upserted in place; titles the site no longer lists
 * are removed only after the whole list arrived.
 */
final class TitleListing {
    static final int QUEUE = 512;
    static final int BATCH = 250;
    private static final TitleRef END = new TitleRef(dev.kanal.providers.SiteId.ANIWORLD, "\0end", "\0end", null,
            null, dev.kanal.providers.TitleKind.SERIES, null, null);

    private final TitleStore store;
    private final Clock clock;

    TitleListing(TitleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The outcome of one complete listing. */
    record Result(int listed, int removed) {}

    /**
     * Lists every title of {@code site} under run number {@code run}; {@code progress} receives the
     * running count. Throws what the site threw; the titles written so far stay (they are live data).
     */
    Result run(Site site, int run, IntConsumer progress) throws InterruptedException {
        BlockingQueue<TitleRef> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread producer = Thread.ofVirtual().name("catalog-titles-" + site.id().id()).start(() -> {
            try {
                site.titles(t -> {
                    if (t.site() != site.id()) return;
                    try {
                        queue.put(t);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ListingInterrupted();
                    }
                });
            } catch (ListingInterrupted e) {
                return;
            } catch (RuntimeException e) {
                failure.set(e);
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int listed = 0;
        List<TitleRef> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                TitleRef t = queue.poll(500, TimeUnit.MILLISECONDS);
                if (t == END) break;
                if (t != null) batch.add(t);
                if (batch.size() >= BATCH || (t == null && !batch.isEmpty())) {
                    store.upsertTitles(site.id(), run, batch, clock.instant());
                    listed += batch.size();
                    batch.clear();
                    progress.accept(listed);
                }
            }
            if (!batch.isEmpty()) {
                store.upsertTitles(site.id(), run, batch, clock.instant());
                listed += batch.size();
                progress.accept(listed);
            }
        } finally {
            producer.interrupt();
        }
        producer.join();
        if (failure.get() != null) throw failure.get();
        int removed = store.finishListing(site.id(), run, listed);
        return new Result(listed, removed);
    }

    /** Unwinds the site's title stream when the crawler stops. */
    private static final class ListingInterrupted extends RuntimeException {
        ListingInterrupted() {
            super(null, null, false, false);
        }
    }
}
