package dev.kanal.providers;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A caption track a hoster hands out beside the video (VOE's JWPlayer {@code tracks[]} or its
 * {@code captions} map). Fetched with the stream's own headers.
 *
 * @param url the VTT or SRT file
 * @param language a short language code for file names ({@code de}, {@code en}, …), or {@code und}
 * @param label what the hoster calls it ({@code Deutsch}, {@code English (forced)}), never null
 */
public record SubtitleTrack(URI url, String language, String label) {
    public SubtitleTrack {
        Objects.requireNonNull(url, "url");
        language = language == null || language.isBlank() ? "und" : language.strip().toLowerCase(Locale.ROOT);
        label = label == null ? "" : label.strip();
    }

    /** The file extension of the track as served: {@code vtt}, {@code srt} or {@code ass}; {@code vtt} when unknown. */
    public String extension() {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".srt")) return "srt";
        if (path.endsWith(".ass") || path.endsWith(".ssa")) return "ass";
        return "vtt";
    }

    /**
     * A short code from a label or code as hosters write them: {@code Deutsch}/{@code German}/{@code ger}
     * → {@code de}, {@code English}/{@code eng} → {@code en}, {@code Japanese}/{@code jpn} → {@code ja};
     * a two-letter code is kept; anything else is {@code und}.
     */
    public static String languageCode(String labelOrCode) {
        if (labelOrCode == null) return "und";
        String s = labelOrCode.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("de") || s.startsWith("ger") || s.startsWith("deu")) return "de";
        if (s.startsWith("en")) return "en";
        if (s.startsWith("ja") || s.startsWith("jp")) return "ja";
        if (s.startsWith("fr")) return "fr";
        if (s.startsWith("es") || s.startsWith("spa")) return "es";
        if (s.startsWith("it")) return "it";
        if (s.matches("[a-z]{2}")) return s;
        if (s.matches("[a-z]{2}[-_].*")) return s.substring(0, 2);
        return "und";
    }
}
