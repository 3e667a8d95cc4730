package dev.kanal.providers.site.sto;

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
 * serienstream.to ("s.to", layout Version 2): catalogue, series and season pages, episode hoster
 * buttons, {@code /r?t=} link-outs (and their captcha gate) and the suggest/search fallbacks.
 */
public final class StoSite implements Site {
    private static final Logger log = LoggerFactory.getLogger(StoSite.class);

    private final Fetcher fetcher;
    private final StoUrls urls;

    public StoSite(Fetcher fetcher, SiteAddress address) {
        this.fetcher = fetcher;
        this.urls = new StoUrls(address);
    }

    @Override
    public SiteId id() {
        return SiteId.STO;
    }

    @Override
    public void titles(Consumer<TitleRef> sink) {
        long start = System.nanoTime();
        int count = fetcher.stream(urls.catalogue(), Map.of(), (u, body) -> StoPages.catalogue(body, u, sink));
        log.info("catalogue site=sto titles={} took_ms={}", count, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public TitleDetail detail(String slug) {
        URI seriesUrl = urls.series(slug);
        Document seriesDoc = document(fetcher.get(seriesUrl));
        StoPages.SeriesPage series = StoPages.series(seriesDoc, seriesUrl, slug);
        List<Integer> numbers = series.seasons().isEmpty()
                ? series.shownSeason().map(List::of).orElse(List.of()) : series.seasons();
        List<SeasonRef> seasons = new ArrayList<>();
        for (int number : numbers) {
            if (series.shownSeason().equals(Optional.of(number))) {
                seasons.add(new SeasonRef(number, StoPages.season(seriesDoc, seriesUrl, number)));
                continue;
            }
            URI seasonUrl = urls.season(slug, number);
            seasons.add(new SeasonRef(number, StoPages.season(document(fetcher.get(seasonUrl)), seasonUrl, number)));
        }
        return new TitleDetail(series.title(), series.description(), seasons);
    }

    @Override
    public List<RecentEpisode> recentEpisodes() {
        URI url = urls.newEpisodes();
        return StoPages.newEpisodes(document(fetcher.get(url)), url);
    }

    @Override
    public java.util.Optional<String> embedReferer() {
        return java.util.Optional.of(urls.address().origin() + "/");
    }

    @Override
    public List<HosterLink> hosterLinks(EpisodeAddress episode) {
        if (episode.isMovie()) throw new ProviderException(new ProviderFailure.NotFound(urls.series(episode.slug())));
        URI url = urls.episode(episode.slug(), episode.season(), episode.episode());
        return StoPages.episode(document(fetcher.get(url)), url, urls.address()).links();
    }

    /** The episode page's languages and titles (more exact than the season table's flags). */
    public EpisodeRef episode(EpisodeAddress episode) {
        URI url = urls.episode(episode.slug(), episode.season(), episode.episode());
        StoPages.EpisodePage page = StoPages.episode(document(fetcher.get(url)), url, urls.address());
        return new EpisodeRef(episode.season(), episode.episode(), page.titleDe(), page.titleEn(), page.languages());
    }

    /**
     * {@code /r?t=} answers 302 to the hoster when the IP is trusted; otherwise it stays on the site
     * (a small page or a redirect back) and only a browser can pass. That is reported as the link
     * gate and never retried here.
     */
    @Override
    public URI resolveLinkOut(HosterLink link) {
        Optional<URI> target = fetcher.redirectTarget(link.linkOut(), Map.of("Referer", urls.address().referer()));
        if (target.isEmpty() || urls.address().contains(target.get())) {
            throw new ProviderException(new ProviderFailure.Blocked(link.linkOut(), ChallengeKind.LINK_GATE));
        }
        return target.get();
    }

    @Override
    public List<TitleRef> search(String query) {
        URI url = urls.suggest(query);
        try {
            return StoPages.suggest(fetcher.get(url, Map.of("X-Requested-With", "XMLHttpRequest",
                    "Accept", "application/json", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty",
                    "Sec-Fetch-Site", "same-origin")).body(), url);
        } catch (ProviderException e) {
            log.info("search site=sto endpoint=suggest failed=\"{}\" fallback=suche", e.failure().describe());
        }
        return StoPages.showCards(document(fetcher.get(urls.searchPage(query))));
    }

    private static Document document(Page page) {
        return Jsoup.parse(page.body(), page.url().toString());
    }
}
