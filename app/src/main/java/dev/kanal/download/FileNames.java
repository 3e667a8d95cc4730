package dev.kanal.download;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a release title (a magnet's {@code dn}) into a file name every filesystem accepts: no path
 * separators, reserved characters, control characters (C0 and C1, e.g. U+0085), invisible format
 * characters (bidi overrides such as U+202E, zero-width characters: Unicode category Cf) or Windows
 * device names ({@code CON}, {@code NUL}, {@code COM1} …), no leading dots and at most
 * {@value #MAX_BYTES} UTF-8 bytes (filesystems count bytes, not characters). Sonarr parses the
 * result, so dots and spaces stay. The pieces are public for the other writer of names,
 * {@code strm.StrmFiles}.
 */
public final class FileNames {
    static final int MAX_BYTES = 180;
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2",
            "COM\u00b3", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9",
            "LPT\u00b2", "LPT\u00b3");

    private FileNames() {}

    /** A safe base name (without extension) for {@code title}; never empty. */
    public static String sanitize(String title) {
        StringBuilder sb = new StringBuilder();
        String in = title == null ? "" : title;
        for (int i = 0; i < in.length(); ) {
            int cp = in.codePointAt(i);
            i += Character.charCount(cp);
            if (isFormat(cp)) continue;
            if (isControl(cp) || "/\\:*?\"<>|".indexOf(cp) >= 0) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String s = sb.toString().replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        s = truncate(s, MAX_BYTES).replaceAll("[. ]+$", "");
        if (s.isEmpty()) s = "download";
        return avoidDeviceName(s);
    }

    /**
     * {@code text} without format characters (removed) and with control, line and paragraph
     * separator characters as spaces.
     */
    public static String withoutInvisible(String text) {
        StringBuilder sb = new StringBuilder();
        String in = text == null ? "" : text;
        for (int i = 0; i < in.length(); ) {
            int cp = in.codePointAt(i);
            i += Character.charCount(cp);
            if (isFormat(cp)) continue;
            if (isControl(cp)) sb.append(' ');
            else sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** {@code name} with a {@code _} in front when Windows would read it as a device ({@code nul.S01E01}). */
    public static String avoidDeviceName(String name) {
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return WINDOWS_DEVICES.contains(stem.strip().toUpperCase(Locale.ROOT)) ? "_" + name : name;
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes, cut between code points. */
    public static String truncateBytes(String s, int maxBytes) {
        return truncate(s, maxBytes);
    }

    /** Invisible characters that reorder or hide text: Unicode category Cf (U+202E, U+200B, U+FEFF …). */
    private static boolean isFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    /** C0 and C1 controls (U+0085 included), DEL, and the line and paragraph separators. */
    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
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
