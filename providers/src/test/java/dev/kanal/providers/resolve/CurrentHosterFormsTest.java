package dev.kanal.providers.resolve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Hoster;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.Providers;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.SubtitleTrack;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.hoster.VidmolyHoster;
import dev.kanal.providers.http.OkHttpFetcher;
import dev.kanal.providers.testing.hoster.CurrentHosterPages;
import dev.kanal.providers.testing.hoster.FilemoonCipher;
import dev.kanal.providers.testing.hoster.HosterPages;
import dev.kanal.providers.testing.hoster.VoeEncoder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14: each hoster in the form it is served in now, forced alone: every other hoster's link
 * answers 404, so only the hoster under test can produce the source and fallback cannot hide a
 * failure. Pages are Kanal's own fixtures ({@link CurrentHosterPages}) written to the reported markup.
 */
class CurrentHosterFormsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final EpisodeAddress EPISODE = new EpisodeAddress(SiteId.STO, "example-show", 1, 1);

    private record EmbedSite(List<HosterLink> links) implements Site {
        public SiteId id() { return SiteId.STO; }
        public void titles(Consumer<TitleRef> sink) { }
        public TitleDetail detail(String slug) { throw new UnsupportedOperationException(); }
        public List<HosterLink> hosterLinks(EpisodeAddress episode) { return links; }
        public URI resolveLinkOut(HosterLink link) { return link.linkOut(); }
        public List<TitleRef> search(String query) { return List.of(); }
    }

    private URI at(String host, String path) {
        return URI.create("http://" + host + ":" + wm.getPort() + path);
    }

    /** Every hoster this build knows, with Vidmoly's retired domain played by {@code localhost}. */
    private HosterRegistry registry() {
        List<Hoster> all = new ArrayList<>();
        for (Hoster h : HosterRegistry.standard().all()) {
            all.add(h instanceof VidmolyHoster
                    ? new VidmolyHoster(ProviderSettings.DEFAULT_USER_AGENT, at("127.0.0.1", ""), Set.of("localhost"))
                    : h);
        }
        return new HosterRegistry(all);
    }

    /** Resolves with a 404 link for every other hoster first and the hoster under test last. */
    private Resolution.Resolved forced(String hoster, URI embed) {
        HosterRegistry registry = registry();
        List<HosterLink> links = new ArrayList<>();
        for (Hoster other : registry.all()) {
            if (other.name().equals(hoster)) continue;
            String path = "/gone/" + other.name().toLowerCase() + "/e/x404";
            wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404).withBody("File not found")));
            links.add(new HosterLink(other.name(), Language.GERMAN_DUB, at("127.0.0.1", path)));
        }
        links.add(new HosterLink(hoster, Language.GERMAN_DUB, embed));
        Providers providers = new Providers(List.of(new EmbedSite(links)), registry);
        SourceResolver resolver = new SourceResolver(providers,
                new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams()));
        Resolution r = resolver.resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());
        assertThat(r).isInstanceOf(Resolution.Resolved.class);
        Resolution.Resolved ok = (Resolution.Resolved) r;
        assertThat(ok.source().hoster()).isEqualTo(hoster);
        assertThat(ok.attempts()).hasSize(registry.all().size());
        assertThat(ok.attempts().subList(0, ok.attempts().size() - 1))
                .allSatisfy(a -> assertThat(a.failure()).isNotNull());
        return ok;
    }

    private void html(String path, String body) {
        wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
    }

    @Test
    void vidmoly_on_a_retired_domain_goes_to_the_current_one_and_reads_a_single_quoted_setup() {
        URI hls = at("127.0.0.1", "/media/vidmoly/master.m3u8");
        html("/embed-vm0biz12ab.html", CurrentHosterPages.vidmolySingleQuotedPage(hls));

        Resolution.Resolved ok = forced("Vidmoly", at("localhost", "/w/vm0biz12ab"));

        assertThat(ok.source().url()).isEqualTo(hls);
        assertThat(ok.source().headers()).containsEntry("Referer", at("127.0.0.1", "/").toString());
    }

    @Test
    void vidmoly_old_double_quoted_form_still_works() {
        URI hls = at("127.0.0.1", "/media/vidmoly/old.m3u8");
        html("/embed-vmold00001.html", HosterPages.vidmolyPage(hls));

        assertThat(forced("Vidmoly", at("127.0.0.1", "/embed-vmold00001.html")).source().url()).isEqualTo(hls);
    }

    @Test
    void filemoon_api_with_30_key_parts_and_24_byte_decoys_uses_the_16_byte_parts() {
        URI hls = at("127.0.0.1", "/media/filemoon/master.m3u8");
        String answer = new FilemoonCipher().playbackJsonWith24ByteDecoys(
                FilemoonCipher.sourcesJson(hls.toString(), "1080"), 7, 22);
        wm.stubFor(get(urlEqualTo("/api/videos/fm30parts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer)));

        assertThat(forced("Filemoon", at("127.0.0.1", "/e/fm30parts")).source().url()).isEqualTo(hls);
    }

    @Test
    void a_byse_labelled_link_is_resolved_by_the_filemoon_extractor() {
        URI hls = at("127.0.0.1", "/media/byse/master.m3u8");
        String answer = new FilemoonCipher().playbackJson(FilemoonCipher.sourcesJson(hls.toString(), "720"));
        wm.stubFor(get(urlEqualTo("/api/videos/byse0code")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer)));
        HosterRegistry registry = HosterRegistry.standard();

        assertThat(registry.byName("Byse")).map(Hoster::name).contains("Filemoon");
        assertThat(registry.byUrl(URI.create("https://bysezejataos.com/e/abc"))).map(Hoster::name).contains("Filemoon");
        assertThat(forced("Filemoon", at("127.0.0.1", "/e/byse0code")).source().url()).isEqualTo(hls);
    }

    @Test
    void voe_payload_array_with_a_jwplayer_config_yields_the_stream_and_its_caption_tracks() {
        URI hls = at("127.0.0.1", "/media/voe/master.m3u8");
        String first = "{\"source\":\"" + hls + "\"}";
        String second = CurrentHosterPages.voeJwConfig(hls, List.of(
                new String[] {"/subs/ep1.de.vtt", "Deutsch"}, new String[] {"/subs/ep1.en.vtt", "English"}));
        html("/e/voearray1", CurrentHosterPages.voePayloadArrayPage(first, second));

        Resolution.Resolved ok = forced("VOE", at("127.0.0.1", "/e/voearray1"));

        assertThat(ok.source().url()).isEqualTo(hls);
        assertThat(ok.source().subtitles()).extracting(SubtitleTrack::language, SubtitleTrack::url)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("de", at("127.0.0.1", "/subs/ep1.de.vtt")),
                        org.assertj.core.groups.Tuple.tuple("en", at("127.0.0.1", "/subs/ep1.en.vtt")));
    }

    @Test
    void voe_jwplayer_config_alone_plays_its_hls_source() {
        URI hls = at("127.0.0.1", "/media/voe/jw.m3u8");
        String config = CurrentHosterPages.voeJwConfig(hls, List.<String[]>of(new String[] {"/subs/jw.vtt", "Deutsch"}));
        html("/e/voejw01", "<html><body><script type=\"application/json\">[\"" + VoeEncoder.encode(config)
                + "\"]</script></body></html>");

        Resolution.Resolved ok = forced("VOE", at("127.0.0.1", "/e/voejw01"));

        assertThat(ok.source().url()).isEqualTo(hls);
        assertThat(ok.source().subtitles()).singleElement().satisfies(t -> assertThat(t.language()).isEqualTo("de"));
    }

    @Test
    void voe_captions_map_by_language_becomes_tracks() {
        URI hls = at("127.0.0.1", "/media/voe/map.m3u8");
        String json = CurrentHosterPages.voeCaptionsMapJson(hls, "/subs/map.de.vtt", "https://subs.example.test/map.en.vtt");
        html("/e/voemap01", "<html><body><script type=\"application/json\">\"" + VoeEncoder.encode(json)
                + "\"</script></body></html>");

        Resolution.Resolved ok = forced("VOE", at("127.0.0.1", "/e/voemap01"));

        assertThat(ok.source().subtitles()).extracting(SubtitleTrack::language).containsExactly("de", "en");
    }

    @Test
    void voe_answering_410_is_a_removed_video_not_a_transient_failure() {
        wm.stubFor(get(urlEqualTo("/e/voe410")).willReturn(aResponse().withStatus(410).withBody("Gone")));
        Providers providers = new Providers(List.of(new EmbedSite(List.of(
                new HosterLink("VOE", Language.GERMAN_DUB, at("127.0.0.1", "/e/voe410"))))), HosterRegistry.standard());
        Resolution r = new SourceResolver(providers, new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams()))
                .resolve(EPISODE, Language.GERMAN_DUB, List.of(), Set.of());

        assertThat(r).isInstanceOfSatisfying(Resolution.Failed.class, u -> assertThat(u.attempts())
                .singleElement().satisfies(a -> {
                    assertThat(a.failure()).isInstanceOf(dev.kanal.providers.ProviderFailure.HosterGone.class);
                    assertThat(a.failure().transientFailure()).isFalse();
                }));
    }

    @Test
    void doodstream_vide0_answers_301_to_a_mirror_and_follow_ups_go_there() {
        wm.stubFor(get(urlEqualTo("/vide0/e/dd301abc")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", at("localhost", "/playmogo/e/dd301abc").toString())));
        html("/playmogo/e/dd301abc", HosterPages.doodEmbedPage("/pass_md5/12-34-dd301abc/tokdd301", "tokdd301"));
        wm.stubFor(get(urlEqualTo("/pass_md5/12-34-dd301abc/tokdd301")).willReturn(aResponse().withStatus(200)
                .withBody(at("127.0.0.1", "/media/dood/dd301~").toString())));

        Resolution.Resolved ok = forced("Doodstream", at("127.0.0.1", "/vide0/e/dd301abc"));

        assertThat(ok.source().url().toString()).startsWith(at("127.0.0.1", "/media/dood/dd301~").toString())
                .contains("token=tokdd301");
        assertThat(ok.source().headers()).containsEntry("Referer", at("localhost", "/").toString());
        assertThat(HosterRegistry.standard().byUrl(URI.create("https://playmogo.com/e/x"))).map(Hoster::name)
                .contains("Doodstream");
    }

    @Test
    void streamtape_keeps_the_links_path_and_changes_only_its_host() {
        String real = "id=St0Path1&expires=1770000000&ip=AbCd&token=RealTokPath1";
        html("/st/e/stpath1", CurrentHosterPages.streamtapePathPage("/st", real,
                "id=St0Path1&expires=1770000000&ip=AbCd&token=DecoyTokPath"));

        Resolution.Resolved ok = forced("Streamtape", at("127.0.0.1", "/st/e/stpath1"));

        assertThat(ok.source().url()).isEqualTo(at("127.0.0.1", "/st/get_video?" + real + "&stream=1"));
    }

    @Test
    void streamtape_classic_root_link_still_works() {
        String real = "id=StClassic&expires=1770000000&ip=AbCd&token=RealTokClass";
        html("/e/stclassic", HosterPages.streamtapeClassicPage("streamtape.com", real, "id=x&token=Decoy"));

        assertThat(forced("Streamtape", at("127.0.0.1", "/e/stclassic")).source().url())
                .isEqualTo(at("127.0.0.1", "/get_video?" + real + "&stream=1"));
    }

    @Test
    void vidara_posts_the_filecode_and_plays_the_streaming_url() {
        URI hls = at("127.0.0.1", "/media/vidara/master.m3u8");
        html("/e/vdr0code1", CurrentHosterPages.vidaraEmbedPage("vdr0code1"));
        wm.stubFor(post(urlEqualTo("/api/stream"))
                .withRequestBody(matchingJsonPath("$.filecode", equalTo("vdr0code1")))
                .withRequestBody(matchingJsonPath("$.device", equalTo("web")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(CurrentHosterPages.vidaraStreamAnswer(hls))));

        assertThat(forced("Vidara", at("127.0.0.1", "/e/vdr0code1")).source().url()).isEqualTo(hls);
        assertThat(HosterRegistry.standard().byUrl(URI.create("https://vidara.so/e/abc"))).map(Hoster::name)
                .contains("Vidara");
    }

    @Test
    void gupload_xor_config_yields_the_video_url() {
        URI mp4 = at("127.0.0.1", "/media/gupload/file.mp4");
        html("/gupload/v/gup0code1", CurrentHosterPages.guploadPage(mp4, List.of("k3y", "P4r", "tZz")));

        assertThat(forced("Gupload", at("127.0.0.1", "/gupload/v/gup0code1")).source().url()).isEqualTo(mp4);
        assertThat(HosterRegistry.standard().byUrl(URI.create("https://gupload.xyz/v/abc"))).map(Hoster::name)
                .contains("Gupload");
    }
}
