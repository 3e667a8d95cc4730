package dev.kanal.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModesTest {
    @TempDir
    Path root;

    @Test
    void the_default_umask_gives_0644_files_and_0755_folders_below_the_download_directory() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Path dir = Files.createDirectories(root.resolve("tv-sonarr/Show"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwx------"));
        Path file = Files.createTempFile(dir, "x", ".strm"); // 0600, as a temp file is created
        FileModes modes = new FileModes(0022);
        modes.file(file);
        modes.directories(root, dir);
        assertThat(mode(file)).isEqualTo("rw-r--r--");
        assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.getParent())).isEqualTo("rwxr-xr-x");
        assertThat(mode(root)).as("the user's download directory is left as it is").isEqualTo("rwx------");
    }

    @Test
    void a_group_writable_umask_as_linuxserver_images_take_it() throws Exception {
        Path file = Files.createFile(root.resolve("a.mp4"));
        FileModes modes = new FileModes(0002);
        modes.file(file);
        assertThat(mode(file)).isEqualTo("rw-rw-r--");
        assertThat(modes.directoryMode()).isEqualTo(0775);
        assertThat(new FileModes(0077).fileMode()).isEqualTo(0600);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
