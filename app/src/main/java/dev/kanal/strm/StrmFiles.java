package dev.kanal.strm;

import dev.kanal.download.FileNames;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code <release title>.strm} files: one line, Kanal's signed stream URL for the episode.
 * The file appears complete or not at all (written to a temp file, then linked into place), and a
 * taken name gets {@code .2}, {@code .3} … without a check-then-write race. Every file written is
 * recorded for the library health scan. Jobs in STRM mode call {@link #write}.
 */
public final class StrmFiles {
    private static final Logger log = LoggerFactory.getLogger(StrmFiles.class);
    /** Longest name before {@code .N.strm}, in UTF-8 bytes (filesystems allow 255 bytes, not characters). */
    static final int MAX_NAME_BYTES = 200;
    private static final int MAX_SUFFIX = 1000;

    private final StrmLinks links;
    private final StrmFileStore store;
    private final Clock clock;

    public StrmFiles(StrmLinks links, StrmFileStore store, Clock clock) {
        this.links = links;
        this.store = store;
        this.clock = clock;
    }

    /** Writes the {@code .strm} for {@code episode} in {@code language} into {@code directory}; returns its path. */
    public Path write(Path directory, String releaseTitle, EpisodeAddress episode, Language language)
            throws IOException {
        StrmTarget target = new StrmTarget(episode, language);
        Files.createDirectories(directory);
        String name = fileName(releaseTitle);
        byte[] content = contentFor(target);
        Path temp = Files.createTempFile(directory, ".kanal-", ".strm.tmp");
        try {
            Files.write(temp, content);
            Path written = place(temp, directory, name);
            store.recordWritten(written, target, StrmLinks.URL_VERSION, clock.instant());
            log.info("strm written file=\"{}\" target=\"{}\"", written.getFileName(), target.describe());
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The exact bytes a {@code .strm} for {@code target} holds today. */
    byte[] contentFor(StrmTarget target) {
        return (links.streamUrl(target) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Links the finished temp file under the first free name; the link either succeeds whole or fails. */
    private static Path place(Path temp, Path directory, String name) throws IOException {
        for (int i = 1; i <= MAX_SUFFIX; i++) {
            Path candidate = directory.resolve(i == 1 ? name + ".strm" : name + "." + i + ".strm");
            try {
                Files.createLink(candidate, temp);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here (some network shares): reserve the name atomically, then replace it
                try {
                    Files.createFile(candidate);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                Files.move(temp, candidate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return candidate;
            }
        }
        throw new FileAlreadyExistsException(directory.resolve(name + ".strm").toString(), null,
                "more than " + MAX_SUFFIX + " files with this name");
    }

    /**
     * A safe file name from a release title: no path separators, reserved, control or invisible format
     * characters (U+202E, U+0085 …), no Windows device name, at most {@value #MAX_NAME_BYTES} UTF-8
     * bytes, never empty.
     */
    static String fileName(String releaseTitle) {
        String s = FileNames.withoutInvisible(releaseTitle);
        s = s.replaceAll("[\\\\/:*?\"<>|]+", "_").replaceAll("\\s+", " ").strip();
        s = s.replaceFirst("^\\.+", "");
        s = FileNames.truncateBytes(s, MAX_NAME_BYTES).replaceAll("[. ]+$", "");
        if (s.isEmpty() || s.equals(".") || s.equals("..")) return "Episode";
        return FileNames.avoidDeviceName(s);
    }
}
