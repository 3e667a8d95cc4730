package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.providers.resolve.SourceResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link EpisodeSources} on top of the providers' {@link SourceResolver}: the user's hoster order
 * ({@code KANAL_HOSTER_ORDER}) with the hoster that last delivered this title moved to the front,
 * and the winner remembered for next time.
 */
public final class ProviderEpisodeSources implements EpisodeSources {
    private final SourceResolver resolver;
    private final List<String> hosterOrder;
    private final HosterPreferenceStore preferences;

    public ProviderEpisodeSources(SourceResolver resolver, List<String> hosterOrder, HosterPreferenceStore preferences) {
        this.resolver = resolver;
        this.hosterOrder = List.copyOf(hosterOrder);
        this.preferences = preferences;
    }

    @Override
    public SourceResult resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        List<String> order = new ArrayList<>(hosterOrder);
        preferences.lastWorked(episode.site(), episode.slug()).ifPresent(last -> {
            order.removeIf(name -> name.equalsIgnoreCase(last));
            order.addFirst(last);
        });
        Resolution resolution = resolver.resolve(episode, language, order, skipHosters);
        List<SourceAttempt> attempts = resolution.attempts().stream().map(ProviderEpisodeSources::toAttempt).toList();
        return switch (resolution) {
            case Resolution.Resolved r -> {
                preferences.worked(episode.site(), episode.slug(), r.link().hoster());
                yield new SourceResult.Found(r.source(), r.link().hoster(), attempts);
            }
            case Resolution.Failed f -> new SourceResult.NotFound(attempts);
        };
    }

    private static SourceAttempt toAttempt(Attempt a) {
        if (a.succeeded()) return new SourceAttempt(a.hoster(), null, false);
        ProviderFailure f = a.failure();
        String text = a.describe();
        String reason = text.startsWith(a.hoster() + ": ") ? text.substring(a.hoster().length() + 2) : text;
        return new SourceAttempt(a.hoster(), reason, f.transientFailure());
    }
}
