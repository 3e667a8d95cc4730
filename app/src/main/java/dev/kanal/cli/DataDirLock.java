package dev.kanal.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on the data directory ({@code kanal.lock}), held while Kanal runs, so a second
 * Kanal on the same directory refuses to start instead of opening the first one's database and
 * crawling beside it. The file names the holder (pid, host, start time); the operating system
 * releases the lock when the process ends, however it ends, so a stale file never blocks a start.
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE = "kanal.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link Refused} naming the holder. */
    public static DataDirLock acquire(Path dataDir, Instant now) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new Refused("data directory " + dataDir + " is in use by another Kanal ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); stop it, or give this one its own KANAL_DATA_DIR");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on host " + hostname()
                    + ", started " + now + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new Refused("cannot lock data directory " + dataDir + ": " + e.getMessage());
        }
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process is ending; the OS drops the lock anyway
        }
    }

    /** Start-up refused for a reason the user fixes outside Kanal (a busy port or data directory). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
