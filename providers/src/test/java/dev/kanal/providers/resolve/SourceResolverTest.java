package dev.kanal.providers.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Hoster;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.Providers;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SourceResolverTest {
    private static final EpisodeAddress EPISODE = new EpisodeAddress(SiteId.ANIWORLD, "example-anime", 1, 2);

    /** Hosters that answer from a table: embed URL → source or failure. No network at all. */
    private final Map<URI, ProviderFailure> hosterFailures = new HashMap<>();
    private final List<URI> hosterCalls = new ArrayList<>();

    private final class TableHoster implements Hoster {
        private final String name;
        private final Set<String> aliases;
        private final Set<String> hosts;

        TableHoster(String name, Set<String> aliases, Set<String> hosts) {
            this.name = name;
            this.aliases = aliases;
            this.hosts = hosts;
        }

        public String name() { return name; }
        public Set<String> aliases() { return aliases; }
        public Set<String> hosts() { return hosts; }

        public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
            hosterCalls.add(embedUrl);
            if (embedUrl.getPath().contains("bug")) throw new IllegalStateException("extractor bug");
            ProviderFailure failure = hosterFailures.get(embedUrl);
            if (failure != null) throw new ProviderException(failure);
            return new StreamSource(URI.create("https://cdn.example.test" + embedUrl.getPath() + ".m3u8"),
                    StreamSource.Format.HLS, Map.of(), null, name);
        }
    }

    /** A site whose links and link-outs come from lists; a link-out to {@code fail:…} throws. */
    private static class ListSite implements Site {
        private final List<HosterLink> links;
        private final ProviderFailure linksFailure;

        ListSite(List<HosterLink> links, ProviderFailure linksFailure) {
            this.links = links;
            this.linksFailure = linksFailure;
        }

        public SiteId id() { return SiteId.ANIWORLD; }
        public void titles(Consumer<TitleRef> sink) { }
        public TitleDetail detail(String slug) { throw new UnsupportedOperationException(); }
        public List<TitleRef> search(String query) { return List.of(); }

        public List<HosterLink> hosterLinks(EpisodeAddress episode) {
            if (linksFailure != null) throw new ProviderException(linksFailure);
            return links;
        }

        public URI resolveLinkOut(HosterLink link) {
            if (link.linkOut().getScheme().equals("fail")) {
                throw new ProviderException(new ProviderFailure.Blocked(link.linkOut(), ChallengeKind.LINK_GATE));
            }
            return URI.create(link.linkOut().getSchemeSpecificPart());
        }
    }

    /** Answers every GET with a page no hoster recognises; anything else is a test failure. */
    private static final Fetcher NO_NETWORK = new Fetcher() {
        public Page get(URI url, Map<String, String> headers) {
            return new Page(url, 200, Map.of(), "<html><body>some other player</body></html>");
        }
        public Page postForm(URI url, Map<String, String> form, Map<String, String> headers) { throw new AssertionError(); }
        public Page postJson(URI url, String json, Map<String, String> headers) { throw new AssertionError(); }
        public Optional<URI> redirectTarget(URI url, Map<String, String> headers) { throw new AssertionError(); }
        public <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader) { throw new AssertionError(); }
    };

    private HosterRegistry registry() {
        return new HosterRegistry(List.of(
                new TableHoster("VOE", Set.of(), Set.of("voe")),
                new TableHoster("Doodstream", Set.of("Dood"), Set.of("dood")),
                new TableHoster("Filemoon", Set.of(), Set.of("filemoon"))));
    }

    /** A link whose link-out resolves to {@code embed}. */
    private static HosterLink link(String label, Language language, String embed) {
        return new HosterLink(label, language, URI.create("out:" + embed));
    }

    private SourceResolver resolver(Site site) {
        return new SourceResolver(new Providers(List.of(site), registry()), NO_NETWORK);
    }

    @Test
    void tries_preferred_hosters_first_in_the_given_order() {
        Site site = new ListSite(List.of(
                link("VOE", Language.GERMAN_DUB, "https://voe.sx/e/v1"),
                link("Doodstream", Language.GERMAN_DUB, "https://dood.li/e/d1"),
                link("Filemoon", Language.GERMAN_DUB, "https://filemoon.sx/e/f1")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of("filemoon", "Dood"), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().hoster()).isEqualTo("Filemoon");
            assertThat(ok.link().hoster()).isEqualTo("Filemoon");
            assertThat(ok.attempts()).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
            assertThat(ok.offered()).extracting(HosterLink::hoster).containsExactly("VOE", "Doodstream", "Filemoon");
        });
    }

    @Test
    void records_each_failure_and_moves_to_the_next_link() {
        hosterFailures.put(URI.create("https://voe.sx/e/v1"),
                new ProviderFailure.HosterGone(URI.create("https://voe.sx/e/v1"), "page says 'File not found'"));
        Site site = new ListSite(List.of(
                link("VOE", Language.GERMAN_SUB, "https://voe.sx/e/v1"),
                link("Doodstream", Language.GERMAN_SUB, "https://dood.li/e/d1")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_SUB, List.of("VOE"), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().hoster()).isEqualTo("Doodstream");
            assertThat(ok.attempts()).extracting(Attempt::hoster).containsExactly("VOE", "Doodstream");
            assertThat(ok.attempts().getFirst().failure()).isInstanceOf(ProviderFailure.HosterGone.class);
            assertThat(ok.attempts().getFirst().embedUrl()).hasToString("https://voe.sx/e/v1");
        });
    }

    @Test
    void never_swaps_the_language() {
        Site site = new ListSite(List.of(
                link("VOE", Language.GERMAN_SUB, "https://voe.sx/e/sub"),
                link("VOE", Language.ENGLISH_SUB, "https://voe.sx/e/eng")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of("VOE"), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Failed.class, f -> {
            assertThat(f.attempts()).isEmpty();
            assertThat(f.describe()).isEqualTo("no hoster link to try in this language");
            // what the page offered in every language is still reported, for the catalog's hosters per language
            assertThat(f.offered()).extracting(HosterLink::language)
                    .containsExactly(Language.GERMAN_SUB, Language.ENGLISH_SUB);
        });
        assertThat(hosterCalls).isEmpty();
    }

    @Test
    void unknown_preferred_names_are_ignored_and_other_links_follow_in_site_order() {
        hosterFailures.put(URI.create("https://dood.li/e/d1"),
                new ProviderFailure.Unreachable(URI.create("https://dood.li/e/d1"), "HTTP 503"));
        hosterFailures.put(URI.create("https://voe.sx/e/v1"),
                new ProviderFailure.Unreachable(URI.create("https://voe.sx/e/v1"), "timeout"));
        Site site = new ListSite(List.of(
                link("Doodstream", Language.GERMAN_DUB, "https://dood.li/e/d1"),
                link("VOE", Language.GERMAN_DUB, "https://voe.sx/e/v1"),
                link("Filemoon", Language.GERMAN_DUB, "https://filemoon.sx/e/f1")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of("NoSuchHoster", "VOE"), Set.of());

        assertThat(r.attempts()).extracting(Attempt::hoster).containsExactly("VOE", "Doodstream", "Filemoon");
    }

    @Test
    void skips_named_hosters_including_those_only_recognised_by_host() {
        Site site = new ListSite(List.of(
                link("Dood", Language.GERMAN_DUB, "https://dood.li/e/d1"),
                link("Provider", Language.GERMAN_DUB, "https://voe.sx/e/v1"),
                link("Provider", Language.GERMAN_DUB, "https://filemoon.sx/e/f1")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of("doodstream", "VOE"));

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class,
                ok -> assertThat(ok.source().hoster()).isEqualTo("Filemoon"));
        assertThat(hosterCalls).containsExactly(URI.create("https://filemoon.sx/e/f1"));
    }

    @Test
    void placeholder_label_is_resolved_by_the_embed_host() {
        Site site = new ListSite(List.of(link("Provider", Language.GERMAN_DUB, "https://dood.to/e/d9")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().hoster()).isEqualTo("Doodstream");
            assertThat(ok.attempts().getFirst().hoster()).isEqualTo("Provider");
        });
    }

    @Test
    void link_out_failure_and_unknown_hoster_are_recorded() {
        Site site = new ListSite(List.of(
                new HosterLink("VOE", Language.GERMAN_DUB, URI.create("fail:gate")),
                link("SpeedFiles", Language.GERMAN_DUB, "https://speedfiles.net/x")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Failed.class, f -> {
            assertThat(f.attempts()).hasSize(2);
            assertThat(f.attempts().get(0).embedUrl()).isNull();
            assertThat(f.attempts().get(0).failure()).isInstanceOf(ProviderFailure.Blocked.class);
            assertThat(f.attempts().get(1).failure()).isInstanceOf(ProviderFailure.MarkupChanged.class);
            assertThat(f.blocked()).isTrue();
            assertThat(f.worthRetrying()).isFalse();
            assertThat(f.describe()).isEqualTo("no hoster worked: VOE: blocked by s.to link-out gate; "
                    + "SpeedFiles: markup changed: expected a supported hoster for 'SpeedFiles' at "
                    + "'HosterRegistry name/alias/host/page' (speedfiles.net)");
        });
    }

    @Test
    void an_extractor_bug_is_recorded_and_the_next_link_tried() {
        Site site = new ListSite(List.of(
                link("VOE", Language.GERMAN_DUB, "https://voe.sx/e/bug"),
                link("Filemoon", Language.GERMAN_DUB, "https://filemoon.sx/e/f1")), null);

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Resolved.class, ok -> {
            assertThat(ok.source().hoster()).isEqualTo("Filemoon");
            assertThat(ok.attempts().getFirst().failure()).isInstanceOf(ProviderFailure.MarkupChanged.class);
        });
    }

    @Test
    void failing_episode_page_is_one_attempt_naming_the_site() {
        URI page = URI.create("https://aniworld.to/anime/stream/example-anime/staffel-1/episode-2");
        Site site = new ListSite(List.of(), new ProviderFailure.Unreachable(page, "HTTP 502"));

        Resolution r = resolver(site).resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Failed.class, f -> {
            assertThat(f.attempts()).singleElement().satisfies(a -> {
                assertThat(a.hoster()).isEqualTo("aniworld");
                assertThat(a.embedUrl()).isNull();
            });
            assertThat(f.worthRetrying()).isTrue();
            assertThat(f.offered()).isEmpty();
            assertThat(f.describe()).isEqualTo("no hoster worked: aniworld: unreachable: HTTP 502 (aniworld.to)");
        });
    }

    @Test
    void site_that_is_not_enabled_fails_naming_it() {
        SourceResolver resolver = new SourceResolver(new Providers(List.of(), registry()), NO_NETWORK);

        Resolution r = resolver.resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Failed.class,
                f -> assertThat(f.attempts()).singleElement().extracting(Attempt::hoster).isEqualTo("aniworld"));
    }

    @Test
    void describe_never_prints_the_full_url() {
        Attempt a = new Attempt("Doodstream", Language.GERMAN_DUB, null, new ProviderFailure.MarkupChanged(
                URI.create("https://dood.li/pass_md5/1-2-3/secrettoken"), "Doodstream media URL prefix", "x"));

        assertThat(a.describe()).contains("dood.li").doesNotContain("secrettoken");
    }

    @Test
    void the_embed_page_is_requested_with_the_sites_origin_as_referer_and_follow_ups_keep_the_hosters_own() {
        List<String> seen = new ArrayList<>();
        Fetcher recording = new Fetcher() {
            public Page get(URI url, Map<String, String> headers) {
                seen.add(url.getPath() + " Referer=" + headers.get("Referer") + " UA=" + headers.get("User-Agent"));
                return new Page(url, 200, Map.of(), "<html></html>");
            }
            public Page postForm(URI url, Map<String, String> form, Map<String, String> headers) { throw new AssertionError(); }
            public Page postJson(URI url, String json, Map<String, String> headers) { throw new AssertionError(); }
            public Optional<URI> redirectTarget(URI url, Map<String, String> headers) { throw new AssertionError(); }
            public <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader) { throw new AssertionError(); }
        };
        Hoster browserLike = new Hoster() {
            public String name() { return "VOE"; }
            public Set<String> aliases() { return Set.of(); }
            public Set<String> hosts() { return Set.of("voe"); }
            public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
                fetcher.get(embedUrl, Map.of("referer", "https://voe.sx/", "User-Agent", "UA"));
                fetcher.get(embedUrl.resolve("/api/source"), Map.of("Referer", embedUrl.toString()));
                return new StreamSource(URI.create("https://cdn.example.test/v.m3u8"), StreamSource.Format.HLS, Map.of(),
                        null, "VOE");
            }
        };
        Site site = new ListSite(List.of(link("VOE", Language.GERMAN_DUB, "https://voe.sx/e/v1")), null) {
            @Override
            public Optional<String> embedReferer() {
                return Optional.of("https://aniworld.to/");
            }
        };
        var resolver = new SourceResolver(new Providers(List.of(site), new HosterRegistry(List.of(browserLike))), recording);

        assertThat(resolver.resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of()))
                .isInstanceOf(Resolution.Resolved.class);
        assertThat(seen).containsExactly("/e/v1 Referer=https://aniworld.to/ UA=UA",
                "/api/source Referer=https://voe.sx/e/v1 UA=null");
    }
}
