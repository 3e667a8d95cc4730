package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EpisodeSources} that does not give up on the grabbed site alone: when none of its hosters
 * delivers (all failed, or the site answered with a challenge, a link gate or an open circuit), the
 * same episode in the same language is tried on the other sites that carry the same work
 * ({@link OtherSites}), in {@code KANAL_SITE_ORDER}. Hosters of another site are named
 * {@code <site>:<hoster>} (e.g. {@code sto:VOE}) in attempts, skip sets and the result, so a job shows
 * which site served it and a hoster that failed on one site is not skipped on another.
 */
public final class FallbackEpisodeSources implements EpisodeSources {
    private static final Logger log = LoggerFactory.getLogger(FallbackEpisodeSources.class);
    private final EpisodeSources delegate;
    private final OtherSites otherSites;

    public FallbackEpisodeSources(EpisodeSources delegate, OtherSites otherSites) {
        this.delegate = delegate;
        this.otherSites = otherSites;
    }

    @Override
    public Resolution resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        Resolution first = delegate.resolve(episode, language, ownSkips(skipHosters));
        if (first instanceof Resolution.Resolved) return first;
        List<EpisodeAddress> others;
        try {
            others = otherSites.of(episode, language);
        } catch (RuntimeException e) {
            log.warn("looking up other sites failed site={} slug={}: {}", episode.site(), episode.slug(), e.toString());
            return first;
        }
        List<Attempt> attempts = new ArrayList<>(first.attempts());
        for (EpisodeAddress other : others) {
            if (other.site() == episode.site()) continue;
            Resolution r = delegate.resolve(other, language, skipsFor(other.site().id() + ":", skipHosters));
            attempts.addAll(r.attempts().stream().map(a -> a.onSite(other.site())).toList());
            if (r instanceof Resolution.Resolved found) {
                Resolution.Resolved served = found.servedBy(other, attempts);
                log.info("episode served by another site grabbed={}:{} served={}:{} s={} e={} hoster={}",
                        episode.site(), episode.slug(), other.site(), other.slug(), other.season(), other.episode(),
                        served.hoster());
                return served;
            }
        }
        return others.isEmpty() ? first : new Resolution.Failed(attempts, first.offered());
    }

    /** Names without a site prefix belong to the grabbed site. */
    private static Set<String> ownSkips(Set<String> skip) {
        Set<String> own = new HashSet<>();
        for (String s : skip) if (!isPrefixed(s)) own.add(s);
        return own;
    }

    private static Set<String> skipsFor(String prefix, Set<String> skip) {
        Set<String> out = new HashSet<>();
        for (String s : skip) if (s.startsWith(prefix)) out.add(s.substring(prefix.length()));
        return out;
    }

    private static boolean isPrefixed(String name) {
        int colon = name.indexOf(':');
        return colon > 0 && dev.kanal.providers.SiteId.fromId(name.substring(0, colon)).isPresent();
    }
}
