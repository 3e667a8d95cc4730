package dev.kanal.providers.resolve;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Hoster;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.Providers;
import dev.kanal.providers.Site;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "episode X in language Y" into a playable {@link StreamSource}: walks the episode's hoster
 * links in the user's preferred order and, per link, follows the site's link-out, picks the
 * {@link Hoster} and extracts the media URL. Any single failure is recorded and the next link is
 * tried, so one dead or blocked hoster never fails a download on its own. Used by the app's
 * download jobs and its streaming proxy. Stateless and thread-safe.
 */
public final class SourceResolver {
    private static final Logger log = LoggerFactory.getLogger(SourceResolver.class);

    private final Providers providers;
    private final Fetcher hosterFetcher;

    /**
     * @param providers the enabled sites and the hoster registry
     * @param hosterFetcher the fetcher hosters use (the app wires {@code Providers.hosterFetcher()})
     */
    public SourceResolver(Providers providers, Fetcher hosterFetcher) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.hosterFetcher = Objects.requireNonNull(hosterFetcher, "hosterFetcher");
    }

    /**
     * Tries the episode's links in {@code language} only (never another language), in
     * {@code preferredHosters} order (names or aliases, case-insensitive; unknown names are
     * ignored); links of hosters not in that list follow in site order. Links whose hoster is named
     * in {@code skip} are left out, also when the hoster is only recognised by its embed host.
     */
    public Resolution resolve(EpisodeAddress episode, Language language, List<String> preferredHosters,
            Set<String> skip) {
        Optional<Site> maybeSite = providers.site(episode.site());
        if (maybeSite.isEmpty()) {
            return new Resolution.Failed(List.of(Attempt.failed(episode.site(), episode.site().id(), language, null,
                    new ProviderFailure.NotFound(URI.create("kanal:site/" + episode.site().id())))), List.of());
        }
        Site site = maybeSite.get();
        List<HosterLink> links;
        try {
            links = site.hosterLinks(episode);
        } catch (ProviderException e) {
            Attempt attempt = Attempt.failed(site.id(), site.id().id(), language, null, e.failure());
            log.warn("resolve site={} slug={} season={} episode={} lang=\"{}\" outcome=site_failed reason=\"{}\"",
                    site.id(), episode.slug(), episode.season(), episode.episode(), language, attempt.describe());
            return new Resolution.Failed(List.of(attempt), List.of());
        }

        HosterRegistry registry = providers.hosters();
        Set<String> skipKeys = skip.stream().map(n -> key(registry, n)).collect(Collectors.toSet());
        List<HosterLink> ordered = order(registry, links, language, preferredHosters, skipKeys);
        List<Attempt> attempts = new ArrayList<>();
        for (HosterLink link : ordered) {
            URI embed = null;
            try {
                embed = site.resolveLinkOut(link);
                Fetcher fetcher = fetcherFor(site, embed);
                Hoster hoster = choose(registry, link, embed, fetcher);
                // the hoster is only known now when the label was a placeholder
                if (skipKeys.contains(key(registry, hoster.name()))) continue;
                StreamSource source = hoster.resolve(embed, fetcher);
                attempts.add(Attempt.worked(link.hoster(), language, embed));
                log.info("resolve site={} slug={} season={} episode={} lang=\"{}\" hoster={} tries={} outcome=resolved",
                        site.id(), episode.slug(), episode.season(), episode.episode(), language, hoster.name(),
                        attempts.size());
                return new Resolution.Resolved(source, link, attempts, links);
            } catch (ProviderException e) {
                record(attempts, Attempt.failed(site.id(), link.hoster(), language, embed, e.failure()), episode);
            } catch (RuntimeException bug) {
                // a Kanal bug in one extractor must not stop the other hosters from being tried
                log.error("resolve site={} slug={} hoster=\"{}\" outcome=extractor_bug", site.id(), episode.slug(),
                        link.hoster(), bug);
                URI where = embed != null ? embed : link.linkOut();
                record(attempts, Attempt.failed(site.id(), link.hoster(), language, embed, new ProviderFailure.MarkupChanged(
                        where, "a working extractor", bug.getClass().getSimpleName())), episode);
            }
        }
        if (ordered.isEmpty()) {
            log.warn("resolve site={} slug={} season={} episode={} lang=\"{}\" outcome=no_links offered={}",
                    site.id(), episode.slug(), episode.season(), episode.episode(), language, links.size());
        }
        return new Resolution.Failed(attempts, links);
    }

    private static void record(List<Attempt> attempts, Attempt attempt, EpisodeAddress episode) {
        attempts.add(attempt);
        log.warn("resolve site={} slug={} season={} episode={} lang=\"{}\" outcome=attempt_failed failure=\"{}\"",
                episode.site(), episode.slug(), episode.season(), episode.episode(), attempt.language(),
                attempt.describe());
    }

    /**
     * By label, then by embed host; failing both, the embed page is fetched once and each hoster
     * asked whether it recognises it (VOE's vanity domains behind placeholder labels).
     */
    private Hoster choose(HosterRegistry registry, HosterLink link, URI embed, Fetcher fetcher) {
        Optional<Hoster> known = registry.choose(link.hoster(), embed);
        if (known.isPresent()) return known.get();
        return registry.byPage(fetcher.get(embed)).orElseThrow(() -> new ProviderException(
                new ProviderFailure.MarkupChanged(embed, "a supported hoster for '" + link.hoster() + "'",
                        "HosterRegistry name/alias/host/page")));
    }

    /** The hoster fetcher, sending the site's origin as Referer for the embed page where the site names it. */
    private Fetcher fetcherFor(Site site, URI embed) {
        return site.embedReferer().<Fetcher>map(r -> new EmbedRefererFetcher(hosterFetcher, embed, r))
                .orElse(hosterFetcher);
    }

    /** Links in the language, skipped ones removed, preferred hosters first, the rest in site order. */
    private static List<HosterLink> order(HosterRegistry registry, List<HosterLink> links, Language language,
            List<String> preferred, Set<String> skipKeys) {
        List<String> preferredKeys = preferred.stream().map(n -> key(registry, n)).distinct().toList();
        Comparator<HosterLink> byPreference = Comparator.comparingInt(link -> {
            int i = preferredKeys.indexOf(key(registry, link.hoster()));
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        return links.stream()
                .filter(l -> l.language() == language)
                .filter(l -> !skipKeys.contains(key(registry, l.hoster())))
                .sorted(byPreference) // stable: equal keys keep site order
                .toList();
    }

    /** A hoster name's identity: the canonical name when the registry knows it, normalised. */
    private static String key(HosterRegistry registry, String name) {
        String canonical = registry.byName(name).map(Hoster::name).orElse(name == null ? "" : name);
        return canonical.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
