package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
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
    public SourceResult resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        Set<String> skip = new LinkedHashSet<>(skipHosters);
        List<SourceAttempt> refused = new ArrayList<>();
        for (int i = 0; ; i++) {
            SourceResult result = inner.resolve(episode, language, Set.copyOf(skip));
            if (!(result instanceof SourceResult.Found found) || fetchable(found.source().url())) {
                return refused.isEmpty() ? result : withRefusals(result, refused);
            }
            String scheme = String.valueOf(found.source().url().getScheme());
            log.warn("hoster gave a media address that is not http(s); refused hoster={} scheme={} site={} slug={}",
                    found.hoster(), scheme, episode.site(), episode.slug());
            refused.add(new SourceAttempt(found.hoster(), "gave a '" + scheme + ":' address instead of http(s); refused",
                    false));
            skip.add(found.hoster());
            if (i >= MAX_REFUSALS) return withRefusals(new SourceResult.NotFound(List.of()), refused);
        }
    }

    static boolean fetchable(URI url) {
        if (url == null || url.getScheme() == null) return false;
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static SourceResult withRefusals(SourceResult result, List<SourceAttempt> refused) {
        List<SourceAttempt> attempts = new ArrayList<>(refused);
        for (SourceAttempt a : result.attempts()) {
            if (refused.stream().noneMatch(r -> r.hoster().equals(a.hoster()))) attempts.add(a);
        }
        return switch (result) {
            case SourceResult.Found f -> new SourceResult.Found(f.source(), f.hoster(), attempts);
            case SourceResult.NotFound n -> new SourceResult.NotFound(attempts);
        };
    }
}
