package dev.kanal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.Providers;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.OkHttpFetcher;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.providers.resolve.SourceResolver;
import dev.kanal.providers.testing.hoster.FakeHosters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real hoster extractors against hoster pages served locally; a small in-memory site. */
class ProviderEpisodeSourcesTest {
    static WireMockServer wire;
    static FakeHosters hosters;

    @TempDir
    static Path dir;

    static Database db;

    @BeforeAll
    static void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wire.start();
        hosters = FakeHosters.on(wire);
        db = Database.open(dir.resolve("kanal.sqlite"));
    }

    @AfterAll
    static void stop() {
        wire.stop();
        db.close();
    }

    /** One episode with a dead VOE link and a working Filemoon link, both in German Sub. */
    record OneEpisodeSite(List<HosterLink> links) implements Site {
        public SiteId id() {
            return SiteId.ANIWORLD;
        }

        public void titles(Consumer<TitleRef> sink) {}

        public TitleDetail detail(String slug) {
            throw new UnsupportedOperationException();
        }

        public List<HosterLink> hosterLinks(EpisodeAddress episode) {
            return links;
        }

        public URI resolveLinkOut(HosterLink link) {
            return link.linkOut();
        }

        public List<TitleRef> search(String query) {
            return List.of();
        }
    }

    private final Map<EpisodeAddress, List<HosterLink>> sighted = new ConcurrentHashMap<>();

    @Test
    void a_dead_hoster_falls_back_and_the_winner_is_tried_first_next_time() {
        URI media = URI.create("http://127.0.0.1:" + wire.port() + "/media/ep1.mp4");
        URI deadVoe = hosters.removed("dead1");
        URI filemoon = hosters.filemoon("fm1", media);
        URI englishVoe = hosters.voe("en1", media);
        Site site = new OneEpisodeSite(List.of(
                new HosterLink(FakeHosters.VOE, Language.GERMAN_SUB, deadVoe),
                new HosterLink(FakeHosters.VOE, Language.ENGLISH_SUB, englishVoe),
                new HosterLink(FakeHosters.FILEMOON, Language.GERMAN_SUB, filemoon)));
        var settings = ProviderSettings.defaults().allowingPrivateUpstreams();
        var fetcher = new OkHttpFetcher(settings);
        var providers = new Providers(List.of(site), HosterRegistry.standard());
        var prefs = new HosterPreferenceStore(db, Clock.systemUTC());
        var sources = new ProviderEpisodeSources(new SourceResolver(providers, fetcher), List.of("VOE", "Filemoon"), prefs,
                sighted::put);
        var ep = new EpisodeAddress(SiteId.ANIWORLD, "demo", 1, 1);

        Resolution first = sources.resolve(ep, Language.GERMAN_SUB, Set.of());
        // every language's links go to the catalog, not only the one being resolved
        assertThat(sighted.get(ep)).extracting(HosterLink::language)
                .containsExactly(Language.GERMAN_SUB, Language.ENGLISH_SUB, Language.GERMAN_SUB);

        assertThat(first).isInstanceOf(Resolution.Resolved.class);
        var found = (Resolution.Resolved) first;
        assertThat(found.source().url()).isEqualTo(media);
        assertThat(found.hoster()).isEqualTo("Filemoon");
        assertThat(found.attempts()).extracting(Attempt::hoster).containsExactly("VOE", "Filemoon");
        assertThat(found.attempts().getFirst().reason()).contains("video gone");
        assertThat(found.attempts().getFirst().transientFailure()).isFalse();

        var second = (Resolution.Resolved) sources.resolve(ep, Language.GERMAN_SUB, Set.of());
        assertThat(second.attempts()).extracting(Attempt::hoster).containsExactly("Filemoon");

        var none = sources.resolve(ep, Language.GERMAN_SUB, Set.of("Filemoon", "VOE"));
        assertThat(none).isInstanceOf(Resolution.Failed.class);
        assertThat(((Resolution.Failed) none).summary()).isNotBlank();
    }
}
