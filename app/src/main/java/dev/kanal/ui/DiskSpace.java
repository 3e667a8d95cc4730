package dev.kanal.ui;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free and total space of the file system the downloads go to, so a full disk is seen before jobs fail. */
final class DiskSpace {
    private DiskSpace() {}

    /** @param error why the figures are missing, or null */
    record Usage(String path, long free_bytes, long total_bytes, String error) {}

    static Usage of(Path dir) {
        try {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing == null) return new Usage(dir.toString(), 0, 0, "the folder does not exist");
            FileStore store = Files.getFileStore(existing);
            return new Usage(dir.toString(), store.getUsableSpace(), store.getTotalSpace(), null);
        } catch (IOException e) {
            return new Usage(dir.toString(), 0, 0, "cannot read the disk: " + e.getMessage());
        }
    }
}
