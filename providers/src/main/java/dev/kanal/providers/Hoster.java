package dev.kanal.providers;

import dev.kanal.providers.http.Fetcher;
import java.net.URI;
import java.util.Set;

/**
 * One video hoster: turns an embed URL into a direct {@link StreamSource}. Follow-up requests are
 * derived from the embed URL's own origin, never from a hard-coded public domain.
 */
public interface Hoster {
    /** Canonical name, e.g. {@code VOE}; matched case-insensitively against the site's label. */
    String name();

    /** Other names sites use for this hoster (e.g. {@code Dood} for Doodstream). */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Host names (or parent domains) of embed URLs this hoster serves, used when the site's name is
     * missing. An entry without a dot is a brand label matched under any TLD ({@code vidmoly}).
     */
    Set<String> hosts();

    /** Resolves an embed page to the media URL. Throws {@link ProviderException} on failure. */
    StreamSource resolve(URI embedUrl, Fetcher fetcher);
}
