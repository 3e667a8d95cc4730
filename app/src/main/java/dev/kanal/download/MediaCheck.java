package dev.kanal.download;

/**
 * What ffprobe found in a finished file that passed the check.
 *
 * @param extension the container's real extension (mp4, mkv, webm, ts, …), without a dot
 * @param durationSeconds playing time
 * @param height video height in pixels; 0 when ffprobe could not tell
 * @param videoCodec e.g. {@code h264}
 */
public record MediaCheck(String extension, double durationSeconds, int height, String videoCodec) {}
