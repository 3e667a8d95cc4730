package dev.kanal.magnet;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import java.util.Objects;

/**
 * What a Kanal magnet names: one episode (or movie) of one site in one language, delivered as a
 * file or as a {@code .strm}. Built and parsed only by {@link MagnetCodec}.
 *
 * @param infoHash lowercase 40-hex v1 info-hash, the torrent's identity for Sonarr
 * @param displayName the release title ({@code dn}); Kanal names the file after it
 * @param episode site, slug and the site's own season/episode numbers
 * @param language the grabbed language, never swapped
 * @param mode file download or {@code .strm}
 */
public record KanalMagnet(String infoHash, String displayName, EpisodeAddress episode, Language language,
        Mode mode) {

    /** How the episode is delivered. */
    public enum Mode {
        DOWNLOAD,
        STRM
    }

    public KanalMagnet {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mode, "mode");
        if (!isLowerHex40(infoHash)) throw new IllegalArgumentException("infoHash must be 40 lowercase hex");
    }

    private static boolean isLowerHex40(String s) {
        if (s.length() != 40) return false;
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }
}
