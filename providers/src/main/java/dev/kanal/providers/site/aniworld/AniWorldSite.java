package dev.kanal.providers.site.aniworld;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.RecentEpisode;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import dev.kanal.providers.site.SiteAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * aniworld.to: the A–Z catalogue, series/season/film pages, episode hoster lists, the
 * {@code /redirect/<id>} link-outs and the two AJAX searches. Fetching only; every page is parsed
 * by {@link AniWorldPages}.
 */
public final class AniWorldSite implements Site {
    private static final Logger log = LoggerFactory.getLogger(AniWorldSite.class);

    private final Fetcher fetcher;
    private final AniWorldUrls urls;

    public AniWorldSite(Fetcher fetcher, SiteAddress address) {
        this.fetcher = fetcher;
        this.urls = new AniWorldUrls(address);
    }

    @Override
    public SiteId id() {
        return SiteId.ANIWORLD;
    }

    @Override
    public void titles(Consumer<TitleRef> sink) {
        URI url = urls.alphabet();
        long start = System.nanoTime();
        int count = fetcher.stream(url, Map.of(), (finalUrl, body) -> AniWorldPages.catalogue(body, finalUrl, sink));
        log.info("catalogue site=aniworld titles={} took_ms={}", count, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public TitleDetail detail(String slug) {
        URI seriesUrl = urls.series(slug);
        Document seriesDoc = document(fetcher.get(seriesUrl));
        AniWorldPages.SeriesPage series = AniWorldPages.series(seriesDoc, seriesUrl, slug);
        Optional<Integer> shown = AniWorldPages.shownSeason(seriesDoc);
        List<Integer> numbers = series.seasons().isEmpty() && shown.isPresent() ? List.of(shown.get()) : series.seasons();
        List<SeasonRef> seasons = new ArrayList<>();
        for (int number : numbers) {
            if (shown.isPresent() && shown.get() == number) {
                seasons.add(new SeasonRef(number, AniWorldPages.season(seriesDoc, seriesUrl, number)));
                continue;
            }
            URI seasonUrl = urls.season(slug, number);
            try {
                Document doc = document(fetcher.get(seasonUrl));
                seasons.add(new SeasonRef(number, AniWorldPages.season(doc, seasonUrl, number)));
            } catch (ProviderException e) {
                // a series without films answers 404 on /filme even when the nav links it
                if (number == 0 && e.failure() instanceof ProviderFailure.NotFound) continue;
                throw e;
            }
        }
        return new TitleDetail(series.title(), series.description(), seasons);
    }

    @Override
    public List<RecentEpisode> recentEpisodes() {
        URI url = urls.newEpisodes();
        return AniWorldPages.newEpisodes(document(fetcher.get(url)), url);
    }

    @Override
    public java.util.Optional<String> embedReferer() {
        return java.util.Optional.of(urls.address().origin() + "/");
    }

    @Override
    public List<HosterLink> hosterLinks(EpisodeAddress episode) {
        if (episode.isMovie()) {
            // AniWorld has no whole-title movies; its films are season 0 episodes ≥ 1
            throw new ProviderException(new ProviderFailure.NotFound(urls.series(episode.slug())));
        }
        URI url = urls.episode(episode.slug(), episode.season(), episode.episode());
        Document doc = document(fetcher.get(url));
        return AniWorldPages.episode(doc, url, urls.address()).links();
    }

    /** The episode page's own languages and titles (more exact than the season table's flags). */
    public EpisodeRef episode(EpisodeAddress episode) {
        URI url = urls.episode(episode.slug(), episode.season(), episode.episode());
        AniWorldPages.EpisodePage page = AniWorldPages.episode(document(fetcher.get(url)), url, urls.address());
        return new EpisodeRef(episode.season(), episode.episode(), page.titleDe(), page.titleEn(), page.languages());
    }

    @Override
    public URI resolveLinkOut(HosterLink link) {
        Map<String, String> headers = Map.of("Referer", urls.address().referer());
        Optional<URI> target = fetcher.redirectTarget(link.linkOut(), headers);
        if (target.isPresent() && !urls.address().contains(target.get())) return target.get();
        // no Location (or one back onto the site): follow and take wherever we end up
        Page page = fetcher.get(target.orElse(link.linkOut()), headers);
        if (urls.address().contains(page.url())) {
            throw new ProviderException(new ProviderFailure.Blocked(link.linkOut(), ChallengeKind.CAPTCHA));
        }
        return page.url();
    }

    @Override
    public List<TitleRef> search(String query) {
        URI url = urls.seriesSearch(query);
        // what the site's own search box sends (research §0.3)
        Map<String, String> ajax = Map.of("X-Requested-With", "XMLHttpRequest",
                "Referer", urls.address().resolve("/search").toString(), "Origin", urls.address().origin(),
                "Accept", "application/json, text/javascript, */*; q=0.01",
                "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty", "Sec-Fetch-Site", "same-origin");
        try {
            return AniWorldPages.seriesSearch(fetcher.get(url, ajax).body(), url);
        } catch (ProviderException e) {
            // seriesSearch answered 403 to plain clients in 2025; the POST search still worked
            log.info("search site=aniworld endpoint=seriesSearch failed=\"{}\" fallback=ajax/search",
                    e.failure().describe());
        }
        URI post = urls.search();
        return AniWorldPages.ajaxSearch(fetcher.postForm(post, Map.of("keyword", query), ajax).body(), post);
    }

    private static Document document(Page page) {
        return Jsoup.parse(page.body(), page.url().toString());
    }
}
