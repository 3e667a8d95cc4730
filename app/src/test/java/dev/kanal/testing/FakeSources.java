package dev.kanal.testing;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EpisodeSources} scripted per slug: an ordered list of hosters, each either delivering a
 * URL or failing (transiently or for good). Records every call with its language and skip set.
 */
public final class FakeSources implements EpisodeSources {
    /** One hoster of a script. */
    public record Hoster(String name, URI url, String failure, boolean transientFailure, Map<String, String> headers) {
        public static Hoster serving(String name, URI url) {
            return new Hoster(name, url, null, false, Map.of("Referer", "https://hoster.example/embed"));
        }

        public static Hoster gone(String name, String why) {
            return new Hoster(name, null, why, false, Map.of());
        }

        public static Hoster flaky(String name, String why) {
            return new Hoster(name, null, why, true, Map.of());
        }
    }

    /** One resolve call. */
    public record Call(EpisodeAddress episode, Language language, Set<String> skip) {}

    private final Map<String, List<Hoster>> scripts = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** Sets what {@code slug} resolves to. */
    public FakeSources script(String slug, Hoster... hosters) {
        scripts.put(slug, List.of(hosters));
        return this;
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public Resolution resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        calls.add(new Call(episode, language, Set.copyOf(skipHosters)));
        List<Attempt> attempts = new ArrayList<>();
        for (Hoster h : scripts.getOrDefault(episode.slug(), List.of())) {
            if (skipHosters.contains(h.name())) continue;
            if (h.url() != null) {
                attempts.add(Attempt.worked(h.name(), language, h.url()));
                var source = new StreamSource(h.url(), StreamSource.formatOf(h.url()), h.headers(), null, h.name());
                return new Resolution.Resolved(source, new HosterLink(h.name(), language, h.url()), attempts, List.of());
            }
            ProviderFailure failure = h.transientFailure() ? new ProviderFailure.Unreachable(null, h.failure())
                    : new ProviderFailure.HosterGone(null, h.failure());
            attempts.add(new Attempt(h.name(), language, null, failure, h.failure()));
        }
        return new Resolution.Failed(attempts, List.of());
    }
}
