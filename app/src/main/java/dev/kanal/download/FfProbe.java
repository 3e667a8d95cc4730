package dev.kanal.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Checks a finished download with ffprobe before it is handed to Sonarr: it must have a video
 * stream, an audio stream and a duration. A file that fails is a failed attempt, never a completed
 * torrent. Also tells the real container, so the file never keeps yt-dlp's {@code .unknown_video}.
 *
 * <p>ffprobe never touches the network: it may open local files only ({@code -protocol_whitelist
 * file}), and a "media" file that is really a playlist, page or concat list (text that would make it
 * fetch further URLs) is refused before ffprobe runs.
 */
public final class FfProbe {
    private final String executable;
    private final ObjectMapper json;

    public FfProbe(String executable, ObjectMapper json) {
        this.executable = executable;
        this.json = json;
    }

    /** Thrown when the file is not playable media; the message says what is missing. */
    public static final class BrokenMedia extends Exception {
        public BrokenMedia(String message) {
            super(message, null, false, false);
        }
    }

    /** Probes {@code file}; throws {@link BrokenMedia} naming what is wrong. */
    public MediaCheck check(Path file) throws BrokenMedia, IOException, InterruptedException {
        refuseText(file);
        Process p = new ProcessBuilder(List.of(executable, "-v", "error", "-protocol_whitelist", "file",
                "-show_entries",
                "format=format_name,duration:stream=codec_type,codec_name,height", "-of", "json", file.toString()))
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            ProcessTree.kill(p.toHandle());
            throw new BrokenMedia("ffprobe did not finish within 60 s");
        }
        if (p.exitValue() != 0) throw new BrokenMedia("ffprobe cannot read the file (not a media file)");
        JsonNode root = json.readTree(new String(out, StandardCharsets.UTF_8));
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText();
            if (type.equals("video") && video == null && !s.path("codec_name").asText().matches("mjpeg|png")) video = s;
            if (type.equals("audio")) audio = true;
        }
        double duration = root.path("format").path("duration").asDouble(0);
        if (video == null) throw new BrokenMedia("no video stream");
        if (!audio) throw new BrokenMedia("no audio stream");
        if (!(duration > 0)) throw new BrokenMedia("no duration");
        String ext = extensionOf(root.path("format").path("format_name").asText(""));
        return new MediaCheck(ext, duration, video.path("height").asInt(0), video.path("codec_name").asText(""));
    }

    /** Playlists, pages and concat lists are text; media containers never start like these. */
    private static void refuseText(Path file) throws BrokenMedia, IOException {
        byte[] start = new byte[64];
        int n;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        }
        String head = new String(start, 0, n, StandardCharsets.ISO_8859_1).stripLeading()
                .replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) head = head.substring(3).stripLeading();
        if (head.startsWith("#extm3u") || head.startsWith("<") || head.startsWith("ffconcat")
                || head.startsWith("file ") || head.startsWith("[playlist]")) {
            throw new BrokenMedia("the file is a playlist or web page, not media");
        }
    }

    static String extensionOf(String formatName) {
        String f = formatName.toLowerCase(Locale.ROOT);
        if (f.contains("mp4") || f.contains("mov")) return "mp4";
        if (f.contains("matroska") || f.contains("webm")) return f.equals("webm") ? "webm" : "mkv";
        if (f.contains("mpegts")) return "ts";
        if (f.contains("flv")) return "flv";
        if (f.contains("avi")) return "avi";
        return "mkv";
    }
}
