package dev.kanal.demo;

import dev.kanal.Application;
import dev.kanal.cli.KanalCommand;
import dev.kanal.config.ConfigException;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kanal demo}: starts the offline demo site on 127.0.0.1 and then Kanal, in this JVM,
 * pointed at it, so Prowlarr and Sonarr can be tried without any real site. The user's options and
 * environment apply; only the upstream settings are replaced.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Kanal against a built-in offline demo site (invented series, generated clips).")
public final class DemoCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    @ParentCommand
    KanalCommand parent;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or TOML configuration file.")
    Path configFile;

    @Option(names = "--demo-port", paramLabel = "PORT",
            description = "Port of the demo site on 127.0.0.1 (or KANAL_DEMO_PORT; default: a free port).")
    Integer demoPort;

    @Option(names = "--demo-throttle", paramLabel = "BYTES_PER_SECOND",
            description = "Send demo media at most this fast (or KANAL_DEMO_THROTTLE; default 0 = unlimited).")
    Integer demoThrottle;

    private DemoServer server;

    @Override
    public Integer call() {
        try {
            return parent.serve(configFile != null ? configFile : parent.configFile(), new Hook());
        } finally {
            if (server != null) server.close();
        }
    }

    /** The demo's part of the start: its server first, then the settings that point Kanal at it. */
    private final class Hook implements KanalCommand.StartHook {
        @Override
        public Map<String, String> overrides(ConfigValues values) {
            int port = demoPort != null ? demoPort : values.get(Settings.DEMO_PORT);
            int throttle = demoThrottle != null ? demoThrottle : values.get(Settings.DEMO_THROTTLE);
            if (port < 0 || port > 65535) throw new ConfigException("invalid --demo-port: '" + port + "'");
            if (throttle < 0) throw new ConfigException("invalid --demo-throttle: '" + throttle + "'");
            Path clips = values.get(Settings.DATA_DIR).resolve("demo");
            try {
                server = DemoServer.start(port, clips, ffmpeg(values.get(Settings.FFPROBE)), throttle);
            } catch (IOException e) {
                throw new ConfigException("invalid KANAL_DEMO_PORT: cannot listen on 127.0.0.1:" + port + " ("
                        + e.getMessage() + ")");
            }
            Map<String, String> o = new LinkedHashMap<>();
            o.put(Settings.SITES.env(), "aniworld,megakino");
            o.put(Settings.ANIWORLD_URL.env(), server.aniworldUrl().toString());
            o.put(Settings.MEGAKINO_URL.env(), server.megakinoUrl().toString());
            o.put(Settings.SKYHOOK_URL.env(), server.skyhookUrl().toString());
            o.put(Settings.ALLOW_PRIVATE_UPSTREAMS.env(), "true");
            int kanalPort = values.get(Settings.PORT);
            if (kanalPort == 0) {
                // "any free port": chosen here so the public URL and the printed values can name it
                kanalPort = freePort();
                o.put(Settings.PORT.env(), Integer.toString(kanalPort));
            }
            if (values.source(Settings.PUBLIC_URL) == ConfigValues.Source.DEFAULT) {
                // the default public URL names port 8080; .strm files must point at the port in use
                o.put(Settings.PUBLIC_URL.env(), "http://localhost:" + kanalPort);
            }
            return o;
        }

        @Override
        public void started(Application app, KanalConfig config) {
            log.info("{}", DemoInstructions.text(server, app.port(), config));
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ConfigException("invalid KANAL_PORT: no free port found (" + e.getMessage() + ")");
        }
    }

    /** ffmpeg beside the configured ffprobe, else from the PATH. */
    static String ffmpeg(String ffprobe) {
        if (ffprobe.endsWith("ffprobe")) return ffprobe.substring(0, ffprobe.length() - "ffprobe".length()) + "ffmpeg";
        return "ffmpeg";
    }
}
