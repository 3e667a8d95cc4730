package dev.kanal.probe;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.Hoster;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.Providers;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Asks one site about one title the way the catalog and the downloader would, and reports what it
 * saw instead of failing: a changed page shows up as a typed error naming the element that was
 * expected.
 */
public final class Probe {
    private final Providers providers;
    private final java.util.function.Function<TitleDetail, ProbeReport.Work> work;

    public Probe(Providers providers) {
        this(providers, null);
    }

    /** @param work finds the title's work tie (null: not asked) */
    public Probe(Providers providers, java.util.function.Function<TitleDetail, ProbeReport.Work> work) {
        this.providers = providers;
        this.work = work;
    }

    /** What to look at. {@code season}/{@code episode} null means "the title only" (or the movie). */
    public record Request(SiteId site, String slug, Integer season, Integer episode, boolean resolve) {}

    /** The work finder {@code kanal probe --work} uses: the catalog's own matcher against SkyHook. */
    public static java.util.function.Function<TitleDetail, ProbeReport.Work> workFrom(
            dev.kanal.catalog.WorkProbe probe) {
        return detail -> {
            try {
                return probe.tie(detail).map(t -> new ProbeReport.Work(t.tvdb(), t.season(), t.method(), t.confidence(),
                                t.sure(), t.evidence(), null))
                        .orElse(new ProbeReport.Work(null, null, null, null, null, null,
                                "no TVDB series like it (films are matched by their IMDb/TMDB id, not SkyHook)"));
            } catch (dev.kanal.catalog.SkyHookClient.SkyHookException e) {
                return new ProbeReport.Work(null, null, null, null, null, null, e.getMessage());
            }
        };
    }

    public ProbeReport run(Request request) {
        Site site = providers.site(request.site()).orElseThrow(() -> new IllegalArgumentException(
                "site " + request.site().id() + " is not enabled (KANAL_SITES)"));
        TitleDetail detail;
        try {
            detail = site.detail(request.slug());
        } catch (ProviderException e) {
            return new ProbeReport(request.site().id(), request.slug(), null, null, null, null, null, null, null,
                    null, e.failure().describe());
        }
        var title = detail.title();
        List<ProbeReport.Season> seasons = detail.seasons().stream()
                .map(s -> new ProbeReport.Season(s.number(), s.episodes().stream().map(Probe::episode).toList()))
                .toList();
        Optional<EpisodeAddress> target = target(request, title.kind());
        List<ProbeReport.Link> links = null;
        String error = null;
        if (target.isPresent()) {
            try {
                links = site.hosterLinks(target.get()).stream()
                        .map(l -> request.resolve() ? resolve(site, l) : listed(l))
                        .toList();
            } catch (ProviderException e) {
                error = e.failure().describe();
            }
        }
        ProbeReport report = new ProbeReport(request.site().id(), title.slug(), title.title(), title.altTitles(),
                title.year(), title.kind().name().toLowerCase(java.util.Locale.ROOT), title.ids().imdb(), seasons,
                target.map(a -> new ProbeReport.Target(a.season(), a.episode(), a.isMovie())).orElse(null), links,
                error);
        return work == null ? report : report.withWork(work.apply(detail));
    }

    private static Optional<EpisodeAddress> target(Request r, TitleKind kind) {
        if (r.season() != null && r.episode() != null) {
            return Optional.of(new EpisodeAddress(r.site(), r.slug(), r.season(), r.episode()));
        }
        if (kind == TitleKind.MOVIE) return Optional.of(EpisodeAddress.movie(r.site(), r.slug()));
        return Optional.empty();
    }

    private static ProbeReport.Episode episode(EpisodeRef e) {
        return new ProbeReport.Episode(e.episode(), e.titleDe(), e.titleEn(),
                e.languages().stream().map(l -> l.label()).sorted().toList());
    }

    private static ProbeReport.Link listed(HosterLink l) {
        return new ProbeReport.Link(l.hoster(), l.language().label(), l.linkOut().toString(), null, null, null, null,
                null);
    }

    private ProbeReport.Link resolve(Site site, HosterLink l) {
        URI embed = null;
        String hosterName = null;
        try {
            embed = site.resolveLinkOut(l);
            Optional<Hoster> hoster = providers.hosters().choose(l.hoster(), embed);
            if (hoster.isEmpty()) {
                return new ProbeReport.Link(l.hoster(), l.language().label(), l.linkOut().toString(),
                        embed.toString(), null, null, null, "no extractor for this hoster");
            }
            hosterName = hoster.get().name();
            StreamSource source = hoster.get().resolve(embed, providers.hosterFetcher());
            List<String> subtitles = source.subtitles().isEmpty() ? null
                    : source.subtitles().stream().map(t -> t.language()).toList();
            return new ProbeReport.Link(l.hoster(), l.language().label(), l.linkOut().toString(), embed.toString(),
                    hosterName, source.url().toString(), source.format().name(), null, null, subtitles);
        } catch (ProviderException e) {
            return new ProbeReport.Link(l.hoster(), l.language().label(), l.linkOut().toString(),
                    embed == null ? null : embed.toString(), hosterName, null, null, e.failure().describe());
        }
    }
}
