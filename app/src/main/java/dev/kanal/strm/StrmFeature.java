package dev.kanal.strm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.config.KanalConfig;
import dev.kanal.db.Database;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.web.ApiGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Builds the STRM capability from its dependencies so that {@code Main} only calls one constructor:
 * the {@code .strm} writer for jobs, the stream proxy, the library scan and their HTTP surfaces.
 * Closing it stops the scan, the next-episode warmer and the upstream client.
 */
public final class StrmFeature implements AutoCloseable {
    private final StrmFiles files;
    private final StrmLibrary library;
    private final NextEpisodeWarmer warmer;
    private final UpstreamClient upstream;
    private final List<ApiGroup> apis;

    public StrmFeature(KanalConfig config, Database db, EpisodeSources sources, MeterRegistry meters,
            ObjectMapper json, Clock clock) {
        StrmLinks links = new StrmLinks(config.server().publicUrl(),
                new UrlSigner(config.security().signingKey()), clock);
        SourceCache cache = new SourceCache(sources, new SourceStore(db, json), clock);
        StreamMetrics metrics = new StreamMetrics(meters);
        this.upstream = new UpstreamClient(config.http());
        this.warmer = new NextEpisodeWarmer(cache);
        this.files = new StrmFiles(links, new StrmFileStore(db), clock);
        this.library = new StrmLibrary(new StrmFileStore(db), files, cache, clock);
        var service = new StreamService(cache, upstream, links, metrics, warmer, clock);
        this.apis = List.of(new StreamProxyApi(links, service, new MediaCopier(metrics)),
                new StrmHealthApi(library, config.security().apiKey()));
        library.startScanning(config.strm().scanInterval());
    }

    /** The writer jobs in STRM mode call ({@code StrmWriter}'s method shape). */
    public StrmFiles files() {
        return files;
    }

    /** The library scan, e.g. to trigger a scan from tests or an admin action. */
    public StrmLibrary library() {
        return library;
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
