import dev.kanal.Application;
import dev.kanal.Wiring;
import dev.kanal.config.ConfigLoader;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.SecretStore;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.strm.StrmLinks;
import dev.kanal.strm.StrmTarget;
import dev.kanal.strm.UrlSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stream proxy benchmark (not a test): a 1 GiB file on a local nginx origin, fetched directly,
 * through nginx as a plain reverse proxy, and through Kanal's /strm/stream, side by side in one run;
 * unlimited and with the origin rate-limited to 700 MiB/s per connection. Then the time to first
 * byte Kanal adds (warm cache), and 64 concurrent Range streams with heap sampled throughout.
 * Run with bench/strm/run.sh.
 */
public class StrmBenchmark {
    static final long SIZE = 1L << 30;
    static Process nginx;
    static final int ROUNDS = Integer.getInteger("rounds", 3);
    /** The per-connection rate of the capped origin (nginx limit_rate syntax). */
    static final String CAP = System.getProperty("cap", "1000m");

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        Path work = Files.createTempDirectory("kanal-strm-bench");
        // nginx workers run as nobody: they must be able to read the media
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path media = work.resolve("media");
        Files.createDirectories(media);
        writeFile(media.resolve("big.mp4"));
        int origin = freePort();
        int proxy = freePort();
        nginx = startNginx(work, media, origin, proxy);
        Application kanal = null;
        try {
            kanal = startKanal(work, origin);
            String signingKey = kanal.config().security().signingKey();
            var links = new StrmLinks(URI.create("http://127.0.0.1:" + kanal.port()), new UrlSigner(signingKey),
                    Clock.systemUTC());
            String fast = links.streamUrl(target(1)).toString();
            String limited = links.streamUrl(target(2)).toString();
            String directFast = "http://127.0.0.1:" + origin + "/big.mp4";
            String directLimited = "http://127.0.0.1:" + origin + "/limited/big.mp4";
            curl(fast, "0-0"); // warm both sources
            curl(limited, "0-0");

            if (!Boolean.getBoolean("skipThroughput")) {
            System.out.printf(Locale.ROOT, "%nThroughput, 1 GiB, curl -o /dev/null, best of %d rounds (MiB/s)%n",
                    ROUNDS);
            System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %12s %12s%n", "origin", "direct", "nginx", "kanal",
                    "kanal/direct", "kanal/nginx");
            row("unlimited", directFast, "http://127.0.0.1:" + proxy + "/big.mp4", fast);
            row("limit_rate " + CAP, directLimited, "http://127.0.0.1:" + proxy + "/limited/big.mp4", limited);
            }

            warmUp(fast, 3000);
            warmUp("http://127.0.0.1:" + kanal.port() + "/health", 3000);
            int samples = 101;
            double ttfbDirect = medianTtfb(directFast, samples);
            double ttfbNginx = medianTtfb("http://127.0.0.1:" + proxy + "/big.mp4", samples);
            double ttfbKanal = medianTtfb(fast, samples);
            double ttfbHealth = medianTtfb("http://127.0.0.1:" + kanal.port() + "/health", samples);
            System.out.printf(Locale.ROOT,
                    "%nTime to first byte, Range bytes=0-0, median of %d (ms): direct %.2f, nginx %.2f, kanal %.2f"
                            + " -> added by kanal %.2f ms (nginx adds %.2f ms); kanal's /health alone %.2f ms%n",
                    samples, ttfbDirect * 1000, ttfbNginx * 1000, ttfbKanal * 1000, (ttfbKanal - ttfbDirect) * 1000,
                    (ttfbNginx - ttfbDirect) * 1000, ttfbHealth * 1000);
            if (Boolean.getBoolean("skipConcurrent")) return;

            concurrent(fast, 64);
        } finally {
            if (kanal != null) kanal.close();
            nginx.destroy();
            nginx.waitFor();
            deleteTree(work);
        }
    }

    static StrmTarget target(int episode) {
        return new StrmTarget(new EpisodeAddress(SiteId.ANIWORLD, "bench", 1, episode), Language.GERMAN_DUB);
    }

    static void row(String label, String direct, String nginx, String kanal) throws Exception {
        double d = 0, n = 0, k = 0;
        List<Double> originCpu = new ArrayList<>(), nginxCpu = new ArrayList<>(), kanalCpu = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) { // interleaved so drift hits all three alike
            long w0 = nginxCpuNanos(), j0 = kanalCpuNanos();
            d = Math.max(d, speed(direct));
            long w1 = nginxCpuNanos(), j1 = kanalCpuNanos();
            n = Math.max(n, speed(nginx));
            long w2 = nginxCpuNanos(), j2 = kanalCpuNanos();
            k = Math.max(k, speed(kanal));
            long w3 = nginxCpuNanos(), j3 = kanalCpuNanos();
            originCpu.add((w1 - w0) / 1e6);
            // nginx's one worker serves origin and proxy: the proxy's own share is what exceeds a direct fetch
            nginxCpu.add(Math.max(0, (w2 - w1) - (w1 - w0)) / 1e6);
            kanalCpu.add((j3 - j2 - (j1 - j0)) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-22s %10.0f %10.0f %10.0f %12.2f %12.2f   cpu ms/GiB: origin %.0f,"
                + " nginx proxy %.0f, kanal %.0f (kanal/nginx %.2f)%n", label, d, n, k, k / d, k / n,
                median(originCpu), median(nginxCpu), median(kanalCpu), median(kanalCpu) / median(nginxCpu));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** CPU time of this JVM (Kanal runs in it; the bench itself only waits for curl). */
    static long kanalCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time (user + system) of nginx's worker processes, from /proc. */
    static long nginxCpuNanos() {
        long ticks = 0;
        for (ProcessHandle worker : nginx.children().toList()) {
            try {
                String stat = Files.readString(Path.of("/proc/" + worker.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException e) {
                // the worker went away: counted as nothing
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    static double speed(String url) throws Exception {
        String out = curl(url, null, "%{speed_download} %{size_download}");
        String[] parts = out.trim().split(" ");
        if (Long.parseLong(parts[1].split("\\.")[0]) != SIZE) throw new IllegalStateException("short body " + out);
        return Double.parseDouble(parts[0]) / (1024 * 1024);
    }

    /** Lets the JIT compile the request path before it is timed ("warm"). */
    static void warmUp(String url, int requests) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < requests; i++) {
            var req = HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=0-0").build();
            client.send(req, HttpResponse.BodyHandlers.discarding());
        }
    }

    static double medianTtfb(String url, int samples) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            times.add(Double.parseDouble(curl(url, "0-0", "%{time_starttransfer}").trim()));
        }
        Collections.sort(times);
        return times.get(samples / 2);
    }

    static String curl(String url, String range) throws Exception {
        return curl(url, range, "%{http_code}");
    }

    static String curl(String url, String range, String format) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", format));
        if (range != null) cmd.addAll(List.of("-r", range));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("curl failed " + out);
        return out;
    }

    static void concurrent(String url, int streams) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long chunk = SIZE / streams;
        AtomicLong bytes = new AtomicLong();
        long started = System.nanoTime();
        List<Long> heapAfterRounds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<Future<?>> futures = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < streams; i++) {
                    long from = i * chunk;
                    long to = from + chunk - 1;
                    futures.add(pool.submit(() -> {
                        var req = HttpRequest.newBuilder(URI.create(url))
                                .header("Range", "bytes=" + from + "-" + to).build();
                        var res = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
                        if (res.statusCode() != 206) throw new IllegalStateException("status " + res.statusCode());
                        try (InputStream in = res.body()) {
                            byte[] buf = new byte[64 * 1024];
                            long n = 0;
                            for (int r; (r = in.read(buf)) >= 0; ) n += r;
                            if (n != chunk) throw new IllegalStateException("short range " + n);
                            bytes.addAndGet(n);
                        }
                        return null;
                    }));
                }
                for (var f : futures) f.get();
            }
            System.gc();
            heapAfterRounds.add(memory.getHeapMemoryUsage().getUsed());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        System.out.printf(Locale.ROOT,
                "%n%d concurrent Range streams x 3 rounds (%d MiB each): %.0f MiB/s aggregate; heap used after GC:"
                        + " before %d MiB, after rounds %s MiB; peak sampled %d MiB (max heap %d MiB)%n",
                streams, chunk >> 20, bytes.get() / seconds / (1024 * 1024), before >> 20,
                heapAfterRounds.stream().map(h -> Long.toString(h >> 20)).toList(), peak.get() >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }

    static Application startKanal(Path work, int origin) {
        EpisodeSources sources = (episode, language, skip) -> {
            if (skip.contains("Bench")) return new Resolution.Failed(List.of(), List.of());
            String path = episode.episode() == 2 ? "/limited/big.mp4" : "/big.mp4";
            URI url = URI.create("http://127.0.0.1:" + origin + path);
            return new Resolution.Resolved(new StreamSource(url, StreamSource.Format.MP4, Map.of(), null, "Bench"),
                    new HosterLink("Bench", language, url), List.of(Attempt.worked("Bench", language, url)), List.of());
        };
        Map<String, String> env = Map.of("KANAL_PORT", "0", "KANAL_HOST", "127.0.0.1",
                "KANAL_DATA_DIR", work.resolve("data").toString(), "KANAL_DOWNLOAD_DIR",
                work.resolve("downloads").toString(), "KANAL_ALLOW_PRIVATE_UPSTREAMS", "true",
                "KANAL_LOG_LEVEL", "warn", "KANAL_STRM_SCAN_INTERVAL", "24h", "KANAL_SITES", "");
        ConfigValues values = new ConfigLoader(env).load(Optional.empty());
        new SecretStore(work.resolve("data")).fill(values);
        return Wiring.start(KanalConfig.from(values), Wiring.Overrides.none().withSources(sources));
    }

    static Process startNginx(Path work, Path media, int origin, int proxy) throws Exception {
        Path prefix = work.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        String conf = """
                worker_processes 1;
                error_log %1$s/logs/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    client_body_temp_path %1$s/tmp_body;
                    proxy_temp_path %1$s/tmp_proxy;
                    fastcgi_temp_path %1$s/tmp_fcgi;
                    uwsgi_temp_path %1$s/tmp_uwsgi;
                    scgi_temp_path %1$s/tmp_scgi;
                    types { video/mp4 mp4; }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / { root %4$s; }
                        location /limited/ { alias %4$s/; limit_rate %5$s; }
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://127.0.0.1:%2$d;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                }
                """.formatted(prefix, origin, proxy, media, CAP);
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", confFile.toString(), "-g",
                "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        for (int i = 0; i < 100; i++) {
            try (var s = new java.net.Socket("127.0.0.1", proxy)) {
                return p;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
    }

    static void writeFile(Path file) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long i = 0; i < SIZE; i += block.length) out.write(block);
        }
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
