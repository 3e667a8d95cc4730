package dev.kanal.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The permissions of what Kanal hands to media servers: finished downloads and {@code .strm} files
 * get {@code 0666 & ~umask}, the folders Kanal created for them {@code 0777 & ~umask}
 * ({@code KANAL_UMASK}, 022 by default: 0644 and 0755), so a Jellyfin or Plex running as another
 * user can read them. Set after the file is in place, whoever wrote it (yt-dlp, a temp file). A file
 * system without POSIX permissions is left alone.
 */
public final class FileModes {
    private static final Logger log = LoggerFactory.getLogger(FileModes.class);
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    private final int umask;

    /** @param umask the bits to take away, e.g. {@code 022} (octal) */
    public FileModes(int umask) {
        this.umask = umask & 0777;
    }

    /** {@code 0666 & ~umask} */
    public int fileMode() {
        return 0666 & ~umask;
    }

    /** {@code 0777 & ~umask} */
    public int directoryMode() {
        return 0777 & ~umask;
    }

    /** Gives {@code file} the file mode. */
    public void file(Path file) {
        apply(file, fileMode());
    }

    /**
     * Gives {@code dir} and each of its parents below {@code root} (the download directory, which
     * belongs to the user and is left as it is) the folder mode.
     */
    public void directories(Path root, Path dir) {
        Path r = root.toAbsolutePath().normalize();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && d.startsWith(r) && !d.equals(r); d = d.getParent()) {
            apply(d, directoryMode());
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) set.add(BITS[bit]);
        }
        return set;
    }

    private static void apply(Path path, int mode) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) return;
        try {
            view.setPermissions(permissions(mode));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.warn("cannot set permissions path=\"{}\" mode={} reason=\"{}\"", path, Integer.toOctalString(mode),
                    e.getMessage());
        }
    }
}
