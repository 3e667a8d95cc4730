package dev.kanal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.KanalProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/quickstart.md} checked step by step: every {@code sh} block of the guide that ends in
 * {@code # expect: …} is run, in the guide's order, by bash with real curl against the packaged jar
 * running {@code kanal demo}, with the shell variables the guide asks the reader to set. A block is
 * retried for a while until its answer contains the expected text (the catalog fills, the download
 * finishes), as a reader would look again.
 */
class QuickstartIT {
    private static final String API_KEY = "quickstart0123456789abcdef012345";
    private static final String PASSWORD = "quickstart-password";
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECT = Pattern.compile("(?m)^# expect: (.+)$");
    private static final Duration PATIENCE = Duration.ofSeconds(150);

    @TempDir
    static Path dir;

    static KanalProcess kanal;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("config").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("data/torrents").toString());
        env.put("KANAL_API_KEY", API_KEY);
        env.put("KANAL_QBIT_PASSWORD", PASSWORD);
        env.put("KANAL_HTTP_RATE_LIMIT", "50");
        env.put("KANAL_DOWNLOAD_RETRY_DELAY", "1s");
        env.put("KANAL_SHUTDOWN_GRACE", "2s");
        env.put("KANAL_DEMO_PORT", Integer.toString(KanalProcess.freePort()));
        kanal = KanalProcess.start(dir, env, "demo");
    }

    @AfterAll
    static void stop() throws Exception {
        if (kanal != null) kanal.close();
    }

    record Step(String script, String expected) {}

    static List<Step> steps() throws Exception {
        Path guide = Path.of("").toAbsolutePath().getParent().resolve("docs/quickstart.md");
        List<Step> steps = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(Files.readString(guide));
        while (block.find()) {
            Matcher expect = EXPECT.matcher(block.group(1));
            if (expect.find()) steps.add(new Step(block.group(1), expect.group(1)));
        }
        return steps;
    }

    @Test
    void every_check_of_the_five_minute_guide_answers_as_the_guide_says() throws Exception {
        List<Step> steps = steps();
        // health, catalog, caps, Prowlarr's test search, login, version, preferences, search, grab, complete
        assertThat(steps).hasSizeGreaterThanOrEqualTo(10);
        Path shell = Files.createDirectories(dir.resolve("shell"));
        for (Step step : steps) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            String out = "";
            while (System.nanoTime() < deadline) {
                out = run(shell, step.script());
                if (out.contains(step.expected())) break;
                Thread.sleep(1000);
            }
            assertThat(out).as("guide step:\n" + step.script() + "\nKanal log:\n" + tail(kanal.log()))
                    .contains(step.expected());
        }
        try (var files = Files.walk(dir.resolve("data/torrents/tv-sonarr"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("Sternenfaenger.Akademie.S01E01.") && n.endsWith(".mp4"));
        }
    }

    private static String run(Path shell, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(shell.toFile()).redirectErrorStream(true);
        pb.environment().put("kanal", "http://127.0.0.1:" + kanal.port());
        pb.environment().put("apikey", API_KEY);
        pb.environment().put("password", PASSWORD);
        pb.environment().put("tvdbid", "9100001");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
