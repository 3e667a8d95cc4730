package dev.kanal.download;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT to SubRip, the subset hosters serve: cues with optional identifiers and settings,
 * {@code mm:ss.ttt} or {@code hh:mm:ss.ttt} times, inline tags. NOTE, STYLE and REGION blocks are
 * dropped; {@code <b>}, {@code <i>} and {@code <u>} stay (SRT players read them), other tags go.
 */
public final class VttToSrt {
    private static final Pattern TIMING = Pattern.compile(
            "^\\s*(?<from>(?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s+-->\\s+(?<to>(?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})");
    private static final Pattern TAG = Pattern.compile("</?(?!/?[biu]>)[^>]*>");

    private VttToSrt() {}

    /** True when the text is WebVTT (starts with the {@code WEBVTT} signature, BOM allowed). */
    public static boolean isVtt(String text) {
        return text != null && text.replaceFirst("^\uFEFF", "").stripLeading().startsWith("WEBVTT");
    }

    /** The SRT text of a WebVTT document; an empty string when it has no cues. */
    public static String convert(String vtt) {
        String[] blocks = vtt.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\uFEFF", "").split("\n\\s*\n");
        List<String> cues = new ArrayList<>();
        for (String block : blocks) {
            String[] lines = block.strip().split("\n");
            int timingLine = -1;
            for (int i = 0; i < Math.min(2, lines.length); i++) {
                if (TIMING.matcher(lines[i]).find()) {
                    timingLine = i;
                    break;
                }
            }
            if (timingLine < 0) continue; // header, NOTE, STYLE, REGION
            Matcher m = TIMING.matcher(lines[timingLine]);
            m.find();
            StringBuilder text = new StringBuilder();
            for (int i = timingLine + 1; i < lines.length; i++) {
                String line = TAG.matcher(lines[i]).replaceAll("").replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&nbsp;", " ");
                if (!text.isEmpty()) text.append('\n');
                text.append(line);
            }
            if (text.toString().isBlank()) continue;
            cues.add(time(m.group("from")) + " --> " + time(m.group("to")) + "\n" + text);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) out.append(i + 1).append('\n').append(cues.get(i)).append("\n\n");
        return out.toString();
    }

    /** {@code mm:ss.t} or {@code hh:mm:ss.ttt} as SRT's {@code hh:mm:ss,ttt}. */
    static String time(String vtt) {
        String[] dot = vtt.replace(',', '.').split("\\.");
        String[] parts = dot[0].split(":");
        int h = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
        int mi = Integer.parseInt(parts[parts.length - 2]);
        int s = Integer.parseInt(parts[parts.length - 1]);
        String ms = (dot.length > 1 ? dot[1] : "0");
        ms = (ms + "00").substring(0, 3);
        return String.format("%02d:%02d:%02d,%s", h, mi, s, ms);
    }
}
