package dev.kanal.providers;

import dev.kanal.providers.hoster.DoodstreamHoster;
import dev.kanal.providers.hoster.FilemoonHoster;
import dev.kanal.providers.hoster.GuploadHoster;
import dev.kanal.providers.hoster.GxPlayerHoster;
import dev.kanal.providers.hoster.LoadXHoster;
import dev.kanal.providers.hoster.LuluvdoHoster;
import dev.kanal.providers.hoster.StreamtapeHoster;
import dev.kanal.providers.hoster.VidaraHoster;
import dev.kanal.providers.hoster.VidmolyHoster;
import dev.kanal.providers.hoster.VidozaHoster;
import dev.kanal.providers.hoster.VoeHoster;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
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

    /** Every hoster this build supports, with Kanal's default browser User-Agent. */
    public static HosterRegistry standard() {
        return standard(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /**
     * Every hoster this build supports. The User-Agent is sent on hoster page requests and returned
     * in {@link StreamSource#headers()}, because VOE and Doodstream only serve the media to the
     * same agent that loaded the page (Luluvdo insists on its own mobile agent).
     */
    public static HosterRegistry standard(String userAgent) {
        return new HosterRegistry(List.of(
                new VoeHoster(userAgent),
                new FilemoonHoster(userAgent),
                new DoodstreamHoster(userAgent, Clock.systemUTC(), new SecureRandom()),
                new StreamtapeHoster(userAgent),
                new VidozaHoster(userAgent),
                new VidmolyHoster(userAgent),
                new LoadXHoster(userAgent),
                new LuluvdoHoster(),
                new GxPlayerHoster(userAgent),
                new VidaraHoster(userAgent),
                new GuploadHoster(userAgent)));
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

    /**
     * The hoster serving this embed URL's host: an entry with a dot matches the exact host or a
     * parent domain; an entry without a dot is a brand name matching that label under any TLD
     * ({@code dood} matches {@code dood.li} and {@code www.dood.to}), since hosters hop TLDs often.
     */
    public Optional<Hoster> byUrl(URI embedUrl) {
        String host = embedUrl.getHost();
        if (host == null) return Optional.empty();
        String h = host.toLowerCase(Locale.ROOT);
        String[] labels = h.split("\\.");
        List<String> names = labels.length > 1
                ? Arrays.asList(labels).subList(0, labels.length - 1) : List.of();
        return hosters.stream()
                .filter(x -> x.hosts().stream().map(d -> d.toLowerCase(Locale.ROOT)).anyMatch(d -> d.contains(".")
                        ? h.equals(d) || h.endsWith("." + d)
                        : names.contains(d)))
                .findFirst();
    }

    /** The first hoster that {@linkplain Hoster#recognises recognises} an embed page it was not chosen for by name or host. */
    public Optional<Hoster> byPage(Page embedPage) {
        return hosters.stream().filter(h -> h.recognises(embedPage)).findFirst();
    }

    /** By label first, then by URL. */
    public Optional<Hoster> choose(String label, URI embedUrl) {
        return byName(label).or(() -> byUrl(embedUrl));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
