package dev.kanal.strm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.config.KanalConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import dev.kanal.db.Database;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.web.ApiGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The STRM capability, whose parts stay package-private: the {@code .strm} writer for jobs, the
 * stream proxy, the library scan and their HTTP surfaces. {@code Main} gives it its slice of the
 * configuration ({@link Settings}) and the outbound HTTP section. Closing it stops the scan, the
 * next-episode warmer and the upstream client.
 */
public final class StrmFeature implements AutoCloseable {
    private final StrmFiles files;
    private final StrmLibrary library;
    private final NextEpisodeWarmer warmer;
    private final UpstreamClient upstream;
    private final List<ApiGroup> apis;
    private final EpisodeSources sharing;

    /**
     * What STRM reads of the configuration.
     *
     * @param publicUrl where {@code .strm} files point ({@code KANAL_PUBLIC_URL})
     * @param signingKey signs stream URLs
     * @param apiKey guards {@code /api/strm/*}
     * @param downloadDir the library roots are found under it
     * @param scanInterval how often the library is checked
     * @param publicUrlWarning said on {@code /health/strm} when the public URL cannot work
     */
    public record Settings(URI publicUrl, String signingKey, String apiKey, Path downloadDir, Duration scanInterval,
            Optional<String> publicUrlWarning) {}

    public StrmFeature(Settings settings, KanalConfig.Http http, Database db, EpisodeSources sources,
            MeterRegistry meters, ObjectMapper json, Clock clock) {
        StrmLinks links = new StrmLinks(settings.publicUrl(), new UrlSigner(settings.signingKey()), clock);
        SourceCache cache = new SourceCache(sources, new SourceStore(db, json), clock);
        this.sharing = (episode, language, skip) -> {
            Resolution result = sources.resolve(episode, language, skip);
            if (result instanceof Resolution.Resolved found) cache.remember(new StrmTarget(episode, language), found);
            return result;
        };
        StreamMetrics metrics = new StreamMetrics(meters);
        this.upstream = new UpstreamClient(http);
        this.warmer = new NextEpisodeWarmer(cache);
        StrmFileStore written = new StrmFileStore(db);
        this.files = new StrmFiles(links, written, clock);
        this.library = new StrmLibrary(written, files, cache, clock,
                StrmLibrary.libraryRoots(settings.downloadDir()));
        var service = new StreamService(cache, upstream, links, metrics, warmer, clock);
        this.apis = List.of(new StreamProxyApi(links, service, new MediaCopier(metrics)),
                new StrmHealthApi(library, settings.apiKey(), settings.publicUrlWarning()));
        library.startScanning(settings.scanInterval());
    }

    /** The writer jobs in STRM mode call ({@code StrmWriter}'s method shape). */
    public StrmFiles files() {
        return files;
    }

    /** The library scan, e.g. to trigger a scan from tests or an admin action. */
    public StrmLibrary library() {
        return library;
    }

    /**
     * {@code sources}, plus: every source found is also cached for the stream proxy. Give this to
     * STRM jobs, so the resolution that proves an episode plays also makes its first play instant.
     */
    public EpisodeSources sharingSources() {
        return sharing;
    }

    public List<ApiGroup> apis() {
        return apis;
    }

    @Override
    public void close() {
        library.close();
        warmer.close();
        upstream.close();
    }
}
