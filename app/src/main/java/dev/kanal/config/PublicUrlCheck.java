package dev.kanal.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether {@code KANAL_PUBLIC_URL} can work for {@code .strm} files: a media server on another
 * machine or in another container cannot reach {@code localhost}, so a {@code .strm} file pointing
 * there plays nowhere else. Said at start, on the Connect view and on {@code /health/strm}.
 */
public final class PublicUrlCheck {
    private PublicUrlCheck() {}

    /** The warning, when STRM is in use and the public URL names this machine's loopback. */
    public static Optional<String> warning(KanalConfig config) {
        boolean strm = !"off".equals(config.torznab().strmMode()) || !config.strm().categories().isEmpty();
        return strm ? warning(config.server().publicUrl()) : Optional.empty();
    }

    /** The warning for a public URL on a loopback name, whatever the STRM settings. */
    public static Optional<String> warning(URI publicUrl) {
        if (!loopback(publicUrl.getHost())) return Optional.empty();
        return Optional.of("KANAL_PUBLIC_URL is " + publicUrl + ": .strm files point there, and a media server on "
                + "another machine or in another container cannot reach it. Set KANAL_PUBLIC_URL to an address "
                + "Jellyfin/Plex/Emby reach Kanal at (e.g. http://kanal:8080 in Docker), then POST /api/strm/regenerate");
    }

    static boolean loopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1") || h.equals("0.0.0.0");
    }
}
