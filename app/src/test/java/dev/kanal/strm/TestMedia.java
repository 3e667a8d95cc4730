package dev.kanal.strm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real media made with ffmpeg once per test class: an mp4 and the same video as HLS. */
record TestMedia(Path dir, Path mp4, Path mediaPlaylist, Path masterPlaylist) {

    static TestMedia generate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("hls"));
        Path mp4 = dir.resolve("video.mp4");
        run(dir, List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "8", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-shortest", "-movflags", "+faststart", mp4.toString()));
        Path media = dir.resolve("hls/index.m3u8");
        run(dir, List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", mp4.toString(),
                "-c", "copy", "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
                "-hls_segment_filename", dir.resolve("hls/seg%03d.ts").toString(), media.toString()));
        Path master = dir.resolve("hls/master.m3u8");
        Files.writeString(master, """
                #EXTM3U
                #EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=800000,RESOLUTION=320x240,CODECS="avc1.42c00d,mp4a.40.2"
                index.m3u8?t=abc
                """);
        return new TestMedia(dir, mp4, media, master);
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("ffmpeg failed: " + out);
    }
}
