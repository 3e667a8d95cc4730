package dev.kanal.download;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The jail every download path lives in. Category folders, incomplete folders and finished files
 * are all derived here and checked to stay inside {@code KANAL_DOWNLOAD_DIR}, whatever a category,
 * {@code savepath} or release title contains. Also maps paths to and from the public save path
 * ({@code KANAL_QBIT_PUBLIC_SAVE_PATH}) another container sees.
 */
public final class DownloadPaths {
    private static final String INCOMPLETE = ".incomplete";

    private final Path root;
    private final String publicRoot;

    /** {@code publicRoot} empty means Sonarr sees the same paths as Kanal. */
    public DownloadPaths(Path root, String publicRoot) {
        this.root = root.toAbsolutePath().normalize();
        String p = publicRoot == null ? "" : publicRoot.strip();
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) p = p.substring(0, p.length() - 1);
        this.publicRoot = p;
    }

    public Path root() {
        return root;
    }

    /** The default folder of a category: {@code <download dir>/<category>} (sub-categories nest). */
    public Path categoryDefault(String category) {
        Path p = root;
        if (category != null) {
            for (String part : category.split("/")) {
                if (!part.isBlank()) p = p.resolve(FileNames.segment(part));
            }
        }
        return inside(p).orElse(root);
    }

    /**
     * Resolves a user-given save path (relative to the download directory, absolute inside it, or
     * absolute inside the public save path). Empty when it would leave the download directory.
     */
    public Optional<Path> resolveUserPath(String given) {
        if (given == null || given.isBlank() || given.indexOf('\0') >= 0) return Optional.empty();
        String g = given.strip().replace('\\', '/');
        if (!publicRoot.isEmpty() && (g.equals(publicRoot) || g.startsWith(publicRoot + "/"))) {
            g = g.substring(publicRoot.length());
            while (g.startsWith("/")) g = g.substring(1);
            return inside(root.resolve(g));
        }
        Path p;
        try {
            p = Path.of(g);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return inside(p.isAbsolute() ? p : root.resolve(p));
    }

    /** {@code p} normalised when it is the download directory or below it. */
    public Optional<Path> inside(Path p) {
        Path n = p.toAbsolutePath().normalize();
        return n.startsWith(root) ? Optional.of(n) : Optional.empty();
    }

    /** The folder a job downloads into before the finished file is moved next to it. */
    public Path incomplete(Path savePath, String hash) {
        return inside(savePath.resolve(INCOMPLETE).resolve(hash)).orElseThrow();
    }

    /** How Sonarr sees {@code internal}. */
    public String toPublic(Path internal) {
        String s = internal.toString();
        if (publicRoot.isEmpty()) return s;
        Path rel = root.relativize(internal);
        String r = rel.toString().replace('\\', '/');
        if (r.isEmpty()) return publicRoot;
        return publicRoot + (publicRoot.endsWith("/") ? "" : "/") + r;
    }
}
