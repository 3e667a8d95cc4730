package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.providers.resolve.SourceResolver;
import java.util.List;
import java.util.Set;

/**
 * {@link EpisodeSources} on top of the providers' {@link SourceResolver}: the site's hoster links in
 * the configured hoster order, each attempt translated into a {@link SourceAttempt}. Exists so jobs
 * and the stream proxy stay independent of the providers module's types.
 */
public final class ResolvingEpisodeSources implements EpisodeSources {
    private final Providers providers;
    private final List<String> hosterOrder;

    public ResolvingEpisodeSources(Providers providers, List<String> hosterOrder) {
        this.providers = providers;
        this.hosterOrder = List.copyOf(hosterOrder);
    }

    @Override
    public SourceResult resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        SourceResolver resolver = new SourceResolver(providers, providers.hosterFetcher());
        Resolution resolution = resolver.resolve(episode, language, hosterOrder, skipHosters);
        List<SourceAttempt> attempts = resolution.attempts().stream()
                .filter(a -> !a.succeeded())
                .map(ResolvingEpisodeSources::attempt)
                .toList();
        return switch (resolution) {
            case Resolution.Resolved r -> new SourceResult.Found(r.source(), r.source().hoster(), attempts);
            case Resolution.Failed f -> new SourceResult.NotFound(attempts);
        };
    }

    private static SourceAttempt attempt(Attempt a) {
        String line = a.describe();
        String reason = line.startsWith(a.hoster() + ": ") ? line.substring(a.hoster().length() + 2) : line;
        return new SourceAttempt(a.hoster(), reason, a.failure().transientFailure());
    }
}
