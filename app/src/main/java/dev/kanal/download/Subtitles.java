package dev.kanal.download;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.SubtitleTrack;
import dev.kanal.providers.http.Fetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the caption tracks a hoster hands out (VOE's) as soft subtitles beside the video or the
 * {@code .strm} file: {@code <release>.<lang>.srt} ({@code .forced} for forced tracks), which
 * Sonarr imports as extra files and Jellyfin, Plex and Emby offer as external subtitles. Tracks
 * are fetched through the providers' guarded fetcher with the stream's headers; WebVTT is
 * converted to SRT. A track that cannot be fetched is logged and skipped: subtitles never fail a
 * download.
 */
public final class Subtitles {
    private static final Logger log = LoggerFactory.getLogger(Subtitles.class);
    /** Subtitle files are small; anything larger is not a subtitle. */
    private static final int MAX_CHARS = 5_000_000;

    /** Does nothing: for setups without a fetcher (tests, tools). */
    public static final Subtitles NONE = new Subtitles(null);

    private final Fetcher fetcher;

    /** @param fetcher the providers' hoster fetcher (private-address guard, rate limits, breakers) */
    public Subtitles(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Writes each track beside {@code mediaFile} as {@code <stem>.<lang>.srt}, the first track of a
     * language winning; returns the files written.
     */
    public List<Path> saveBeside(Path mediaFile, List<SubtitleTrack> tracks, Map<String, String> headers) {
        if (fetcher == null || tracks == null || tracks.isEmpty()) return List.of();
        String name = mediaFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path dir = mediaFile.toAbsolutePath().getParent();
        Set<String> taken = new HashSet<>();
        List<Path> written = new ArrayList<>();
        for (SubtitleTrack track : tracks) {
            String suffix = track.language() + (isForced(track) ? ".forced" : "");
            if (!taken.add(suffix)) continue;
            Path target = dir.resolve(stem + "." + suffix + "." + (track.extension().equals("ass") ? "ass" : "srt"));
            try {
                String text = fetch(track.url(), headers);
                if (track.extension().equals("vtt") || VttToSrt.isVtt(text)) {
                    if (!track.extension().equals("ass")) text = VttToSrt.convert(text);
                }
                if (text.isBlank()) {
                    log.info("subtitle skipped lang={} reason=\"no cues\"", track.language());
                    continue;
                }
                Path tmp = dir.resolve("." + target.getFileName() + ".part");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
                log.info("subtitle saved lang={} file=\"{}\"", suffix, target.getFileName());
            } catch (ProviderException e) {
                log.warn("subtitle skipped lang={} reason=\"{}\"", track.language(), e.failure().describe());
            } catch (IOException | RuntimeException e) {
                log.warn("subtitle skipped lang={} reason=\"{}\"", track.language(), e.getMessage());
            }
        }
        return written;
    }

    private String fetch(URI url, Map<String, String> streamHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        streamHeaders.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.equals("user-agent") || key.equals("referer") || key.equals("origin")) headers.put(k, v);
        });
        headers.put("Accept", "text/vtt,text/plain,*/*");
        String body = fetcher.get(url, headers).body();
        if (body.length() > MAX_CHARS) throw new IllegalStateException("subtitle larger than " + MAX_CHARS + " chars");
        return body;
    }

    private static boolean isForced(SubtitleTrack track) {
        String label = track.label().toLowerCase(Locale.ROOT);
        return label.contains("forced") || label.contains("erzwungen");
    }
}
