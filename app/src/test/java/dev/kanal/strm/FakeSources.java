package dev.kanal.strm;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EpisodeSources} for tests: per episode, hosters in order, each with the URLs its
 * successive resolutions return (the last one repeats). Records every call.
 */
final class FakeSources implements EpisodeSources {
    record Call(EpisodeAddress episode, Language language, Set<String> skip) {}

    private final Map<EpisodeAddress, Map<String, List<URI>>> hosters = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> headers;

    FakeSources(Map<String, String> headers) {
        this.headers = headers;
    }

    /** {@code hoster} offers {@code episode}; its n-th resolution returns {@code urls[n]} (the last repeats). */
    FakeSources offer(EpisodeAddress episode, String hoster, URI... urls) {
        hosters.computeIfAbsent(episode, k -> new LinkedHashMap<>()).put(hoster, List.of(urls));
        return this;
    }

    List<Call> callsFor(EpisodeAddress episode) {
        return calls.stream().filter(c -> c.episode().equals(episode)).toList();
    }

    @Override
    public synchronized Resolution resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        calls.add(new Call(episode, language, Set.copyOf(skipHosters)));
        List<Attempt> attempts = new ArrayList<>();
        for (var entry : hosters.getOrDefault(episode, Map.of()).entrySet()) {
            String hoster = entry.getKey();
            if (skipHosters.contains(hoster)) continue;
            String key = episode + "|" + hoster;
            int n = served.merge(key, 1, Integer::sum) - 1;
            List<URI> urls = entry.getValue();
            URI url = urls.get(Math.min(n, urls.size() - 1));
            var source = new StreamSource(url, StreamSource.formatOf(url), headers, null, hoster);
            attempts.add(Attempt.worked(hoster, language, url));
            return new Resolution.Resolved(source, new HosterLink(hoster, language, url), attempts, List.of());
        }
        return new Resolution.Failed(attempts, List.of());
    }
}
