package dev.kanal.catalog;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An in-memory {@link Site} for tests: titles and details set by the test, with counters and gates. */
public final class FakeSite implements Site {
    private final SiteId id;
    private final Map<String, TitleDetail> titles = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> detailCalls = new ConcurrentHashMap<>();
    public final AtomicInteger listings = new AtomicInteger();
    /** Slugs whose detail was returned, in order. */
    public final List<String> served = new CopyOnWriteArrayList<>();
    /** When set, {@link #detail} waits for it (slow-site tests). */
    public volatile CountDownLatch detailGate;
    /** Per-slug gates: {@link #detail} of that slug waits for its latch. */
    public final Map<String, CountDownLatch> slugGates = new ConcurrentHashMap<>();
    /** When set, every {@link #detail} call takes a permit first (lets a test stop a crawl half-way). */
    public volatile java.util.concurrent.Semaphore detailPermits;
    /** When set, {@link #titles} waits for it before listing. */
    public volatile CountDownLatch listingGate;
    /** When true, {@link #titles} fails like an unreachable site. */
    public volatile boolean listingFails;

    public FakeSite(SiteId id) {
        this.id = id;
    }

    /** Adds or replaces a title with its detail. */
    public FakeSite put(TitleDetail detail) {
        String slug = detail.title().slug();
        if (titles.put(slug, detail) == null) order.add(slug);
        return this;
    }

    public FakeSite remove(String slug) {
        titles.remove(slug);
        order.remove(slug);
        return this;
    }

    public int detailCalls(String slug) {
        return detailCalls.getOrDefault(slug, new AtomicInteger()).get();
    }

    public int totalDetailCalls() {
        return detailCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public SiteId id() {
        return id;
    }

    @Override
    public void titles(Consumer<TitleRef> sink) {
        listings.incrementAndGet();
        await(listingGate);
        if (listingFails) {
            throw new ProviderException(new ProviderFailure.Unreachable(URI.create("http://127.0.0.1/" + id), "test"));
        }
        for (String slug : order) {
            TitleDetail d = titles.get(slug);
            if (d != null) sink.accept(d.title());
        }
    }

    @Override
    public TitleDetail detail(String slug) {
        detailCalls.computeIfAbsent(slug, s -> new AtomicInteger()).incrementAndGet();
        await(detailGate);
        await(slugGates.get(slug));
        java.util.concurrent.Semaphore permits = detailPermits;
        if (permits != null) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(new ProviderFailure.Unreachable(URI.create("http://127.0.0.1/"), "interrupted"));
            }
        }
        TitleDetail d = titles.get(slug);
        if (d == null) throw new ProviderException(new ProviderFailure.NotFound(URI.create("http://127.0.0.1/" + slug)));
        served.add(slug);
        return d;
    }

    private static void await(CountDownLatch gate) {
        if (gate == null) return;
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(new ProviderFailure.Unreachable(URI.create("http://127.0.0.1/"), "interrupted"));
        }
    }

    /** What {@link #recentEpisodes} announces (nothing unless set). */
    public volatile List<dev.kanal.providers.RecentEpisode> recent = List.of();

    @Override
    public List<dev.kanal.providers.RecentEpisode> recentEpisodes() {
        return recent;
    }

    /** Episode pages: the links {@link #hosterLinks} offers per episode (none unless set). */
    public final Map<EpisodeAddress, List<HosterLink>> episodePages = new ConcurrentHashMap<>();
    /** Episodes whose page was read, in order. */
    public final List<EpisodeAddress> episodePagesRead = new CopyOnWriteArrayList<>();

    @Override
    public List<HosterLink> hosterLinks(EpisodeAddress episode) {
        episodePagesRead.add(episode);
        return episodePages.getOrDefault(episode, List.of());
    }

    @Override
    public URI resolveLinkOut(HosterLink link) {
        return link.linkOut();
    }

    @Override
    public List<TitleRef> search(String query) {
        return List.of();
    }

    // ---- builders

    /** A series with {@code seasons[i]} episodes in season i+1, all in {@code languages}. */
    public static TitleDetail series(SiteId site, String slug, String title, List<String> alt, Integer year,
            ExternalIds ids, Set<Language> languages, int... seasons) {
        List<SeasonRef> list = new ArrayList<>();
        for (int s = 0; s < seasons.length; s++) {
            List<EpisodeRef> eps = new ArrayList<>();
            for (int e = 1; e <= seasons[s]; e++) {
                eps.add(new EpisodeRef(s + 1, e, "Folge " + e, "Episode " + e, languages));
            }
            list.add(new SeasonRef(s + 1, eps));
        }
        return new TitleDetail(new TitleRef(site, slug, title, alt, year, TitleKind.SERIES, ids, null), null, list);
    }

    /** The same detail with one more season in front (e.g. season 0 films). */
    public static TitleDetail withSeason(TitleDetail d, SeasonRef season) {
        List<SeasonRef> list = new ArrayList<>();
        list.add(season);
        list.addAll(d.seasons());
        list.sort(java.util.Comparator.comparingInt(SeasonRef::number));
        return new TitleDetail(d.title(), d.description(), list);
    }

    public static TitleDetail movie(SiteId site, String slug, String title, Integer year, ExternalIds ids) {
        return new TitleDetail(new TitleRef(site, slug, title, List.of(), year, TitleKind.MOVIE, ids, null), null,
                List.of());
    }
}
