package dev.kanal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kanal.config.EnvironmentNames;
import dev.kanal.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs where the tests do, so the image is checked by its contract with the code:
 * the Dockerfile's and compose file's {@code KANAL_*} names are real settings, every container that
 * touches files mounts the one {@code /data} share at the same path (TRaSH Guides), the compose
 * file's folders stay out of the build context, yt-dlp is pinned by version and checksum, and the
 * entrypoint starts Kanal even where {@code chown} is refused (NFS/SMB), run here with stand-ins
 * for the programs it calls.
 */
class DockerContractTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCKER = ROOT.resolve("docker");

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
    }

    private static String dockerfile() throws IOException {
        return Files.readString(DOCKER.resolve("Dockerfile"));
    }

    /** {@code ENV A=1 \ B=2} of the Dockerfile's runtime stage. */
    private static Map<String, String> dockerfileEnv() throws IOException {
        String text = dockerfile().replace("\\\n", " ");
        Map<String, String> env = new HashMap<>();
        for (String line : text.lines().filter(l -> l.startsWith("ENV ")).toList()) {
            Matcher m = Pattern.compile("(\\w+)=(\\S+)").matcher(line);
            while (m.find()) env.put(m.group(1), m.group(2));
        }
        return env;
    }

    private static List<String> volumes(JsonNode service) {
        List<String> out = new ArrayList<>();
        service.path("volumes").forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void every_kanal_name_in_the_image_and_compose_file_is_a_setting() throws IOException {
        var known = EnvironmentNames.known();
        assertThat(dockerfileEnv().keySet().stream().filter(k -> k.startsWith("KANAL_"))).isNotEmpty().allMatch(known::contains);
        compose().path("services").path("kanal").path("environment").fieldNames()
                .forEachRemaining(k -> assertThat(k.startsWith("KANAL_") ? known.contains(k) : true).as(k).isTrue());
        assertThat(dockerfile()).contains("EXPOSE " + Settings.PORT.defaultValue())
                .contains("KANAL_PORT=" + Settings.PORT.defaultValue()).contains("/health");
    }

    @Test
    void one_data_share_at_the_same_path_in_every_container_that_touches_files() throws IOException {
        JsonNode services = compose().path("services");
        Map<String, String> image = dockerfileEnv();
        JsonNode kanalEnv = services.path("kanal").path("environment");
        assertThat(kanalEnv.path("KANAL_DATA_DIR").asText()).isEqualTo(image.get("KANAL_DATA_DIR")).isEqualTo("/config");
        assertThat(kanalEnv.path("KANAL_DOWNLOAD_DIR").asText()).isEqualTo(image.get("KANAL_DOWNLOAD_DIR"))
                .isEqualTo("/data/torrents");
        assertThat(dockerfile()).contains("VOLUME [\"/config\", \"/data\"]");
        assertThat(volumes(services.path("kanal"))).containsExactly("./config/kanal:/config", "./data:/data");
        for (String arr : List.of("sonarr", "radarr")) {
            assertThat(volumes(services.path(arr))).as(arr).contains("./data:/data")
                    .noneMatch(v -> v.endsWith(":/downloads") || v.endsWith(":/tv") || v.endsWith(":/movies"));
        }
        assertThat(volumes(services.path("jellyfin"))).contains("./data/media:/data/media");
        // the same user in the image and the compose file, so files under /data belong to one owner
        assertThat(image).containsEntry("PUID", "1000").containsEntry("PGID", "1000");
        assertThat(compose().path("x-ids").path("PUID").asText()).isEqualTo("1000");
    }

    @Test
    void the_compose_files_folders_stay_out_of_the_build_context() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(compose().path("services").path("kanal").path("build").path("context").asText()).isEqualTo("..");
        compose().path("services").forEach(service -> {
            for (String volume : volumes(service)) {
                String host = volume.substring(0, volume.indexOf(':'));
                if (!host.startsWith("./")) continue;
                String top = "docker/" + host.substring(2).split("/")[0] + "/";
                assertThat(ignored).as(host).contains(top);
            }
        });
    }

    @Test
    void yt_dlp_is_pinned_by_version_and_checksum() throws IOException {
        String requirements = Files.readString(DOCKER.resolve("yt-dlp.requirements.txt"));
        assertThat(requirements.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()).singleElement()
                .asString().matches("yt-dlp==\\d{4}\\.\\d{1,2}\\.\\d{1,2} --hash=sha256:[0-9a-f]{64}");
        assertThat(dockerfile()).contains("--require-hashes -r /tmp/yt-dlp.requirements.txt")
                .doesNotContain("releases/latest");
    }

    @Test
    void the_entrypoint_starts_kanal_when_chown_is_refused(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        shim(bin, "id", "echo 0");
        shim(bin, "getent", "exit 2");
        shim(bin, "groupadd", "exit 0");
        shim(bin, "useradd", "exit 0");
        shim(bin, "chown", "echo \"chown: changing ownership of '$2': Operation not permitted\" >&2; exit 1");
        shim(bin, "gosu", "echo \"gosu $1\"; shift; exec \"$@\"");
        shim(bin, "java", "echo \"java $* data=$KANAL_DATA_DIR\"");
        ProcessBuilder pb = new ProcessBuilder("sh", DOCKER.resolve("entrypoint.sh").toString(), "--version");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("KANAL_DATA_DIR", dir.resolve("config").toString());
        pb.environment().put("KANAL_DOWNLOAD_DIR", dir.resolve("data/torrents").toString());
        pb.environment().put("PUID", "1234");
        pb.environment().put("PGID", "1234");
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).contains("gosu 1234:1234", "java -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="
                + dir.resolve("config/kanal.jsa") + " -XX:+UseSerialGC -Xms16m -XX:+UnlockExperimentalVMOptions"
                + " -XX:TrimNativeHeapInterval=2000 -jar /opt/kanal/kanal.jar --version data="
                + dir.resolve("config"));
        assertThat(err).contains("cannot chown " + dir.resolve("data/torrents") + " to 1234:1234 (NFS/SMB share?); continuing");
        assertThat(dir.resolve("data/torrents")).isDirectory();
    }

    @Test
    void the_image_starts_java_with_the_same_options_as_scripts_run() throws IOException {
        String prepare = Files.readString(DOCKER.resolveSibling("scripts/lib/prepare.sh"));
        String entrypoint = Files.readString(DOCKER.resolve("entrypoint.sh"));
        String options = "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=%s -XX:+UseSerialGC -Xms16m";
        assertThat(prepare).contains(options.formatted("$1"));
        assertThat(entrypoint).contains(options.formatted("$DATA_DIR/kanal.jsa"));
        String trim = "-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000";
        assertThat(prepare).contains(trim);
        assertThat(entrypoint).contains(trim);
    }

    @Test
    void the_launcher_trims_the_native_heap_only_on_a_java_that_knows_the_option(@TempDir Path dir) throws Exception {
        // Java 21.0.0 refuses to start with -XX:TrimNativeHeapInterval; 21.0.1 and later take it
        assertThat(launcherOptions(dir, "21.0.0")).doesNotContain("TrimNativeHeapInterval")
                .contains("-XX:+UseSerialGC -Xms16m");
        assertThat(launcherOptions(dir, "21")).doesNotContain("TrimNativeHeapInterval");
        assertThat(launcherOptions(dir, "21.0.1")).contains("-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000");
        assertThat(launcherOptions(dir, "25.0.3")).contains("-XX:TrimNativeHeapInterval=2000");
    }

    private static String launcherOptions(Path dir, String javaVersion) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk-" + javaVersion));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; . \"$1\"; JAVA_HOME=\"$2\" kanal_java_opts kanal.jsa", "launcher",
                DOCKER.resolveSibling("scripts/lib/prepare.sh").toString(), jdk.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void shim(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
