package dev.kanal.download;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a release title (a magnet's {@code dn}) into a file name every filesystem accepts: no path
 * separators, reserved characters, control characters or Windows device names, no leading dots and
 * at most {@value #MAX_BYTES} UTF-8 bytes. Sonarr parses the result, so dots and spaces stay.
 */
public final class FileNames {
    static final int MAX_BYTES = 180;
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    private FileNames() {}

    /** A safe base name (without extension) for {@code title}; never empty. */
    public static String sanitize(String title) {
        StringBuilder sb = new StringBuilder();
        String in = title == null ? "" : title;
        for (int i = 0; i < in.length(); ) {
            int cp = in.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x20 || cp == 0x7f || "/\\:*?\"<>|".indexOf(cp) >= 0) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String s = sb.toString().replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        s = truncate(s, MAX_BYTES).replaceAll("[. ]+$", "");
        if (s.isEmpty()) s = "download";
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT))) s = "_" + s;
        return s;
    }

    /** A safe single path segment for a category or other user-given folder name. */
    public static String segment(String name) {
        String s = sanitize(name);
        return s.equals("..") ? "download" : s;
    }

    private static String truncate(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return s;
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) break;
            sb.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
