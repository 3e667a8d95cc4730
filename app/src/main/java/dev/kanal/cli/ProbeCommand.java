package dev.kanal.cli;

import dev.kanal.Json;
import dev.kanal.catalog.ProviderSettingsFactory;
import dev.kanal.config.ConfigException;
import dev.kanal.config.ConfigLoader;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.Settings;
import dev.kanal.probe.Probe;
import dev.kanal.probe.ProbeReport;
import dev.kanal.probe.ProbeText;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kanal probe <site> <slug> [--season N --episode M] [--resolve] [--json]}: prints what Kanal
 * sees of one title, with the same configuration (base URLs, rate limit) as the server. Exit code 0
 * when the title was read, 1 when the site answered with an error, 2 for bad arguments.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Show what Kanal sees of one title on a site (for checking a site after it changed).")
final class ProbeCommand implements Callable<Integer> {
    @ParentCommand
    KanalCommand parent;

    @Parameters(index = "0", paramLabel = "SITE", description = "aniworld, sto or megakino")
    String site;

    @Parameters(index = "1", paramLabel = "SLUG", description = "the title's slug, e.g. one-piece (Megakino: <id>-<slug>)")
    String slug;

    @Option(names = "--season", paramLabel = "N", description = "season in the site's numbering (0 = films/specials)")
    Integer season;

    @Option(names = "--episode", paramLabel = "M", description = "episode in the site's numbering")
    Integer episode;

    @Option(names = "--resolve", description = "also resolve every hoster link to its media URL")
    boolean resolve;

    @Option(names = "--work", description = "also ask SkyHook (KANAL_SKYHOOK_URL) which TVDB work the title is, as the catalog would")
    boolean work;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or TOML configuration file.")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        SiteId id = SiteId.fromId(site).orElse(null);
        if (id == null) {
            System.err.println("kanal probe: unknown site '" + site + "' — expected aniworld, sto or megakino");
            return KanalCommand.EXIT_CONFIG;
        }
        if ((season == null) != (episode == null)) {
            System.err.println("kanal probe: give --season and --episode together");
            return KanalCommand.EXIT_CONFIG;
        }
        KanalConfig.Sites sites;
        KanalConfig.Http http;
        java.net.URI skyhookUrl;
        try {
            ConfigLoader loader = new ConfigLoader(parent.env());
            var values = loader.loadWithoutStorage(loader.configFile(configFile != null ? configFile : parent.configFile));
            sites = new KanalConfig.Sites(java.util.List.of(id.id()), values.get(Settings.SITE_ORDER),
                    values.get(Settings.ANIWORLD_URL), values.get(Settings.STO_URL), values.get(Settings.MEGAKINO_URL));
            http = new KanalConfig.Http(values.get(Settings.HTTP_RATE_LIMIT), values.get(Settings.HTTP_TIMEOUT),
                    values.get(Settings.HTTP_RETRIES), values.get(Settings.ALLOW_PRIVATE_UPSTREAMS),
                    values.get(Settings.USER_AGENT), KanalConfig.outbound(values));
            skyhookUrl = values.get(Settings.SKYHOOK_URL);
        } catch (ConfigException e) {
            System.err.println("kanal: " + e.getMessage());
            return KanalCommand.EXIT_CONFIG;
        }
        Logging.configure("text", "warn");
        Providers providers = Providers.create(ProviderSettingsFactory.from(sites, http),
                dev.kanal.catalog.ProviderRoutesFactory.from(http.outbound()));
        ProbeReport report = new Probe(providers, work ? Probe.workFrom(new dev.kanal.catalog.WorkProbe(
                new dev.kanal.catalog.SkyHookClient(skyhookUrl, Json.mapper()))) : null)
                .run(new Probe.Request(id, slug, season, episode, resolve))
                .withRoute(dev.kanal.catalog.ProviderRoutesFactory.from(http.outbound()).site(id).describe());
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            System.out.print(ProbeText.render(report));
        }
        return report.title() == null ? 1 : 0;
    }



}
