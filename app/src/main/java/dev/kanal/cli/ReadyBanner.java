package dev.kanal.cli;

import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.Settings;

/**
 * The lines printed once Kanal is ready: where the page is and how to log in. Secrets are never
 * printed: the banner says where the password comes from (the user's own setting, or the secrets
 * file a first start generated it into).
 */
final class ReadyBanner {
    private ReadyBanner() {}

    static String text(KanalConfig config, ConfigValues values, int port) {
        String local = "http://localhost:" + port + "/";
        String page = values.source(Settings.PUBLIC_URL) == ConfigValues.Source.DEFAULT
                || dev.kanal.config.PublicUrlCheck.warning(config.server().publicUrl()).isPresent()
                ? local
                : config.server().publicUrl() + "/ (on this machine: " + local + ")";
        String password = switch (values.source(Settings.QBIT_PASSWORD)) {
            case ENV -> "the password you set in KANAL_QBIT_PASSWORD";
            case FILE -> "the password from your configuration file (qbittorrent.password)";
            default -> "the password in " + config.storage().dataDir().resolve("secrets.properties")
                    + " (KANAL_QBIT_PASSWORD)";
        };
        return "\nKanal is ready: open " + page + " and log in with user '" + config.qbittorrent().username()
                + "' and " + password + ".\n"
                + "The page's Connect view lists every value Prowlarr, Sonarr and Radarr need.\n";
    }
}
