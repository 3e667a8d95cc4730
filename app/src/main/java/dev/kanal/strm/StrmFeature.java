package dev.kanal.strm;

import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.web.ApiGroup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The STRM capability: the {@code .strm} writer for jobs, the stream proxy, the library scan and
 * their HTTP surfaces, built by {@code dev.kanal.Wiring} from its slice of the configuration
 * ({@link Settings}). Starting it starts the library scan; closing it stops the scan, the
 * next-episode warmer and the upstream client.
 */
public final class StrmFeature implements AutoCloseable {
    private final StrmFiles files;
    private final StrmLibrary library;
    private final NextEpisodeWarmer warmer;
    private final UpstreamClient upstream;
    private final List<ApiGroup> apis;
    private final EpisodeSources sharing;
    private final Duration scanInterval;

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

    /**
     * @param sources where episodes are resolved; every source found is also put in {@code cache}
     * @param apis the stream proxy's and the library health's HTTP surfaces
     */
    public StrmFeature(EpisodeSources sources, SourceCache cache, StrmFiles files, StrmLibrary library,
            NextEpisodeWarmer warmer, UpstreamClient upstream, List<ApiGroup> apis, Duration scanInterval) {
        this.sharing = (episode, language, skip) -> {
            Resolution result = sources.resolve(episode, language, skip);
            if (result instanceof Resolution.Resolved found) cache.remember(new StrmTarget(episode, language), found);
            return result;
        };
        this.files = files;
        this.library = library;
        this.warmer = warmer;
        this.upstream = upstream;
        this.apis = List.copyOf(apis);
        this.scanInterval = scanInterval;
    }

    /** Starts the library scan (every {@link Settings#scanInterval()}). */
    public void start() {
        library.startScanning(scanInterval);
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
