package dev.kanal.providers.site.megakino;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Megakino: a German film and series site on a rotating domain. The catalogue is its sitemap
 * (films and serials, with {@code lastmod}); a title page carries the player iframes (films) or one
 * hoster select per episode (serials, one season per title). Films are {@link TitleKind#MOVIE}
 * and are addressed with {@link EpisodeAddress#movie}; link-outs already are embed URLs.
 */
public final class MegakinoSite implements Site {
    private static final Logger log = LoggerFactory.getLogger(MegakinoSite.class);
    /** DLE's anti-bot cookie is refreshed this often (AniBridge's interval). */
    private static final Duration TOKEN_TTL = Duration.ofMinutes(30);
    /** At most this many sitemaps (index plus children) are read per catalogue run. */
    private static final int MAX_SITEMAPS = 200;

    private final Fetcher fetcher;
    private final MegakinoDomains domains;
    private final Clock clock;
    private Instant tokenAt = Instant.MIN;

    public MegakinoSite(Fetcher fetcher, MegakinoDomains domains, Clock clock) {
        this.fetcher = fetcher;
        this.domains = domains;
        this.clock = clock;
    }

    @Override
    public SiteId id() {
        return SiteId.MEGAKINO;
    }

    /** The domain in use now (discovered or configured). */
    public URI currentBase() {
        return domains.current().base();
    }

    @Override
    public void titles(Consumer<TitleRef> sink) {
        MegakinoUrls urls = urls();
        Deque<URI> queue = new ArrayDeque<>(List.of(urls.sitemap()));
        Set<String> seen = new HashSet<>();
        Set<URI> fetched = new HashSet<>();
        int[] count = {0};
        Consumer<TitleRef> counting = t -> {
            count[0]++;
            sink.accept(t);
        };
        while (!queue.isEmpty() && fetched.size() < MAX_SITEMAPS) {
            URI next = queue.poll();
            if (!fetched.add(next)) continue;
            List<URI> children = fetcher.stream(next, headers(urls),
                    (u, body) -> MegakinoPages.sitemap(body, u, seen, counting));
            queue.addAll(children);
        }
        log.info("catalogue site=megakino titles={} sitemaps={}", count[0], fetched.size());
    }

    @Override
    public TitleDetail detail(String slug) {
        Loaded loaded = load(slug);
        MegakinoPages.TitlePage page = loaded.page();
        List<SeasonRef> seasons = page.title().kind() == TitleKind.MOVIE ? List.of()
                : List.of(new SeasonRef(MegakinoPages.season(slug), page.episodes()));
        HosterHints movieHosters = page.title().kind() == TitleKind.MOVIE ? HosterHints.ofLinks(page.movieLinks())
                : HosterHints.NONE;
        return new TitleDetail(page.title(), page.description(), seasons, movieHosters);
    }

    @Override
    public java.util.Optional<String> embedReferer() {
        return java.util.Optional.of(urls().address().origin() + "/");
    }

    @Override
    public List<HosterLink> hosterLinks(EpisodeAddress episode) {
        Loaded loaded = load(episode.slug());
        if (episode.isMovie()) return loaded.page().movieLinks();
        return MegakinoPages.episodeLinks(loaded.doc(), loaded.url(), episode.episode(), urls().address());
    }

    /** Megakino embeds hosters directly: the link-out is the embed URL. */
    @Override
    public URI resolveLinkOut(HosterLink link) {
        return link.linkOut();
    }

    /**
     * Megakino's search takes an IMDb id as its query ({@code story=tt…}) and then lists exactly the
     * titles linked to it, which gives Radarr an exact match. The results carry that id.
     */
    @Override
    public List<TitleRef> searchByImdb(String imdbId) {
        if (imdbId == null || !imdbId.matches("tt\\d{5,10}")) return List.of();
        return search(imdbId).stream()
                .map(t -> new TitleRef(t.site(), t.slug(), t.title(), t.altTitles(), t.year(), t.kind(),
                        new ExternalIds(imdbId, t.ids().tmdb(), t.ids().tvdb()), t.lastModified()))
                .toList();
    }

    @Override
    public List<TitleRef> search(String query) {
        MegakinoUrls urls = urls();
        warmUp(urls);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("do", "search");
        form.put("subaction", "search");
        form.put("story", query);
        form.put("search_start", "0");
        form.put("full_search", "0");
        form.put("result_from", "1");
        Page page = fetcher.postForm(urls.search(), form, headers(urls));
        return MegakinoPages.searchCards(Jsoup.parse(page.body(), page.url().toString()));
    }

    private record Loaded(URI url, Document doc, MegakinoPages.TitlePage page) {}

    /** The slug does not say film or serial: try the likelier category first, then the other. */
    private Loaded load(String slug) {
        MegakinoUrls urls = urls();
        warmUp(urls);
        boolean serialFirst = slug.matches(".*-\\d+-staf+el.*");
        List<URI> tries = serialFirst ? List.of(urls.serial(slug), urls.film(slug)) : List.of(urls.film(slug), urls.serial(slug));
        ProviderException notFound = null;
        for (URI url : tries) {
            try {
                Page page = fetcher.get(url, headers(urls));
                Document doc = Jsoup.parse(page.body(), page.url().toString());
                TitleKind kind = url.getPath().contains("/films/") ? TitleKind.MOVIE : TitleKind.SERIES;
                return new Loaded(url, doc, MegakinoPages.title(doc, url, slug, kind, urls.address()));
            } catch (ProviderException e) {
                if (!(e.failure() instanceof ProviderFailure.NotFound)) {
                    if (e.failure().transientFailure()) domains.invalidate();
                    throw e;
                }
                notFound = e;
            }
        }
        throw notFound;
    }

    /**
     * DLE hands out its anti-bot cookie at {@code HEAD /?yg=token} (2026; older mirrors at
     * {@code GET /index.php?yg=token}); the site's cookie jar keeps it.
     */
    private synchronized void warmUp(MegakinoUrls urls) {
        Instant now = clock.instant();
        if (now.isBefore(tokenAt.plus(TOKEN_TTL))) return;
        try {
            fetcher.head(urls.rootToken(), headers(urls));
        } catch (ProviderException e) {
            log.debug("megakino token HEAD failed=\"{}\" fallback=index.php", e.failure().describe());
            try {
                fetcher.get(urls.token(), headers(urls));
            } catch (ProviderException e2) {
                log.debug("megakino token warm-up failed=\"{}\"", e2.failure().describe());
            }
        }
        tokenAt = now;
    }

    private MegakinoUrls urls() {
        return new MegakinoUrls(domains.current());
    }

    private static Map<String, String> headers(MegakinoUrls urls) {
        return Map.of("Referer", urls.address().referer());
    }
}
