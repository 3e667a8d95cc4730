package dev.kanal.providers.hoster;

import dev.kanal.providers.hoster.js.PackedScript;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the media URL out of a JWPlayer {@code setup({...})} call, the player Filemoon, Vidmoly,
 * Luluvdo and other XFS-based hosters share once their packing is undone. Patterns go from the
 * most specific to the loosest, and subtitle or poster files are never taken for the video.
 */
final class PlayerSetup {
    /** {@code sources: [{file:"…"}]}, the JWPlayer source list; values and keys may be quoted, single or double. */
    private static final Pattern SOURCES_FILE = Pattern.compile(
            "[\"']?sources[\"']?\\s*:\\s*\\[\\s*\\{[^}]*?\\bfile[\"']?\\s*:\\s*[\"'](?<url>[^\"']+)[\"']");

    /** {@code file:"….m3u8…"} anywhere in the setup. */
    private static final Pattern FILE_PLAYLIST = Pattern.compile(
            "\\bfile[\"']?\\s*:\\s*[\"'](?<url>[^\"']+\\.m3u8[^\"']*)[\"']");

    /** Any quoted absolute playlist URL, for setups that build the source object elsewhere. */
    private static final Pattern ANY_PLAYLIST = Pattern.compile(
            "[\"'](?<url>https?://[^\"'\\s]+\\.m3u8[^\"'\\s]*)[\"']");

    /** Loosest: the first {@code file:"http…"} that is not a subtitle or an image. */
    private static final Pattern ANY_FILE = Pattern.compile(
            "\\bfile[\"']?\\s*:\\s*[\"'](?<url>https?://[^\"']+)[\"']");

    private static final List<String> NOT_VIDEO = List.of(".vtt", ".srt", ".jpg", ".jpeg", ".png", ".webp", ".gif");

    private PlayerSetup() {}

    /**
     * The scripts a player page's setup may sit in: every packed script unpacked, then the page
     * itself. An unreadable packed script means the markup changed ({@code concept}).
     */
    static List<String> scripts(URI pageUrl, String body, String concept) {
        List<String> scripts = new ArrayList<>();
        try {
            scripts.addAll(PackedScript.unpackAll(body));
        } catch (IllegalArgumentException e) {
            throw EmbedPages.markupChanged(pageUrl, concept, "PackedScript.PACKED");
        }
        scripts.add(body);
        return scripts;
    }

    /** The media URL in the first script that has one. */
    static Optional<String> mediaUrl(List<String> scripts) {
        for (Pattern p : List.of(SOURCES_FILE, FILE_PLAYLIST, ANY_PLAYLIST, ANY_FILE)) {
            for (String script : scripts) {
                Matcher m = p.matcher(script);
                while (m.find()) {
                    String url = m.group("url");
                    if (isVideo(url)) return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isVideo(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        return NOT_VIDEO.stream().noneMatch(path::endsWith);
    }
}
