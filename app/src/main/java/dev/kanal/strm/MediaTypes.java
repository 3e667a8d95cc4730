package dev.kanal.strm;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the stream proxy passes on: video, audio, HLS/DASH playlists and octet-stream. Anything else
 * an upstream answers (HTML, SVG, JSON, scripts) is refused, so a hoster can never serve a page on
 * Kanal's origin. HLS children (segments, keys) some hosters disguise as raster images are passed as
 * opaque bytes ({@code application/octet-stream}); SVG, which is a document, never is.
 */
final class MediaTypes {
    static final String OCTET_STREAM = "application/octet-stream";
    private static final Set<String> APPLICATION = Set.of(OCTET_STREAM, "binary/octet-stream", "application/mp4",
            "application/dash+xml", "application/vnd.apple.mpegurl", "application/x-mpegurl", "video/mp2t");
    private static final Set<String> DISGUISED = Set.of("image/png", "image/jpeg", "image/jpg", "image/gif",
            "image/webp", "image/bmp");

    private MediaTypes() {}

    /** The media type without parameters, lower-cased; empty when absent. */
    static String base(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The Content-Type to send the player for an upstream answering {@code contentType}, or empty
     * when it is not media. {@code fallback} stands in for a missing type.
     */
    static Optional<String> served(String contentType, boolean playlistChild, String fallback) {
        String type = base(contentType);
        if (type.isEmpty()) return Optional.of(fallback);
        if (!type.matches("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")) return Optional.empty();
        if (type.startsWith("video/") || type.startsWith("audio/") || APPLICATION.contains(type)) {
            return Optional.of(type);
        }
        if (playlistChild && DISGUISED.contains(type)) return Optional.of(OCTET_STREAM);
        return Optional.empty();
    }
}
