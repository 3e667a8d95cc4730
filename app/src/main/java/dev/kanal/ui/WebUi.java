package dev.kanal.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.config.KanalConfig;
import java.nio.file.Path;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Builds the web page's surfaces (login, assets, status views, search) from their parts; used by
 * {@code Main}, which hands it the qBittorrent and security sections, the download directory and
 * the connect values. The queue
 * view reads the one jobs API ({@code jobs/JobsApi}, under {@code /ui/api/jobs}), wired by {@code Main}.
 */
public final class WebUi {
    private final List<ApiGroup> groups;

    private WebUi(List<ApiGroup> groups) {
        this.groups = groups;
    }

    /**
     * Parts of the page tests replace; empty means the real one.
     *
     * @param catalog the catalog's build progress instead of the real catalog's
     * @param strm the {@code .strm} library's health instead of the real one's
     * @param hosts the upstream host health
     */
    public record Backends(Optional<StatusView> catalog, Optional<StatusView> strm, HostStatus hosts) {
        public static Backends defaults() {
            return hosts(HostStatus.NONE);
        }

        public static Backends hosts(HostStatus hosts) {
            return new Backends(Optional.empty(), Optional.empty(), hosts);
        }

        public Backends withCatalog(StatusView v) {
            return new Backends(Optional.of(v), strm, hosts);
        }

        public Backends withStrm(StatusView v) {
            return new Backends(catalog, Optional.of(v), hosts);
        }
    }

    /**
     * @param qbittorrent the page logs in with the qBittorrent credentials
     * @param connect what the Connect view shows
     * @param access login throttle, client addresses and connections record, shared with the qBittorrent API
     */
    public static WebUi create(KanalConfig.Qbittorrent qbittorrent, KanalConfig.Security security, Path downloadDir,
            ConnectValues connect, PageReads reads, Backends backends, ObjectMapper json, Clock clock, Access access) {
        UiSessions sessions = new UiSessions(qbittorrent, security, clock, access.throttle());
        PageSearch search = new PageSearch(reads.catalog(), reads.offers(), new TitleNames(reads.db(), clock));
        return new WebUi(List.of(
                new UiAssets(),
                new UiAuthApi(sessions, json, qbittorrent.username(), access),
                new ConnectionsApi(access.connections()),
                new StatusApi(connect, downloadDir,
                        backends.catalog().orElse(reads.catalogStatus()), backends.strm().orElse(reads.strmStatus()),
                        backends.hosts(), search)));
    }

    public List<ApiGroup> groups() {
        return groups;
    }
}
