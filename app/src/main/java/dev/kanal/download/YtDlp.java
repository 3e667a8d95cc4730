package dev.kanal.download;

import dev.kanal.egress.EgressProxy;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.http.PrivateAddressGuard;
import dev.kanal.providers.http.UpstreamAllowance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place yt-dlp is started. It runs as a child process writing machine-readable progress
 * lines ({@code --newline --progress-template}, both in Debian's 2023.03.04), with the headers the
 * media source needs, concurrent HLS fragments and an optional rate limit, into a folder of its own
 * so a rerun resumes the partial file ({@code --continue}).
 *
 * <p>Every request it makes (the media URL, each redirect, each HLS/DASH segment, key and map) goes
 * through an {@link EgressProxy} of this run ({@code --proxy}), which connects only to allowed
 * addresses. Protocols urllib opens itself ({@code ftp://} redirects and segments) cannot go
 * around it: a {@code sitecustomize.py} on the child's {@code PYTHONPATH} lets the process connect to
 * the proxy and nowhere else, and HLS is fetched by yt-dlp's own downloader, not by ffmpeg. A run
 * during which anything was refused fails and leaves no media file: a hoster that points inward is
 * hostile, and a file with refused fragments skipped would be broken anyway.
 */
public final class YtDlp {
    /** The file base name inside the job's incomplete folder. */
    static final String BASE = "media";
    private static final String MARK = "[kanal-progress]";
    private static final int FRAGMENTS = 4;
    /** What the socket lock puts in the error it raises. */
    private static final String LOCK_REFUSED = "kanal-egress-refused";

    private final String executable;
    private final String rateLimit;
    private final UpstreamAllowance allowance;
    private final PrivateAddressGuard guard;
    private Path lockDirectory;

    public YtDlp(String executable, String rateLimit) {
        this(executable, rateLimit, true);
    }

    public YtDlp(String executable, String rateLimit, boolean allowPrivateUpstreams) {
        this(executable, rateLimit, UpstreamAllowance.of(allowPrivateUpstreams));
    }

    /**
     * @param allowance which loopback and private addresses yt-dlp may reach; any other is refused
     *     by the run's proxy (a hostile hoster page cannot make Kanal fetch from the user's network)
     */
    public YtDlp(String executable, String rateLimit, UpstreamAllowance allowance) {
        this.executable = executable;
        this.rateLimit = rateLimit == null ? "" : rateLimit;
        this.allowance = allowance;
        this.guard = new PrivateAddressGuard(allowance);
    }

    /** What to fetch, and where to. */
    public record Request(URI url, Map<String, String> headers, Path directory) {}

    /** Receives the child process once it runs, then its progress. Called on the download thread. */
    public interface Listener {
        void started(ProcessHandle process);

        void progress(DownloadProgress progress);
    }

    /** How a run ended. */
    public sealed interface Outcome {
        /** yt-dlp exited 0 and left {@code file}. */
        record Finished(Path file) implements Outcome {}

        /** yt-dlp failed; {@code message} is its last error line. */
        record Failed(String message) implements Outcome {}
    }

    /** Runs yt-dlp to completion (or until its process is killed) and reports how it ended. */
    public Outcome download(Request request, Listener listener) throws IOException, InterruptedException {
        try {
            guard.check(request.url());
        } catch (ProviderException e) {
            return new Outcome.Failed(e.getMessage());
        }
        Files.createDirectories(request.directory());
        try (EgressProxy proxy = EgressProxy.start(allowance)) {
            List<String> refused = new ArrayList<>();
            Outcome outcome = run(request, listener, proxy.url(), refused);
            refused.addAll(0, proxy.refusals());
            if (refused.isEmpty()) return outcome;
            removeMedia(request.directory());
            return new Outcome.Failed("refused by Kanal's address guard: " + refused.get(0)
                    + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : "")
                    + "; KANAL_ALLOW_PRIVATE_UPSTREAMS lists addresses that may be reached");
        }
    }

    private Outcome run(Request request, Listener listener, URI proxy, List<String> lockRefusals)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(request, proxy)).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String lock = lockDirectory().toString();
        String pythonPath = env.get("PYTHONPATH");
        env.put("PYTHONPATH", pythonPath == null || pythonPath.isBlank() ? lock
                : lock + java.io.File.pathSeparator + pythonPath);
        env.put("KANAL_EGRESS_PROXY", proxy.getHost() + ":" + proxy.getPort());
        Process process = builder.start();
        listener.started(process.toHandle());
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(LOCK_REFUSED) && lockRefusals.size() < 10) lockRefusals.add(lockRefusal(line));
                if (line.startsWith(MARK)) {
                    parse(line.substring(MARK.length())).ifPresent(listener::progress);
                } else if (!line.isBlank()) {
                    tail.addLast(line.strip());
                    if (tail.size() > 20) tail.removeFirst();
                }
            }
        } finally {
            if (process.isAlive()) ProcessTree.kill(process.toHandle());
        }
        int exit = process.waitFor();
        if (exit != 0) return new Outcome.Failed(errorOf(tail, exit));
        return finishedFile(request.directory())
                .<Outcome>map(Outcome.Finished::new)
                .orElseGet(() -> new Outcome.Failed("yt-dlp finished but wrote no file"));
    }

    /** The refused address out of the lock's error line. */
    private static String lockRefusal(String line) {
        int at = line.indexOf(LOCK_REFUSED);
        String rest = line.substring(at + LOCK_REFUSED.length()).replaceFirst("^:\\s*", "");
        int end = rest.indexOf(')');
        return shorten(end > 0 ? rest.substring(0, end + 1) : rest);
    }

    /** The folder holding the socket lock's {@code sitecustomize.py}, written on first use. */
    private synchronized Path lockDirectory() throws IOException {
        if (lockDirectory != null && Files.isRegularFile(lockDirectory.resolve("sitecustomize.py"))) {
            return lockDirectory;
        }
        Path dir = Files.createTempDirectory("kanal-ytdlp-");
        try (var in = YtDlp.class.getResourceAsStream("/egress/sitecustomize.py")) {
            if (in == null) throw new IOException("sitecustomize.py missing from the build");
            Files.copy(in, dir.resolve("sitecustomize.py"));
        }
        dir.resolve("sitecustomize.py").toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        lockDirectory = dir;
        return dir;
    }

    /** Deletes whatever yt-dlp left of the media in {@code dir} (finished, partial or fragments). */
    private static void removeMedia(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p) && p.getFileName().toString().startsWith(BASE + ".")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    List<String> command(Request r, URI proxy) {
        List<String> cmd = new ArrayList<>(List.of(executable,
                "--ignore-config", "--no-playlist", "--no-mtime", "--no-cache-dir", "--continue",
                "--newline", "--no-colors",
                "--progress-template", "download:" + MARK
                        + " %(progress.downloaded_bytes)s %(progress.total_bytes)s"
                        + " %(progress.total_bytes_estimate)s %(progress.speed)s %(progress.eta)s",
                "--concurrent-fragments", Integer.toString(FRAGMENTS),
                "--retries", "3", "--fragment-retries", "5", "--socket-timeout", "30",
                "--proxy", proxy.toString(), "--abort-on-unavailable-fragments", "--hls-prefer-native",
                "--output", r.directory().resolve(BASE + ".%(ext)s").toString()));
        if (!rateLimit.isEmpty()) cmd.addAll(List.of("--limit-rate", rateLimit));
        r.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Referer")) {
                cmd.addAll(List.of("--referer", value));
            } else if (name.equalsIgnoreCase("User-Agent")) {
                cmd.addAll(List.of("--user-agent", value));
            } else {
                cmd.addAll(List.of("--add-headers", name + ":" + value));
            }
        });
        cmd.add("--");
        cmd.add(r.url().toString());
        return cmd;
    }

    static Optional<DownloadProgress> parse(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 5) return Optional.empty();
        long done = number(f[0]);
        long total = number(f[1]);
        if (total <= 0) total = number(f[2]);
        long speed = number(f[3]);
        long eta = f[4].equals("NA") ? -1 : number(f[4]);
        return Optional.of(new DownloadProgress(Math.max(0, done), Math.max(0, total), Math.max(0, speed), eta));
    }

    private static long number(String s) {
        try {
            return (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String errorOf(Deque<String> tail, int exit) {
        List<String> lines = new ArrayList<>(tail);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("ERROR:")) return shorten(lines.get(i).substring(6).strip());
        }
        return lines.isEmpty() ? "yt-dlp exited with " + exit : shorten(lines.get(lines.size() - 1));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The finished file yt-dlp left in {@code dir}: {@code media.<ext>}, not a part or fragment. */
    static Optional<Path> finishedFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.startsWith(BASE + ".") && !n.endsWith(".part") && !n.endsWith(".ytdl")
                                && !n.contains(".part-frag") && !n.endsWith(".temp");
                    })
                    .findFirst();
        }
    }
}
