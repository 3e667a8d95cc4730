package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.providers.resolve.SourceResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EpisodeSources} on top of the providers' {@link SourceResolver}: the user's hoster order
 * ({@code KANAL_HOSTER_ORDER}) with the hoster that last delivered this title moved to the front,
 * and the winner remembered for next time. What the episode page offered in every language goes to
 * {@link HosterSightings}, so the catalog learns each release's exact hosters.
 */
public final class ProviderEpisodeSources implements EpisodeSources {
    private static final Logger log = LoggerFactory.getLogger(ProviderEpisodeSources.class);
    private final SourceResolver resolver;
    private final List<String> hosterOrder;
    private final HosterPreferenceStore preferences;
    private final HosterSightings sightings;

    public ProviderEpisodeSources(SourceResolver resolver, List<String> hosterOrder, HosterPreferenceStore preferences,
            HosterSightings sightings) {
        this.resolver = resolver;
        this.hosterOrder = List.copyOf(hosterOrder);
        this.preferences = preferences;
        this.sightings = sightings;
    }

    @Override
    public SourceResult resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        List<String> order = new ArrayList<>(hosterOrder);
        preferences.lastWorked(episode.site(), episode.slug()).ifPresent(last -> {
            order.removeIf(name -> name.equalsIgnoreCase(last));
            order.addFirst(last);
        });
        Resolution resolution = resolver.resolve(episode, language, order, skipHosters);
        try {
            sightings.offered(episode, resolution.offered());
        } catch (RuntimeException e) {
            // learning hosters is a side benefit: it never fails the download or stream
            log.warn("recording hosters failed site={} slug={}: {}", episode.site(), episode.slug(), e.toString());
        }
        List<SourceAttempt> attempts = resolution.attempts().stream().map(a -> toAttempt(episode.site(), a)).toList();
        return switch (resolution) {
            case Resolution.Resolved r -> {
                preferences.worked(episode.site(), episode.slug(), r.link().hoster());
                yield new SourceResult.Found(r.source(), r.link().hoster(), attempts);
            }
            case Resolution.Failed f -> new SourceResult.NotFound(attempts, resolution.offered().stream()
                    .map(HosterLink::language).collect(java.util.stream.Collectors.toSet()));
        };
    }

    private static SourceAttempt toAttempt(SiteId site, Attempt a) {
        if (a.succeeded()) return new SourceAttempt(a.hoster(), null, false);
        ProviderFailure f = a.failure();
        if (f instanceof ProviderFailure.Blocked b) {
            // the site's page or link-out (no embed yet) or the hoster's embed page met an anti-bot wall
            String who = a.embedUrl() == null ? SiteNames.of(site) : a.hoster();
            return new SourceAttempt(a.hoster(), who + " answered " + article(b.kind().label()) + " (needs a browser)",
                    false);
        }
        String text = a.describe();
        String reason = text.startsWith(a.hoster() + ": ") ? text.substring(a.hoster().length() + 2) : text;
        return new SourceAttempt(a.hoster(), reason, f.transientFailure());
    }

    private static String article(String label) {
        String l = label.replace("s.to link-out gate", "link gate");
        return ("aeiouAEIOU".indexOf(l.charAt(0)) >= 0 ? "an " : "a ") + l;
    }
}
