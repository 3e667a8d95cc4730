package dev.kanal.providers;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every hoster Kanal can extract, listed explicitly (no classpath scanning). A hoster is chosen by
 * the name the site shows; when that is missing, a placeholder or unknown, by the embed URL's host.
 */
public final class HosterRegistry {
    private final List<Hoster> hosters;

    public HosterRegistry(List<Hoster> hosters) {
        this.hosters = List.copyOf(hosters);
    }

    /** Every hoster this build supports. */
    public static HosterRegistry standard() {
        return new HosterRegistry(List.of(
                // filled by the hoster extractors: new VoeHoster(), new FilemoonHoster(), ...
        ));
    }

    public List<Hoster> all() {
        return hosters;
    }

    /** The hoster whose name or alias matches the site's label, ignoring case and punctuation. */
    public Optional<Hoster> byName(String label) {
        if (label == null || label.isBlank()) return Optional.empty();
        String wanted = normalise(label);
        return hosters.stream()
                .filter(h -> normalise(h.name()).equals(wanted)
                        || h.aliases().stream().anyMatch(a -> normalise(a).equals(wanted)))
                .findFirst();
    }

    /** The hoster serving this embed URL's host (exact host or a parent domain). */
    public Optional<Hoster> byUrl(URI embedUrl) {
        String host = embedUrl.getHost();
        if (host == null) return Optional.empty();
        String h = host.toLowerCase(Locale.ROOT);
        return hosters.stream()
                .filter(x -> x.hosts().stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d)))
                .findFirst();
    }

    /** By label first, then by URL. */
    public Optional<Hoster> choose(String label, URI embedUrl) {
        return byName(label).or(() -> byUrl(embedUrl));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
