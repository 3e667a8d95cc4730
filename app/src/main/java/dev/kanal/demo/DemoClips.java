package dev.kanal.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's media: test-pattern clips with a tone, made by ffmpeg the first time they are asked
 * for and kept in {@code <data dir>/demo/}. An episode is 20 s, the film 100 s (long enough that
 * Radarr does not take it for a sample); each exists as an MP4 file and as an HLS rendition cut
 * from that file. A clip appears complete or not at all (built in a temp directory, then moved).
 */
final class DemoClips {
    private static final Logger log = LoggerFactory.getLogger(DemoClips.class);

    /** The two clips, with their length in seconds. */
    enum Clip {
        EPISODE(20), MOVIE(100);

        final int seconds;

        Clip(int seconds) {
            this.seconds = seconds;
        }

        String dirName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Path dir;
    private final String ffmpeg;

    DemoClips(Path dir, String ffmpeg) {
        this.dir = dir;
        this.ffmpeg = ffmpeg;
    }

    /** The MP4 file of {@code clip}, generated on first use. */
    Path mp4(Clip clip) throws IOException {
        return ensure(clip).resolve("clip.mp4");
    }

    /** A file of the HLS rendition ({@code index.m3u8} or a segment), generated on first use. */
    Path hls(Clip clip, String name) throws IOException {
        Path root = ensure(clip).resolve("hls");
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) throw new java.nio.file.NoSuchFileException(name);
        return file;
    }

    private synchronized Path ensure(Clip clip) throws IOException {
        Path target = dir.resolve(clip.dirName());
        if (Files.isRegularFile(target.resolve("hls/index.m3u8"))) return target;
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, ".build-");
        try {
            long start = System.nanoTime();
            Path mp4 = work.resolve("clip.mp4");
            run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24",
                    "-f", "lavfi", "-i", "sine=frequency=" + (clip == Clip.MOVIE ? 330 : 440) + ":sample_rate=44100",
                    "-t", Integer.toString(clip.seconds), "-c:v", "libx264", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", "-g", "48", "-c:a", "aac", "-b:a", "64k", "-ac", "2",
                    "-movflags", "+faststart", mp4.toString()));
            Path hls = Files.createDirectories(work.resolve("hls"));
            run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", mp4.toString(), "-c", "copy",
                    "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod",
                    "-hls_segment_filename", hls.resolve("seg%03d.ts").toString(), hls.resolve("index.m3u8").toString()));
            deleteTree(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("demo clip generated clip={} seconds={} took_ms={} dir=\"{}\"", clip.dirName(), clip.seconds,
                    (System.nanoTime() - start) / 1_000_000, target);
            return target;
        } finally {
            deleteTree(work);
        }
    }

    /** True when {@code ffmpeg -version} runs. */
    static boolean runs(String ffmpeg) {
        try {
            run(List.of(ffmpeg, "-hide_banner", "-version"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ffmpeg did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IOException("ffmpeg failed (exit " + p.exitValue() + "): "
                        + output.lines().findFirst().orElse(""));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ffmpeg", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
