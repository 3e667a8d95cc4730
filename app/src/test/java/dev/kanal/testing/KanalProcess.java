package dev.kanal.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code kanal.jar} running as a separate process, as a user starts it. Output goes to
 * a log file in the test directory so a failure can show it.
 */
public final class KanalProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private KanalProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The jar built by this module ({@code -Dkanal.jar}, set by the build). */
    public static Path jar() {
        String path = System.getProperty("kanal.jar", "target/kanal.jar");
        return Path.of(path).toAbsolutePath();
    }

    /** The java binary running the tests; the jar runs on the same JDK. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Runs {@code kanal <args>} to completion and returns exit code and output. */
    public static Result run(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KANAL_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kanal " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Exit code, standard output and standard error of a finished run. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** Starts Kanal serving on a free port and waits until {@code /ready} answers 200. */
    public static KanalProcess start(Path workDir, Map<String, String> env) throws Exception {
        return start(workDir, env, new String[0]);
    }

    /** As {@link #start(Path, Map)}, running {@code kanal <args>} (e.g. the {@code demo} subcommand). */
    public static KanalProcess start(Path workDir, Map<String, String> env, String... args) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KANAL_"));
        pb.environment().put("KANAL_PORT", Integer.toString(port));
        pb.environment().put("KANAL_HOST", "127.0.0.1");
        // tests never reach the real sites: a test that wants sites names them
        pb.environment().put("KANAL_SITES", "");
        pb.environment().put("KANAL_SKYHOOK_URL", "http://127.0.0.1:9/skyhook-disabled-in-tests");
        pb.environment().putAll(env);
        Path log = workDir.resolve("kanal-" + port + ".log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        KanalProcess kp = new KanalProcess(p, log, port);
        kp.awaitReady(Duration.ofSeconds(60));
        return kp;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kanal exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(url("/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("kanal not ready after " + timeout + ":\n" + log());
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Everything Kanal has logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGTERM and waits for the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kanal did not stop after SIGTERM within " + timeout);
        }
        return process.exitValue();
    }

    /** Kills the process with SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
