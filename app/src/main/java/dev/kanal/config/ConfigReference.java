package dev.kanal.config;

/**
 * Renders {@code docs/configuration.md} from {@link Settings#ALL}, so the reference cannot drift from
 * the code. {@code kanal config-docs} prints it; a test compares it with the committed file.
 */
public final class ConfigReference {
    private ConfigReference() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration reference\n\n")
                .append("<!-- Generated from app/src/main/java/dev/kanal/config/Settings.java by `java -jar kanal.jar config-docs`. Do not edit by hand. -->\n\n")
                .append("Kanal reads its settings from, in rising priority: the defaults below, an optional\n")
                .append("configuration file (`--config <file>` or `KANAL_CONFIG=<file>`, YAML or TOML, using the\n")
                .append("*file key* column as nested keys), and `KANAL_*` environment variables. An invalid value\n")
                .append("stops start-up with one line naming the variable, the value and what is expected (exit code 2).\n")
                .append("So does a `KANAL_*` name a letter or two away from a real one (\"did you mean\"), and an unknown\n")
                .append("hoster or site name in a list; any other unknown `KANAL_*` name is logged once as a warning.\n")
                .append("Kubernetes service links for a Service named `kanal` (`KANAL_PORT=tcp://…`, `KANAL_SERVICE_HOST`,\n")
                .append("`KANAL_SERVICE_PORT*`, `KANAL_PORT_8080_TCP*`) are recognised and ignored with a note.\n")
                .append("Secrets that are not set are generated on first start, stored in `<data dir>/secrets.properties`\n")
                .append("(owner-only permissions), shown once in the log, and reused on every later start.\n\n")
                .append("| Variable | File key | Type | Default | Description |\n")
                .append("|---|---|---|---|---|\n");
        for (Setting<?> s : Settings.ALL) {
            String def = s.secret() && !s.env().startsWith("KANAL_ARR_") ? "*generated*"
                    : s.defaultValue().isEmpty() ? "*(empty)*" : "`" + s.defaultValue() + "`";
            sb.append("| `").append(s.env()).append("` | `").append(s.key()).append("` | ")
                    .append(s.type().name()).append(": ").append(s.type().expected()).append(" | ")
                    .append(def).append(" | ").append(s.description().replace("|", "\\|")).append(" |\n");
        }
        sb.append("\n## Example file (YAML)\n\n```yaml\nserver:\n  port: 8080\n  public_url: http://kanal:8080\n")
                .append("storage:\n  data_dir: /config\n  download_dir: /data/torrents\nsites:\n  enabled: [aniworld, sto]\n")
                .append("downloads:\n  concurrency: 2\n```\n")
                .append("\n## Example file (TOML)\n\n```toml\n[server]\nport = 8080\npublic_url = \"http://kanal:8080\"\n\n")
                .append("[storage]\ndata_dir = \"/config\"\ndownload_dir = \"/data/torrents\"\n\n[sites]\nenabled = [\"aniworld\", \"sto\"]\n```\n");
        return sb.toString();
    }
}
