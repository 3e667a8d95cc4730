package dev.kanal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.Wiring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 points 2 and 3: what stops start-up says so in one line, before anything is opened. */
class StartRefusalTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        env.put("KANAL_HOST", "127.0.0.1");
        env.put("KANAL_SITES", "");
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    /** Runs {@code kanal} and returns exit code and what it printed on stderr. */
    private record Run(int exit, String stderr) {}

    private Run serve(Map<String, String> env) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new KanalCommand(env, Wiring::start).serve(null);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void a_busy_port_names_the_port_and_kanal_port_before_the_database_is_opened() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Run run = serve(env("KANAL_PORT", String.valueOf(port)));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.stderr().strip()).startsWith("kanal: cannot listen on 127.0.0.1:" + port)
                    .contains("uses port " + port, "set KANAL_PORT to a free port").doesNotContain("\n\tat ");
            try (var files = Files.list(dir.resolve("data"))) {
                assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("kanal.db")
                        .noneMatch(n -> n.endsWith(".db"));
            }
        }
    }

    @Test
    void a_second_kanal_on_the_same_data_directory_is_refused_naming_the_holder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (DataDirLock held = DataDirLock.acquire(data, Instant.parse("2026-12-08T00:00:00Z"))) {
            String content = Files.readString(data.resolve(DataDirLock.FILE));
            assertThat(content).startsWith("pid " + ProcessHandle.current().pid() + " on host ")
                    .contains("started 2026-12-08T00:00:00Z");
            assertThatThrownBy(() -> DataDirLock.acquire(data, Instant.now()))
                    .isInstanceOf(DataDirLock.Refused.class)
                    .hasMessageStartingWith("data directory " + data + " is in use by another Kanal (pid "
                            + ProcessHandle.current().pid())
                    .hasMessageEndingWith("give this one its own KANAL_DATA_DIR");
            Run run = serve(env("KANAL_PORT", "0"));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.stderr()).contains("is in use by another Kanal", "started 2026-12-08T00:00:00Z");
        }
        // released: the directory can be taken again
        DataDirLock.acquire(data, Instant.now()).close();
    }

    @Test
    void a_typo_in_a_setting_name_exits_2_with_one_line() {
        Run run = serve(env("KANAL_DOWNLAOD_DIR", "/x"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("kanal: unknown setting KANAL_DOWNLAOD_DIR — did you mean KANAL_DOWNLOAD_DIR?"
                + " (see docs/configuration.md)" + System.lineSeparator());
        Run subnet = serve(env("KANAL_QBIT_AUTH_BYPASS", "10.0.0.0/33"));
        assertThat(subnet.exit()).isEqualTo(2);
        assertThat(subnet.stderr().lines()).hasSize(1);
    }
}
