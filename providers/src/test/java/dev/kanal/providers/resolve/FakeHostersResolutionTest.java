package dev.kanal.providers.resolve;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import dev.kanal.providers.testing.hoster.FakeHosters;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resolver with the real hosters against {@link FakeHosters}: the path the app's jobs take. */
class FakeHostersResolutionTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final EpisodeAddress EPISODE = new EpisodeAddress(SiteId.STO, "example-show", 1, 1);

    /** A site whose link-outs are the embed URLs themselves. */
    private record EmbedSite(List<HosterLink> links) implements Site {
        public SiteId id() { return SiteId.STO; }
        public void titles(Consumer<TitleRef> sink) { }
        public TitleDetail detail(String slug) { throw new UnsupportedOperationException(); }
        public List<HosterLink> hosterLinks(EpisodeAddress episode) { return links; }
        public URI resolveLinkOut(HosterLink link) { return link.linkOut(); }
        public List<TitleRef> search(String query) { return List.of(); }
    }

    private Resolution resolve(List<HosterLink> links, List<String> preferred) {
        Providers providers = new Providers(List.of(new EmbedSite(links)), HosterRegistry.standard());
        SourceResolver resolver = new SourceResolver(providers,
                new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams()));
        return resolver.resolve(EPISODE, Language.GERMAN_DUB, preferred, Set.of());
    }

    @Test
    void removed_and_challenged_hosters_fall_through_to_a_working_voe() {
        FakeHosters hosters = FakeHosters.on(wm.getRuntimeInfo());
        URI media = URI.create("http://127.0.0.1:" + wm.getPort() + "/media/s01e01/master.m3u8");
        List<HosterLink> links = List.of(
                new HosterLink(FakeHosters.VOE, Language.GERMAN_DUB, hosters.removed("gone1")),
                new HosterLink(FakeHosters.VOE, Language.GERMAN_DUB, hosters.challenged("cf1")),
                new HosterLink("Provider", Language.GERMAN_DUB, hosters.filemoon("fm1", media)),
                new HosterLink(FakeHosters.VOE, Language.GERMAN_DUB, hosters.voeViaRedirect("ok1", media)));

        Resolution r = resolve(links, List.of("VOE"));

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().url()).isEqualTo(media);
            assertThat(ok.source().hoster()).isEqualTo("VOE");
            assertThat(ok.attempts()).extracting(a -> a.failure() == null ? "ok" : a.failure().getClass().getSimpleName())
                    .containsExactly("HosterGone", "Blocked", "ok");
        });
    }

    @Test
    void placeholder_label_on_an_unknown_host_is_recognised_as_voe_by_its_page() {
        FakeHosters hosters = FakeHosters.on(wm.getRuntimeInfo());
        URI media = URI.create("http://127.0.0.1:" + wm.getPort() + "/media/vanity.m3u8");

        Resolution r = resolve(List.of(
                new HosterLink("Provider", Language.GERMAN_DUB, hosters.voeViaRedirect("vanity1", media))), List.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().hoster()).isEqualTo("VOE");
            assertThat(ok.source().url()).isEqualTo(media);
        });
    }

    @Test
    void filemoon_fake_resolves_to_the_media_url() {
        FakeHosters hosters = FakeHosters.on(wm.getRuntimeInfo());
        URI media = URI.create("http://127.0.0.1:" + wm.getPort() + "/media/fm2.mp4");

        Resolution r = resolve(List.of(new HosterLink(FakeHosters.FILEMOON, Language.GERMAN_DUB,
                hosters.filemoon("fm2", media))), List.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class,
                ok -> assertThat(ok.source().url()).isEqualTo(media));
    }

    @Test
    void existing_link_out_targets_can_be_made_playable() {
        FakeHosters hosters = FakeHosters.on(wm.getRuntimeInfo());
        URI media = URI.create("http://127.0.0.1:" + wm.getPort() + "/media/site-ep.mp4");
        URI voeTarget = URI.create("http://localhost:" + wm.getPort() + "/embed/voe/e/7");
        URI filemoonTarget = URI.create("http://localhost:" + wm.getPort() + "/embed/filemoon/e/8");
        URI goneTarget = URI.create("http://localhost:" + wm.getPort() + "/embed/vidoza/e/9");
        hosters.serveVoeAt(voeTarget, media);
        hosters.serveFilemoonAt(filemoonTarget, media);
        hosters.serveRemovedAt(goneTarget);

        Resolution r = resolve(List.of(
                new HosterLink("Vidoza", Language.GERMAN_DUB, goneTarget),
                new HosterLink("Filemoon", Language.GERMAN_DUB, filemoonTarget),
                new HosterLink("VOE", Language.GERMAN_DUB, voeTarget)), List.of("VOE", "Vidoza"));

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().url()).isEqualTo(media);
            assertThat(ok.link().hoster()).isEqualTo("VOE");
        });
        Resolution second = resolve(List.of(
                new HosterLink("Vidoza", Language.GERMAN_DUB, goneTarget),
                new HosterLink("Filemoon", Language.GERMAN_DUB, filemoonTarget)), List.of("Vidoza"));
        assertThat(second).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().hoster()).isEqualTo("Filemoon");
            assertThat(ok.attempts().getFirst().describe()).startsWith("Vidoza: video gone");
        });
    }

    @Test
    void plain_voe_fake_resolves_to_the_media_url() {
        FakeHosters hosters = FakeHosters.on(wm.getRuntimeInfo());
        URI media = URI.create("http://127.0.0.1:" + wm.getPort() + "/media/voe3.m3u8");

        Resolution r = resolve(List.of(new HosterLink(FakeHosters.VOE, Language.GERMAN_DUB,
                hosters.voe("voe3", media))), List.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class,
                ok -> assertThat(ok.source().url()).isEqualTo(media));
    }
}
