package dev.kanal.download;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quality words of a release name, in the forms Sonarr's and Radarr's {@code QualityParser}
 * read: a resolution among {@code 480p 576p 720p 1080p 2160p} (their resolution regex knows no
 * other heights, so a measured 1072 is named 1080p) and a codec tag. One place decides them, for the
 * Torznab title and for the downloaded file's name, so the file Sonarr imports carries the quality
 * ffprobe measured and a later Torznab title naming the same height is no "upgrade".
 */
public final class QualityTags {
    private static final Pattern RESOLUTION = Pattern.compile("(?i)(?<=^|[.\\s\\[])\\d{3,4}p(?=$|[.\\s\\]-])");
    private static final Pattern CODEC = Pattern.compile("(?i)(?<=^|[.\\s\\[])(?:H264|H265|AV1|VP9)(?=$|[.\\s\\]-])");
    private static final Pattern WEB_DL = Pattern.compile("(?<=^|[.\\[])WEB-DL(?=$|[.\\]\\s-])");

    private QualityTags() {}

    /** The standard resolution tag for a measured video height, or null when the height is unknown. */
    public static String resolution(Integer height) {
        if (height == null || height <= 0) return null;
        if (height >= 1600) return "2160p";
        if (height >= 900) return "1080p";
        if (height >= 650) return "720p";
        if (height >= 540) return "576p";
        return "480p";
    }

    /** The codec tag for an ffprobe codec name ({@code h264}, {@code hevc}, …), or null when unknown. */
    public static String codec(String codec) {
        if (codec == null) return null;
        String c = codec.toLowerCase(Locale.ROOT);
        if (c.contains("hevc") || c.contains("265")) return "H265";
        if (c.contains("av1") || c.contains("av01")) return "AV1";
        if (c.contains("vp9") || c.contains("vp09")) return "VP9";
        if (c.contains("264") || c.contains("avc")) return "H264";
        return null;
    }

    /**
     * {@code title} with the measured quality in place of whatever quality it named: Kanal's scene
     * form {@code Show.S01E05.WEB-DL.German-KANAL} becomes {@code Show.S01E05.1080p.WEB-DL.H264.German-KANAL},
     * the anime form {@code [KANAL] Show - 05 [WEB-DL][German]} becomes
     * {@code [KANAL] Show - 05 [WEB-DL 1080p H264][German]}. A title without Kanal's {@code WEB-DL}
     * word, or an unknown height, leaves the title as it is.
     */
    public static String measured(String title, int height, String videoCodec) {
        String res = resolution(height);
        if (title == null || res == null) return title;
        Matcher web = WEB_DL.matcher(title);
        if (!web.find()) return title;
        String codec = codec(videoCodec);
        boolean bracket = web.start() > 0 && title.charAt(web.start() - 1) == '[';
        String head = strip(title.substring(0, web.start()));
        String tail = strip(title.substring(web.end()));
        if (bracket) {
            return head + "WEB-DL " + res + (codec == null ? "" : " " + codec) + tail;
        }
        String before = head.endsWith(".") ? head : head + ".";
        return before + res + ".WEB-DL" + (codec == null ? "" : "." + codec) + tail;
    }

    /** Removes resolution and codec words and the separators they leave doubled. */
    private static String strip(String part) {
        String s = RESOLUTION.matcher(part).replaceAll("");
        s = CODEC.matcher(s).replaceAll("");
        return s.replaceAll("\\.{2,}", ".").replaceAll("(?<=\\[) +| +(?=\\])", "").replaceAll(" {2,}", " ");
    }
}
