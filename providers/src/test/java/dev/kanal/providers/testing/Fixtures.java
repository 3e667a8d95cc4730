package dev.kanal.providers.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds test pages: the real captures in the shared folder (never copied into the repo; found by
 * walking up from the working directory to a folder holding {@code shared/fixtures}, which in CI
 * is the clone's sibling {@code ../shared}) and the pages we wrote ourselves under
 * {@code src/test/resources/fixtures/site/<site>/}.
 */
public final class Fixtures {
    private Fixtures() {}

    /** The shared capture folder, if this checkout has one nearby (looked up once; said once when absent). */
    public static Optional<Path> sharedRoot() {
        return SharedRoot.ROOT;
    }

    /** Found once per test JVM, so a clean clone says once that it runs without the real captures. */
    private static final class SharedRoot {
        static final Optional<Path> ROOT = find();

        static {
            if (ROOT.isEmpty()) {
                System.err.println("[fixtures] no shared/fixtures above " + Path.of("").toAbsolutePath()
                        + ": running on the project's own pages only; the real-capture tests are skipped");
            }
        }
    }

    private static Optional<Path> find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            for (Path candidate : List.of(dir.resolve("shared/fixtures"), dir.resolveSibling("shared/fixtures"))) {
                if (Files.isDirectory(candidate)) return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * A shared capture, e.g. {@code sto-v2/serienstream-episode-silo-s1e1.html}. Without the shared
     * folder (a clean clone) the calling test is skipped, not failed: each real-capture test has a
     * twin on the project's own page of the same kind.
     */
    public static String shared(String relative) {
        Optional<Path> root = sharedRoot();
        Assumptions.assumeTrue(root.isPresent(), "shared/fixtures absent: real capture " + relative + " not run");
        Path file = root.get().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared/fixtures has no " + relative);
        return read(file);
    }

    /** Every shared capture of one folder ({@code aniworld}, {@code sto-v2}); empty when absent. */
    public static List<Path> sharedFiles(String folder) {
        return sharedRoot().map(r -> list(r.resolve(folder))).orElse(List.of());
    }

    /** One of our own pages: {@code fixtures/site/<site>/<name>}. */
    public static String site(String site, String name) {
        String path = "/fixtures/site/" + site + "/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every one of our own pages for a site (from the source tree, so a new file is picked up). */
    public static List<Path> siteFiles(String site) {
        return list(Path.of("src/test/resources/fixtures/site", site));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
