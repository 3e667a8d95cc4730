package dev.kanal.demo;

import dev.kanal.config.KanalConfig;
import dev.kanal.demo.DemoCatalog.Series;

/**
 * The block {@code kanal demo} prints once Kanal is ready: the exact values to enter in Prowlarr,
 * Sonarr and Radarr, and what the demo site offers. Secrets are never logged in full (the first
 * start logs generated ones once): the block points at the web page's Connect view, which shows
 * them with copy buttons, and at the secrets file.
 */
final class DemoInstructions {
    private DemoInstructions() {}

    static String text(DemoServer server, int kanalPort, KanalConfig config) {
        String host = "localhost";
        StringBuilder b = new StringBuilder("\n");
        b.append("================ Kanal demo is running ================\n");
        b.append("Demo site (offline, invented titles): http://127.0.0.1:").append(server.port()).append("/\n");
        b.append("Kanal:                                http://").append(host).append(':').append(kanalPort)
                .append("/  (web page: log in with the qBittorrent user and password)\n\n");
        b.append("Prowlarr  > Indexers > Add > Generic Torznab\n");
        b.append("  URL:        http://").append(host).append(':').append(kanalPort).append("/torznab\n");
        b.append("  API Path:   /api\n");
        b.append("  API Key:    ").append(dev.kanal.Redact.secret(config.security().apiKey()))
                .append(" (full key: web page > Connect, or KANAL_API_KEY in ")
                .append(config.storage().dataDir().resolve("secrets.properties")).append(")\n");
        b.append("  Categories: 5070 (TV/Anime), 5000 (TV), 2000 (Movies)\n\n");
        b.append("Sonarr/Radarr > Settings > Download Clients > Add > qBittorrent\n");
        b.append("  Host: ").append(host).append("   Port: ").append(kanalPort).append("   Use SSL: off   URL Base: (empty)\n");
        b.append("  Username: ").append(config.qbittorrent().username()).append('\n');
        b.append("  Password: KANAL_QBIT_PASSWORD, or the generated one in ")
                .append(config.storage().dataDir().resolve("secrets.properties")).append('\n');
        b.append("  Category: tv-sonarr (Sonarr) / radarr (Radarr)\n\n");
        b.append("Series on the demo site (search them in Prowlarr, e.g. \"")
                .append(server.catalog().series().getFirst().title()).append("\"):\n");
        for (Series s : server.catalog().series()) {
            b.append("  - ").append(s.title()).append(" (").append(s.year()).append(", demo TVDB id ")
                    .append(s.tvdbId()).append(")\n");
        }
        b.append("Film: ").append(server.catalog().film().title()).append(" (").append(server.catalog().film().year())
                .append(")\n");
        b.append("Catalog progress: http://").append(host).append(':').append(kanalPort).append("/health/catalog\n");
        b.append("=======================================================");
        return b.toString();
    }
}
