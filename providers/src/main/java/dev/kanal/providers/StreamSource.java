package dev.kanal.providers;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A direct media URL a downloader or proxy can fetch.
 *
 * @param url the mp4 file or HLS playlist
 * @param format how to fetch it
 * @param headers request headers the hoster checks (Referer, User-Agent, Origin …), never null
 * @param expiresAt when the URL stops working, when the URL says so; else null
 * @param hoster the hoster that produced it (its canonical name, e.g. {@code VOE})
 * @param subtitles caption tracks the hoster hands out beside the video (soft subtitles), never null
 */
public record StreamSource(URI url, Format format, Map<String, String> headers, Instant expiresAt, String hoster,
        List<SubtitleTrack> subtitles) {
    /** How the media is delivered. */
    public enum Format {
        MP4,
        HLS
    }

    public StreamSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
    }

    /** A source without subtitle tracks (most hosters hand out none). */
    public StreamSource(URI url, Format format, Map<String, String> headers, Instant expiresAt, String hoster) {
        this(url, format, headers, expiresAt, hoster, List.of());
    }

    /** Guesses the format from the URL path: {@code .m3u8} is HLS, anything else is a file. */
    public static Format formatOf(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.endsWith(".m3u8") || url.toString().contains(".m3u8") ? Format.HLS : Format.MP4;
    }
}
