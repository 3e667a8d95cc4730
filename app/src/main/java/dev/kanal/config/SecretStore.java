package dev.kanal.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Keeps the secrets a user did not configure (API key, qBittorrent password, signing key): generated
 * on first start, written to {@code <data dir>/secrets.properties} readable by the owner only, and
 * reused on every later start so Sonarr's saved settings keep working.
 */
public final class SecretStore {
    static final String FILE_NAME = "secrets.properties";

    /** A secret that was generated just now; the log names it (never its value) and where it is stored. */
    public record Generated(Setting<String> setting, String value) {}

    private final Path file;
    private final SecureRandom random = new SecureRandom();

    public SecretStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Fills every unset secret from the store or by generating it; returns what was generated now. */
    public List<Generated> fill(ConfigValues values) {
        Properties stored = read();
        List<Generated> generated = new ArrayList<>();
        for (Setting<String> s : List.of(Settings.API_KEY, Settings.QBIT_PASSWORD, Settings.SIGNING_KEY)) {
            if (values.get(s) != null) continue;
            String existing = stored.getProperty(s.env());
            if (existing != null && !existing.isBlank()) {
                values.put(s, existing.trim(), ConfigValues.Source.STORED);
            } else {
                String fresh = generate(s);
                stored.setProperty(s.env(), fresh);
                values.put(s, fresh, ConfigValues.Source.GENERATED);
                generated.add(new Generated(s, fresh));
            }
        }
        if (!generated.isEmpty()) write(stored);
        return generated;
    }

    private String generate(Setting<String> s) {
        if (s == Settings.SIGNING_KEY) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "x"; // 44 chars
        }
        byte[] bytes = new byte[s == Settings.API_KEY ? 16 : 12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage()
                        + " — fix its permissions or delete it to generate new secrets");
            }
        }
        return p;
    }

    private void write(Properties p) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Kanal secrets generated on first start. Keep private; delete a line to regenerate it.");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage()
                    + " — KANAL_DATA_DIR must be writable");
        }
    }
}
