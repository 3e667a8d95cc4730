package dev.kanal.ui;

import dev.kanal.config.KanalConfig;
import java.net.URI;
import java.util.List;

/**
 * The values a person pastes into Prowlarr, Sonarr and Radarr, derived from {@code KANAL_PUBLIC_URL}
 * and the credentials, so the connect view can never drift from what Kanal really accepts.
 */
public record ConnectValues(
        String public_url,
        String torznab_url,
        String api_path,
        String api_key,
        List<Integer> tv_categories,
        List<Integer> movie_categories,
        String qbit_host,
        int qbit_port,
        boolean qbit_ssl,
        String qbit_url_base,
        String qbit_username,
        String qbit_password,
        String sonarr_category,
        String radarr_category,
        String public_url_warning,
        List<String> grab_categories) {

    public static ConnectValues of(KanalConfig config) {
        URI pub = config.server().publicUrl();
        String base = pub.toString().replaceAll("/+$", "");
        boolean ssl = "https".equalsIgnoreCase(pub.getScheme());
        int port = pub.getPort() > 0 ? pub.getPort() : ssl ? 443 : 80;
        String path = pub.getPath() == null ? "" : pub.getPath().replaceAll("/+$", "");
        return new ConnectValues(base, base + "/torznab", "/api", config.security().apiKey(),
                List.of(5000, 5070), List.of(2000), pub.getHost(), port, ssl, path,
                config.qbittorrent().username(), config.qbittorrent().password(), "tv-sonarr", "radarr",
                dev.kanal.config.PublicUrlCheck.warning(config).orElse(null),
                grabCategories(config));
    }

    /** The categories the search view offers to grab into: Sonarr's, Radarr's, then the .strm ones. */
    private static List<String> grabCategories(KanalConfig config) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(List.of("tv-sonarr", "radarr"));
        out.addAll(config.strm().categories());
        return List.copyOf(out);
    }
}
