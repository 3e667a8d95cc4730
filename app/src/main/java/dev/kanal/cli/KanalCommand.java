package dev.kanal.cli;

import dev.kanal.Application;
import dev.kanal.Version;
import dev.kanal.config.ConfigException;
import dev.kanal.config.ConfigLoader;
import dev.kanal.config.ConfigReference;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.SecretStore;
import dev.kanal.db.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kanal}: without a subcommand it serves. Exit codes: 0 after a clean stop, 2 for a
 * configuration error or a damaged database (both need the user, so a restart policy must not loop),
 * 1 when start-up fails for another reason.
 */
@Command(name = "kanal", mixinStandardHelpOptions = true, versionProvider = KanalCommand.VersionProvider.class,
        description = "Torznab indexer and qBittorrent-compatible download client for AniWorld, s.to and Megakino.",
        subcommands = {KanalCommand.Serve.class, KanalCommand.ConfigDocs.class, ProbeCommand.class})
public final class KanalCommand implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_STARTUP = 1;

    private final Map<String, String> env;
    private final Starter starter;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or TOML configuration file (or KANAL_CONFIG).")
    Path configFile;

    /**
     * @param starter wires and starts Kanal once the configuration is loaded; given by the entry point,
     *     so this package needs neither the wiring nor the subcommands added beside it (such as {@code demo})
     */
    public KanalCommand(Map<String, String> env, Starter starter) {
        this.env = Map.copyOf(env);
        this.starter = starter;
    }

    /** Wires and starts every component for a loaded configuration; the caller owns the application. */
    @FunctionalInterface
    public interface Starter {
        Application start(KanalConfig config);
    }

    /** The environment the command was started with (subcommands read their settings from it). */
    Map<String, String> env() {
        return env;
    }

    /** The {@code --config} given before the subcommand, or null. */
    public Path configFile() {
        return configFile;
    }

    @Override
    public Integer call() {
        return serve(configFile);
    }

    /**
     * What a subcommand such as {@code demo} adds around a normal start: settings that win over the
     * user's environment and file (chosen once the user's values are known), and a look at the
     * started application.
     */
    public interface StartHook {
        StartHook NONE = new StartHook() {
            @Override
            public Map<String, String> overrides(ConfigValues values) {
                return Map.of();
            }

            @Override
            public void started(Application app, KanalConfig config) {}
        };

        /** Extra {@code KANAL_*} values applied on top of the user's configuration. */
        Map<String, String> overrides(ConfigValues values);

        /** Called once Kanal is ready. */
        void started(Application app, KanalConfig config);
    }

    /** Loads the configuration, starts Kanal and blocks until SIGTERM/SIGINT. */
    int serve(Path file) {
        return serve(file, StartHook.NONE);
    }

    /** As {@link #serve(Path)}, with {@code hook}'s settings applied and told about the start. */
    public int serve(Path file, StartHook hook) {
        KanalConfig config;
        ConfigValues values;
        List<SecretStore.Generated> generated;
        try {
            ConfigLoader loader = new ConfigLoader(env);
            values = loader.load(loader.configFile(file));
            Logging.configure(values.get(dev.kanal.config.Settings.LOG_FORMAT),
                    values.get(dev.kanal.config.Settings.LOG_LEVEL));
            Map<String, String> overrides = hook.overrides(values);
            if (!overrides.isEmpty()) {
                Map<String, String> merged = new java.util.HashMap<>(env);
                merged.putAll(overrides);
                ConfigLoader withOverrides = new ConfigLoader(merged);
                values = withOverrides.load(withOverrides.configFile(file));
            }
        } catch (ConfigException e) {
            System.err.println("kanal: " + e.getMessage());
            return EXIT_CONFIG;
        }
        // before a secret is generated, the database opened or a page fetched: a second Kanal on this
        // data directory or port stops here with one line, and the first one's files are never touched
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(values.get(dev.kanal.config.Settings.DATA_DIR), java.time.Instant.now());
        } catch (DataDirLock.Refused e) {
            System.err.println("kanal: " + e.getMessage());
            return EXIT_STARTUP;
        }
        try (lock) {
            try {
                PortCheck.bindable(values.get(dev.kanal.config.Settings.HOST), values.get(dev.kanal.config.Settings.PORT));
            } catch (DataDirLock.Refused e) {
                System.err.println("kanal: " + e.getMessage());
                return EXIT_STARTUP;
            }
            try {
                generated = new SecretStore(values.get(dev.kanal.config.Settings.DATA_DIR)).fill(values);
                config = KanalConfig.from(values);
            } catch (ConfigException e) {
                System.err.println("kanal: " + e.getMessage());
                return EXIT_CONFIG;
            }
            Logger log = LoggerFactory.getLogger(KanalCommand.class);
            values.notes().forEach(note -> log.warn("{}", note));
            return run(config, values, generated, hook, log);
        }
    }

    private int run(KanalConfig config, ConfigValues values, List<SecretStore.Generated> generated, StartHook hook,
            Logger log) {
        log.info("Kanal {} starting; effective configuration:{}", Version.current(), values.describe());
        for (SecretStore.Generated g : generated) {
            // never the value: logs end up in support threads and log collectors
            log.warn("generated {} and stored it in {} (readable by Kanal's user only); it is shown on the web page's"
                    + " Connect view after login", g.setting().env(),
                    config.storage().dataDir().resolve("secrets.properties"));
        }
        dev.kanal.config.PublicUrlCheck.warning(config).ifPresent(w -> log.warn("{}", w));
        // signals are handled from before start-up, so a stop requested while Kanal starts is honoured
        // (exit 0) instead of the JVM's default exit 143
        StopRequest stop = new StopRequest();
        ShutdownSignals.install(stop::request);
        Application app;
        try {
            app = starter.start(config);
        } catch (Database.Damaged e) {
            log.error("{}", e.getMessage());
            System.err.println("kanal: " + e.getMessage());
            return EXIT_CONFIG;
        } catch (Database.MigrationFailed e) {
            log.error("{}", e.getMessage());
            System.err.println("kanal: " + e.getMessage());
            return EXIT_STARTUP;
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            if (reason.toLowerCase(java.util.Locale.ROOT).contains("address already in use")) {
                reason = PortCheck.busy(config.server().host(), config.server().port(), reason);
            }
            log.error("start-up failed: {}", reason);
            System.err.println("kanal: start-up failed: " + reason);
            return EXIT_STARTUP;
        }
        log.info("Kanal ready port={} public_url={}", app.port(), config.server().publicUrl());
        if (hook == StartHook.NONE) log.info("{}", ReadyBanner.text(config, values, app.port()));
        hook.started(app, config);
        stop.await();
        log.info("stop requested; finishing in-flight work (up to {})", config.server().shutdownGrace());
        app.close();
        return 0;
    }

    /** A stop asked for by a signal, possibly before start-up has finished. */
    private static final class StopRequest {
        private final CountDownLatch requested = new CountDownLatch(1);

        void request() {
            requested.countDown();
        }

        void await() {
            try {
                requested.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The first line of the innermost cause's message. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }

    /** {@code kanal serve}: the same as no subcommand. */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start Kanal (the default).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        KanalCommand parent;

        @Option(names = "--config", paramLabel = "FILE", description = "YAML or TOML configuration file.")
        Path configFile;

        @Override
        public Integer call() {
            return parent.serve(configFile != null ? configFile : parent.configFile);
        }
    }

    /** {@code kanal config-docs}: prints the configuration reference (docs/configuration.md). */
    @Command(name = "config-docs", mixinStandardHelpOptions = true,
            description = "Print the configuration reference as Markdown.")
    static final class ConfigDocs implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(ConfigReference.markdown());
            return 0;
        }
    }

    /** Reports the build's version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kanal " + Version.current(), "Java " + Runtime.version()};
        }
    }
}
