package dev.kanal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates real, short media with ffmpeg for download and streaming tests: an mp4 with H.264 video
 * and AAC audio, the same as an HLS playlist with segments, and a file that is not media at all.
 * Generate once per test class (it takes about a second).
 */
public final class TestMedia {
    private TestMedia() {}

    /** A {@code seconds}-long 320x240 H.264/AAC mp4 at {@code dir/name}. */
    public static Path mp4(Path dir, String name, int seconds) {
        Path out = dir.resolve(name);
        ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=duration=" + seconds + ":size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=duration=" + seconds, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", out.toString()));
        return out;
    }

    /** An HLS stream in {@code dir/name/} with 1-second segments; returns the playlist. */
    public static Path hls(Path dir, String name, int seconds) {
        Path folder = dir.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path playlist = folder.resolve("index.m3u8");
        ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=duration=" + seconds + ":size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=duration=" + seconds, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac", "-shortest", "-f", "hls", "-hls_time", "1",
                "-hls_playlist_type", "vod", "-hls_segment_filename", folder.resolve("seg%03d.ts").toString(),
                playlist.toString()));
        return playlist;
    }

    /** A file with an .mp4 name that ffprobe cannot read. */
    public static Path notMedia(Path dir, String name) {
        Path out = dir.resolve(name);
        try {
            byte[] junk = new byte[64 * 1024];
            new java.util.Random(7).nextBytes(junk);
            Files.write(out, junk);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void ffmpeg(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
