package dev.kanal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link ConfigValues} from defaults, then an optional YAML or TOML file, then {@code KANAL_*}
 * environment variables (the environment wins). Every problem becomes a {@link ConfigException}
 * with one line naming the setting, the value and what is expected.
 */
public final class ConfigLoader {
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The config file named by {@code --config}, else {@code KANAL_CONFIG}, else none. */
    public Optional<Path> configFile(Path fromCli) {
        if (fromCli != null) return Optional.of(fromCli);
        String fromEnv = env.get("KANAL_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv.trim()));
    }

    public ConfigValues load(Optional<Path> file) {
        ConfigValues values = loadWithoutStorage(file);
        checkWritable(Settings.DATA_DIR, values);
        checkWritable(Settings.DOWNLOAD_DIR, values);
        return values;
    }

    /**
     * Reads and validates every setting but leaves the data and download directories alone; for
     * tools such as {@code kanal probe} that never write there.
     */
    public ConfigValues loadWithoutStorage(Optional<Path> file) {
        List<String> notes = EnvironmentNames.check(env);
        Map<String, String> fromFile = file.map(ConfigLoader::readFile).orElse(Map.of());
        ConfigValues values = new ConfigValues();
        notes.forEach(values::note);
        for (Setting<?> s : Settings.ALL) {
            resolve(s, fromFile, file, values);
        }
        return values;
    }

    private <T> void resolve(Setting<T> s, Map<String, String> fromFile, Optional<Path> file, ConfigValues values) {
        String raw = env.get(s.env());
        if (raw != null && EnvironmentNames.serviceLink(s.env(), raw)) raw = null; // KANAL_PORT=tcp://… from Kubernetes
        ConfigValues.Source source = ConfigValues.Source.ENV;
        String where = "environment";
        if (raw == null && fromFile.containsKey(s.key())) {
            raw = fromFile.get(s.key());
            source = ConfigValues.Source.FILE;
            where = file.map(p -> p.getFileName() + ": " + s.key()).orElse(s.key());
        }
        if (raw == null) {
            raw = s == Settings.PUBLIC_URL ? publicUrlDefault(values) : s.defaultValue();
            source = ConfigValues.Source.DEFAULT;
            where = "default";
        }
        if (s.secret() && raw.isEmpty()) {
            values.put(s, null, ConfigValues.Source.DEFAULT);
            return;
        }
        try {
            values.put(s, s.type().parse(raw), source);
        } catch (ValueType.UnknownItem e) {
            throw ConfigException.unknownItem(s, source == ConfigValues.Source.ENV ? "" : where, raw, e);
        } catch (RuntimeException e) {
            throw ConfigException.invalid(s, source == ConfigValues.Source.ENV ? "" : where, raw);
        }
    }

    /** {@code http://localhost:<KANAL_PORT>}: the default follows the port (8080 when the port is picked at random). */
    private static String publicUrlDefault(ConfigValues values) {
        int port = values.get(Settings.PORT);
        return "http://localhost:" + (port == 0 ? 8080 : port);
    }

    private static void checkWritable(Setting<Path> s, ConfigValues values) {
        Path dir = values.get(s);
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".kanal-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigException("invalid " + s.env() + ": '" + dir + "' — expected "
                    + s.type().expected() + " (" + why(e) + ")");
        }
    }

    private static String why(Exception e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException a -> "permission denied: " + a.getFile();
            case java.nio.file.NoSuchFileException n -> "cannot create " + n.getFile();
            case java.nio.file.FileAlreadyExistsException f -> "not a directory: " + f.getFile();
            case java.nio.file.FileSystemException f -> f.getReason() == null ? "cannot write" : f.getReason();
            default -> e.getMessage() == null ? "cannot write" : e.getMessage();
        };
    }

    /** Reads a YAML ({@code .yml}/{@code .yaml}) or TOML ({@code .toml}) file into flat dotted keys. */
    static Map<String, String> readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".toml")) {
            mapper = new TomlMapper();
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            mapper = new ObjectMapper(new YAMLFactory());
        } else {
            throw new ConfigException("invalid KANAL_CONFIG/--config: '" + file
                    + "' — expected a .yaml, .yml or .toml file");
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException("cannot read config file '" + file + "': " + msg);
        }
        Map<String, String> flat = new HashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) throw new ConfigException("config file '" + file + "' must hold a mapping of sections");
            flatten("", root, flat);
        }
        for (String key : flat.keySet()) {
            boolean known = Settings.ALL.stream().anyMatch(s -> s.key().equals(key));
            if (!known) {
                String meant = Spelling.closest(key, Settings.ALL.stream().map(Setting::key).toList())
                        .map(k -> " — did you mean " + k + "?").orElse(" — see docs/configuration.md for the valid keys");
                throw new ConfigException("unknown setting '" + key + "' in config file '" + file + "'" + meant);
            }
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            node.forEach(n -> sb.append(sb.isEmpty() ? "" : ",").append(n.asText()));
            out.put(prefix, sb.toString());
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
