package dev.kanal.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.config.KanalConfig;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the web page's surfaces (login, assets, queue, status views) from their parts; used by
 * {@code Main}. Returns the sessions too, so other surfaces can accept the page's cookie. Closing it
 * (before the HTTP server stops) ends the page's open event streams.
 */
public final class WebUi implements AutoCloseable {
    private final UiSessions sessions;
    private final QueueApi queue;
    private final List<ApiGroup> groups;

    private WebUi(UiSessions sessions, QueueApi queue, List<ApiGroup> groups) {
        this.sessions = sessions;
        this.queue = queue;
        this.groups = groups;
    }

    /**
     * What the page reads besides the job queue; tests replace them.
     *
     * @param surfaces where Kanal's own public surfaces are read; empty means this Kanal's own port
     * @param hosts the upstream host health
     */
    public record Backends(Optional<URI> surfaces, HostStatus hosts) {
        public static Backends defaults() {
            return new Backends(Optional.empty(), HostStatus.NONE);
        }
    }

    /**
     * @param self this Kanal's own loopback address, known once the server listens
     * @param access login throttle, client addresses and connections record, shared with the qBittorrent API
     */
    public static WebUi create(KanalConfig config, JobQueue queue, Backends backends, Supplier<URI> self,
            ObjectMapper json, Clock clock, Access access) {
        UiSessions sessions = new UiSessions(config.qbittorrent(), config.security(), clock, access.throttle());
        Supplier<URI> surfaces = backends.surfaces().<Supplier<URI>>map(u -> () -> u).orElse(self);
        KanalEndpoints endpoints = new KanalEndpoints(surfaces, json);
        QueueApi queueApi = new QueueApi(queue);
        return new WebUi(sessions, queueApi, List.of(
                new UiAssets(),
                new UiAuthApi(sessions, json, config.qbittorrent().username(), access),
                new ConnectionsApi(access.connections()),
                queueApi,
                new StatusApi(ConnectValues.of(config), config.storage().downloadDir(), endpoints, backends.hosts(),
                        new ReleaseSearch(endpoints, config.security().apiKey()))));
    }

    public UiSessions sessions() {
        return sessions;
    }

    public List<ApiGroup> groups() {
        return groups;
    }

    @Override
    public void close() {
        queue.close();
    }
}
