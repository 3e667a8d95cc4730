package dev.kanal.config;

import java.util.Objects;

/**
 * One configuration setting: the single place its name, type, default and description live. The
 * configuration reference ({@code docs/configuration.md}) is generated from these.
 *
 * @param env the environment variable, e.g. {@code KANAL_PORT} (a contract; never rename)
 * @param key the key in the configuration file, e.g. {@code server.port}
 * @param type how the text is parsed and validated
 * @param defaultValue the default as text; {@code ""} means "not set"
 * @param description one line for the reference
 * @param secret true when the value must never be logged
 */
public record Setting<T>(String env, String key, ValueType<T> type, String defaultValue, String description,
        boolean secret) {

    public Setting {
        Objects.requireNonNull(env);
        Objects.requireNonNull(key);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(description);
        if (!env.startsWith("KANAL_")) throw new IllegalArgumentException("env must start with KANAL_: " + env);
    }

    static <T> Setting<T> of(String env, String key, ValueType<T> type, String def, String description) {
        return new Setting<>(env, key, type, def, description, false);
    }

    static <T> Setting<T> secretOf(String env, String key, ValueType<T> type, String description) {
        return new Setting<>(env, key, type, "", description, true);
    }
}
