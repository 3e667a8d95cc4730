package dev.kanal.strm;

import dev.kanal.KanalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code .strm} files Kanal wrote playable: a periodic scan checks each still exists,
 * still holds the current URL format, and still resolves to a source; regeneration rewrites files
 * whose URL is outdated (new URL version, new public URL). Rewrites happen in place so a hard link
 * Sonarr made into the library sees the new URL too. Copies Sonarr made instead (another file
 * system, hard links off) are found by their content: every {@code .strm} file below the library
 * roots whose line is a Kanal stream URL is tracked like the files Kanal wrote, so a new public
 * URL reaches every {@code .strm} in the library.
 */
public final class StrmLibrary implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StrmLibrary.class);

    private final StrmFileStore store;
    private final StrmFiles files;
    private final SourceCache cache;
    private final Clock clock;
    private final List<Path> libraryRoots;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("strm-scan").factory());
    private volatile Instant lastScan;

    public StrmLibrary(StrmFileStore store, StrmFiles files, SourceCache cache, Clock clock, List<Path> libraryRoots) {
        this.store = store;
        this.files = files;
        this.cache = cache;
        this.clock = clock;
        this.libraryRoots = List.copyOf(libraryRoots);
    }

    /** Deepest folder level searched below a root (Show/Season 01/file.strm is 3). */
    private static final int MAX_DEPTH = 8;
    /** A {@code .strm} file is one short line; anything bigger is not Kanal's. */
    private static final long MAX_STRM_BYTES = 4096;

    /**
     * Where imported copies are looked for: the download directory and, in the TRaSH Guides layout
     * ({@code /data/torrents} beside {@code /data/media}), the {@code media} folder beside it.
     */
    public static List<Path> libraryRoots(Path downloadDir) {
        Path parent = downloadDir.toAbsolutePath().normalize().getParent();
        return parent == null ? List.of(downloadDir) : List.of(downloadDir, parent.resolve("media"));
    }

    /**
     * Finds {@code .strm} files below the library roots that hold a Kanal stream URL and are not
     * tracked yet, and tracks them; then forgets tracked files that are gone when another copy of
     * the same episode is tracked. Returns how many copies were found.
     */
    int discover() {
        java.util.Set<Path> known = new java.util.HashSet<>();
        store.all().forEach(f -> known.add(f.path()));
        List<Path> found = new ArrayList<>();
        for (Path root : libraryRoots) {
            if (!Files.isDirectory(root)) continue;
            try {
                Files.walkFileTree(root, java.util.Set.of(), MAX_DEPTH, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                        Path p = file.toAbsolutePath().normalize();
                        if (attrs.isRegularFile() && attrs.size() <= MAX_STRM_BYTES && p.toString().endsWith(".strm")
                                && !known.contains(p)) {
                            track(p).ifPresent(x -> {
                                known.add(p);
                                found.add(p);
                            });
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE; // unreadable folders are not ours
                    }
                });
            } catch (IOException e) {
                log.warn("strm library search failed root={} reason={}", root, e.getMessage());
            }
        }
        forgetGoneCopies();
        if (!found.isEmpty()) log.info("strm copies found in the library count={}", found.size());
        return found.size();
    }

    private java.util.Optional<StrmLinks.Written> track(Path file) {
        try {
            var written = StrmLinks.parseLine(Files.readString(file, StandardCharsets.UTF_8));
            written.ifPresent(w -> store.recordWritten(file, w.target(), w.urlVersion(), clock.instant()));
            return written;
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private void forgetGoneCopies() {
        var all = store.all();
        java.util.Set<StrmTarget> present = new java.util.HashSet<>();
        for (var f : all) if (Files.isRegularFile(f.path())) present.add(f.target());
        for (var f : all) {
            if (!Files.isRegularFile(f.path()) && present.contains(f.target())) store.forget(f.path());
        }
    }

    /** Scans every {@code interval}, the first time one interval after start. */
    void startScanning(Duration interval) {
        long seconds = Math.max(60, interval.toSeconds());
        scheduler.scheduleWithFixedDelay(this::scanQuietly, seconds, seconds, TimeUnit.SECONDS);
    }

    /** The health of the library: how many files are known and which are broken, with why. */
    record Health(int files, Instant lastScan, List<StrmFileStore.StrmFile> broken) {}

    Health health() {
        return new Health(store.all().size(), lastScan, store.broken());
    }

    /** Checks every recorded file now; returns how many are broken. */
    public int scan() {
        cache.pruneExpired();
        discover();
        int broken = 0;
        for (var file : store.all()) {
            String reason = problemOf(file);
            store.recordChecked(file.path(), reason, clock.instant());
            if (reason != null) broken++;
        }
        lastScan = clock.instant();
        return broken;
    }

    /**
     * Rewrites every recorded file (or only {@code only}, when given) whose content is not today's URL;
     * returns the paths rewritten.
     */
    List<Path> regenerate(Path only) throws IOException {
        discover();
        List<Path> rewritten = new ArrayList<>();
        for (var file : store.all()) {
            if (only != null && !file.path().equals(only)) continue;
            if (!Files.isRegularFile(file.path())) continue;
            byte[] wanted = files.contentFor(file.target());
            if (Arrays.equals(Files.readAllBytes(file.path()), wanted)) continue;
            Files.write(file.path(), wanted, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            store.recordRegenerated(file.path(), StrmLinks.URL_VERSION, clock.instant());
            rewritten.add(file.path());
        }
        if (!rewritten.isEmpty()) log.info("strm files regenerated count={}", rewritten.size());
        return rewritten;
    }

    private String problemOf(StrmFileStore.StrmFile file) {
        if (!Files.isRegularFile(file.path())) {
            return "file is gone (deleted, or moved away by an import); nothing to play";
        }
        try {
            String content = Files.readString(file.path(), StandardCharsets.UTF_8);
            if (!content.equals(new String(files.contentFor(file.target()), StandardCharsets.UTF_8))) {
                return "URL outdated (format v" + file.urlVersion() + " or another public URL/signing key); "
                        + "POST /api/strm/regenerate rewrites it";
            }
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        try {
            cache.get(file.target());
            return null;
        } catch (KanalException e) {
            return e.getMessage();
        }
    }

    private void scanQuietly() {
        try {
            int broken = scan();
            if (broken > 0) log.warn("strm scan found broken files broken={}", broken);
            else log.info("strm scan found every file playable");
        } catch (RuntimeException e) {
            log.error("strm scan failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
