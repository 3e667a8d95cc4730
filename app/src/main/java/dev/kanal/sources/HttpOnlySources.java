package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts only media addresses Kanal may fetch: {@code http} and {@code https}. A hoster whose page
 * yields {@code file:}, {@code ftp:}, {@code gopher:} or anything else counts as a failed hoster
 * (with that reason, not to be retried) and the next one is tried, so neither a download nor the
 * stream proxy is ever handed such an address.
 */
public final class HttpOnlySources implements EpisodeSources {
    private static final Logger log = LoggerFactory.getLogger(HttpOnlySources.class);
    private static final int MAX_REFUSALS = 16;

    private final EpisodeSources inner;

    public HttpOnlySources(EpisodeSources inner) {
        this.inner = inner;
    }

    @Override
    public Resolution resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        Set<String> skip = new LinkedHashSet<>(skipHosters);
        List<Attempt> refused = new ArrayList<>();
        for (int i = 0; ; i++) {
            Resolution result = inner.resolve(episode, language, Set.copyOf(skip));
            if (!(result instanceof Resolution.Resolved found) || fetchable(found.source().url())) {
                return refused.isEmpty() ? result : withRefusals(result, refused);
            }
            String scheme = String.valueOf(found.source().url().getScheme());
            log.warn("hoster gave a media address that is not http(s); refused hoster={} scheme={} site={} slug={}",
                    found.hoster(), scheme, episode.site(), episode.slug());
            String why = "gave a '" + scheme + ":' address instead of http(s); refused";
            refused.add(new Attempt(found.hoster(), language, null,
                    new ProviderFailure.HosterGone(found.source().url(), why), why));
            skip.add(found.hoster());
            if (i >= MAX_REFUSALS) return withRefusals(new Resolution.Failed(List.of(), result.offered()), refused);
        }
    }

    static boolean fetchable(URI url) {
        if (url == null || url.getScheme() == null) return false;
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static Resolution withRefusals(Resolution result, List<Attempt> refused) {
        List<Attempt> attempts = new ArrayList<>(refused);
        for (Attempt a : result.attempts()) {
            if (refused.stream().noneMatch(r -> r.hoster().equals(a.hoster()))) attempts.add(a);
        }
        return switch (result) {
            case Resolution.Resolved r -> r.withAttempts(attempts);
            case Resolution.Failed f -> new Resolution.Failed(attempts, f.offered());
        };
    }
}
