package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.OkHttpFetcher;
import dev.kanal.providers.http.Page;
import dev.kanal.providers.testing.hoster.HosterPages;
import dev.kanal.providers.testing.hoster.VoeEncoder;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VoeHosterTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams());
    private final VoeHoster voe = new VoeHoster("Kanal-Test-UA/1.0");

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + wm.getPort() + path);
    }

    /** The second name of the same server stands in for a VOE vanity domain. */
    private URI vanity(String path) {
        return URI.create("http://localhost:" + wm.getPort() + path);
    }

    private void serve(String path, String body) {
        wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
    }

    private static final URI HLS = URI.create(
            "https://cdn-abc.example.test/engine/hls2/01/00001/abc123_,n,.urlset/master.m3u8?t=TOKEN&s=1770000000&e=14400");
    private static final URI MP4 = URI.create("https://cdn-abc.example.test/abc123.mp4");

    @Test
    void voe_decodes_json_payload_variant() {
        serve("/e/json1", HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(HLS, MP4), VoeEncoder.DEFAULT_JUNK));

        StreamSource source = voe.resolve(local("/e/json1"), fetcher);

        assertThat(source.url()).isEqualTo(HLS);
        assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
        assertThat(source.hoster()).isEqualTo("VOE");
        assertThat(source.headers())
                .containsEntry("User-Agent", "Kanal-Test-UA/1.0")
                .containsEntry("Referer", local("/").toString())
                .containsEntry("Origin", "http://127.0.0.1:" + wm.getPort());
    }

    @Test
    void voe_reads_the_expiry_from_the_signed_playlist_url() {
        serve("/e/exp1", HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(HLS, MP4), VoeEncoder.DEFAULT_JUNK));

        assertThat(voe.resolve(local("/e/exp1"), fetcher).expiresAt())
                .isEqualTo(Instant.ofEpochSecond(1770000000L + 14400));
    }

    @Test
    void voe_takes_the_mp4_when_the_payload_has_no_playlist() {
        String json = "{\"direct_access_url\":\"" + MP4 + "\"}";
        serve("/e/mp4only", HosterPages.voeJsonPayloadPage(json, VoeEncoder.DEFAULT_JUNK));

        StreamSource source = voe.resolve(local("/e/mp4only"), fetcher);

        assertThat(source.url()).isEqualTo(MP4);
        assertThat(source.format()).isEqualTo(StreamSource.Format.MP4);
        assertThat(source.expiresAt()).isNull();
    }

    @Test
    void voe_reads_junk_tokens_from_the_loader_script_when_the_defaults_fail() {
        List<String> junk = List.of(";;", "|~", "::", "~;", ",:");
        serve("/e/loader1", HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(HLS, MP4), junk));
        serve("/js/loader.3f2a9c.js", HosterPages.voeLoaderScript(junk));

        assertThat(voe.resolve(local("/e/loader1"), fetcher).url()).isEqualTo(HLS);
        wm.verify(getRequestedFor(urlEqualTo("/js/loader.3f2a9c.js")));
    }

    @Test
    void voe_decodes_payload_kept_in_a_script_variable() {
        serve("/e/var1", HosterPages.voeVarPayloadPage(HosterPages.voePlayerJson(HLS, MP4)));

        assertThat(voe.resolve(local("/e/var1"), fetcher).url()).isEqualTo(HLS);
    }

    @Test
    void voe_decodes_bare_string_payload_with_unicode_escapes() {
        String page = HosterPages.voeBareJsonPayloadPage(HosterPages.voePlayerJson(HLS, MP4));
        assertThat(page).contains("\\u0040");
        serve("/e/bare1", page);

        assertThat(voe.resolve(local("/e/bare1"), fetcher).url()).isEqualTo(HLS);
    }

    @Test
    void voe_reads_legacy_mp4_source() {
        serve("/e/mp4legacy", "<html><body><script>var sources = {'mp4': '" + MP4 + "', 'video_height': 720};"
                + "</script></body></html>");

        StreamSource source = voe.resolve(local("/e/mp4legacy"), fetcher);

        assertThat(source.url()).isEqualTo(MP4);
        assertThat(source.format()).isEqualTo(StreamSource.Format.MP4);
    }

    @Test
    void voe_decodes_a168c_variable_variant() {
        serve("/e/a168c", HosterPages.voeA168cPage(HosterPages.voePlayerJson(HLS, MP4)));

        assertThat(voe.resolve(local("/e/a168c"), fetcher).url()).isEqualTo(HLS);
    }

    @Test
    void voe_reads_plain_hls_source() {
        serve("/e/hlsplain", HosterPages.voeHlsPage(HLS.toString()));

        assertThat(voe.resolve(local("/e/hlsplain"), fetcher).url()).isEqualTo(HLS);
    }

    @Test
    void voe_decodes_base64_hls_source() {
        serve("/e/hlsb64", HosterPages.voeHlsPage(VoeEncoder.b64(HLS.toString())));

        assertThat(voe.resolve(local("/e/hlsb64"), fetcher).url()).isEqualTo(HLS);
    }

    @Test
    void voe_decodes_wc0_variable_holding_reversed_json() {
        String reversed = new StringBuilder("{\"file\":\"" + MP4 + "\"}").reverse().toString();
        serve("/e/wc0", HosterPages.voeWc0Page(VoeEncoder.b64(reversed)));

        assertThat(voe.resolve(local("/e/wc0"), fetcher).url()).isEqualTo(MP4);
    }

    @Test
    void voe_follows_the_javascript_redirect_to_a_vanity_domain() {
        serve("/e/redir1", HosterPages.voeRedirectPage(vanity("/e/vanity1")));
        serve("/e/vanity1", HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(HLS, MP4), VoeEncoder.DEFAULT_JUNK));

        StreamSource source = voe.resolve(local("/e/redir1"), fetcher);

        assertThat(source.url()).isEqualTo(HLS);
        assertThat(source.headers()).containsEntry("Referer", vanity("/").toString())
                .containsEntry("Origin", "http://localhost:" + wm.getPort());
    }

    @Test
    void voe_redirect_that_loops_back_is_markup_changed() {
        serve("/e/loop1", HosterPages.voeRedirectPage(vanity("/e/loop2")));
        serve("/e/loop2", HosterPages.voeRedirectPage(local("/e/loop1")));

        assertThat(failureOf(() -> voe.resolve(local("/e/loop1"), fetcher)))
                .isInstanceOf(ProviderFailure.MarkupChanged.class);
    }

    @Test
    void voe_maintenance_page_is_a_transient_failure() {
        serve("/e/maint", HosterPages.voeMaintenancePage());

        ProviderFailure failure = failureOf(() -> voe.resolve(local("/e/maint"), fetcher));

        assertThat(failure).isInstanceOf(ProviderFailure.Unreachable.class);
        assertThat(failure.transientFailure()).isTrue();
    }

    @Test
    void voe_404_is_hoster_gone() {
        wm.stubFor(get(urlEqualTo("/e/gone404")).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        assertThat(failureOf(() -> voe.resolve(local("/e/gone404"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void voe_removed_video_page_is_hoster_gone() {
        serve("/e/removed", HosterPages.textPage("VOE", "File not found"));

        assertThat(failureOf(() -> voe.resolve(local("/e/removed"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void voe_challenge_page_is_blocked() {
        serve("/e/cf", HosterPages.cloudflareChallengePage());

        assertThat(failureOf(() -> voe.resolve(local("/e/cf"), fetcher)))
                .isInstanceOfSatisfying(ProviderFailure.Blocked.class,
                        b -> assertThat(b.kind()).isEqualTo(ChallengeKind.CLOUDFLARE));
    }

    @Test
    void voe_recognises_its_payload_and_redirect_pages_but_not_others() {
        URI at = local("/e/any");
        String payload = HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(HLS, MP4), VoeEncoder.DEFAULT_JUNK);

        assertThat(voe.recognises(new Page(at, 200, Map.of(), payload))).isTrue();
        assertThat(voe.recognises(new Page(at, 200, Map.of(), HosterPages.voeRedirectPage(vanity("/e/x1"))))).isTrue();
        assertThat(voe.recognises(new Page(at, 200, Map.of(), HosterPages.filemoonPackedPage(HLS)))).isFalse();
        assertThat(voe.recognises(new Page(at, 200, Map.of(), HosterPages.voeHlsPage(HLS.toString())))).isFalse();
        assertThat(voe.recognises(new Page(at, 200, Map.of(), HosterPages.emptyPlayerPage()))).isFalse();
    }

    @Test
    void voe_page_without_player_script_is_markup_changed() {
        serve("/e/empty", HosterPages.emptyPlayerPage());

        assertThat(failureOf(() -> voe.resolve(local("/e/empty"), fetcher)))
                .isInstanceOfSatisfying(ProviderFailure.MarkupChanged.class,
                        m -> assertThat(m.concept()).isEqualTo("VOE player source"));
    }
}
