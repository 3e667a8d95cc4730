package dev.kanal.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The versions of the programs Kanal drives (yt-dlp, ffmpeg), asked once in the background at
 * start and shown on {@code /health}, so a bug report or a look at a container says what runs.
 */
public final class ToolVersions {
    private static final long TIMEOUT_SECONDS = 10;

    private final CompletableFuture<Map<String, String>> versions;

    private ToolVersions(CompletableFuture<Map<String, String>> versions) {
        this.versions = versions;
    }

    /** Nothing asked (tests and tools that run no downloads). */
    public static ToolVersions none() {
        return new ToolVersions(CompletableFuture.completedFuture(Map.of()));
    }

    /**
     * Asks {@code ytdlp --version} and the ffmpeg beside {@code ffprobe} ({@code ffmpeg -version})
     * on a background thread.
     */
    public static ToolVersions detect(String ytdlp, String ffprobe) {
        String ffmpeg = ffprobe.endsWith("ffprobe") ? ffprobe.substring(0, ffprobe.length() - "ffprobe".length()) + "ffmpeg"
                : "ffmpeg";
        var executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tool-versions").factory());
        CompletableFuture<Map<String, String>> future = CompletableFuture.supplyAsync(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("yt_dlp", ask(List.of(ytdlp, "--version"), false));
            out.put("ffmpeg", ask(List.of(ffmpeg, "-version"), true));
            return Map.copyOf(out);
        }, executor);
        future.whenComplete((v, e) -> executor.shutdown());
        return new ToolVersions(future);
    }

    /** What is known so far: {@code {"yt_dlp": "2026.08.19", "ffmpeg": "5.1.6-0+deb12u1"}}, or "checking". */
    public Map<String, String> current() {
        return versions.getNow(Map.of("yt_dlp", "checking", "ffmpeg", "checking"));
    }

    /** First line of the program's output; for ffmpeg ("ffmpeg version X Copyright …") just X. */
    static String ask(List<String> command, boolean ffmpegStyle) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String first;
            try (InputStream in = p.getInputStream()) {
                first = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "no answer";
            }
            if (p.exitValue() != 0) return "failed (exit " + p.exitValue() + ")";
            return ffmpegStyle ? versionWord(first) : first;
        } catch (IOException e) {
            return "not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String versionWord(String line) {
        String[] words = line.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("version")) return words[i + 1];
        }
        return line;
    }
}
