package dev.kanal.download;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.SubtitleTrack;
import dev.kanal.providers.http.OkHttpFetcher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Caption tracks become {@code <release>.<lang>.srt} beside the video or .strm file (issue 14 point 2). */
class SubtitlesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String VTT = "WEBVTT\n\nNOTE made for Kanal's tests\n\n1\n00:00:01.000 --> 00:00:02.500 align:start\n"
            + "<i>Hallo</i> <c.yellow>Welt</c>\n\n00:01:03.25 --> 00:01:04.000\nZweite Zeile &amp; mehr\nnoch eine\n";

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + wm.getPort() + path);
    }

    @Test
    void vtt_tracks_are_saved_as_srt_named_after_the_release(@TempDir Path dir) throws Exception {
        wm.stubFor(get(urlEqualTo("/subs/de.vtt")).withHeader("Referer", equalTo("https://voe.example/"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/vtt").withBody(VTT)));
        wm.stubFor(get(urlEqualTo("/subs/en.vtt")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlEqualTo("/subs/de-forced.vtt")).willReturn(aResponse().withStatus(200).withBody(VTT)));
        Path video = Files.writeString(dir.resolve("Show.S01E01.GER.1080p.WEB.H264-KANAL.mkv"), "x");
        Subtitles subtitles = new Subtitles(new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams()));

        List<Path> written = subtitles.saveBeside(video, List.of(
                new SubtitleTrack(local("/subs/de.vtt"), "de", "Deutsch"),
                new SubtitleTrack(local("/subs/de.vtt"), "de", "Deutsch (2)"),
                new SubtitleTrack(local("/subs/en.vtt"), "en", "English"),
                new SubtitleTrack(local("/subs/de-forced.vtt"), "de", "Deutsch forced")),
                Map.of("Referer", "https://voe.example/", "User-Agent", "UA", "Cookie", "never-forwarded"));

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "Show.S01E01.GER.1080p.WEB.H264-KANAL.de.srt", "Show.S01E01.GER.1080p.WEB.H264-KANAL.de.forced.srt");
        assertThat(Files.readString(written.getFirst())).isEqualTo(
                "1\n00:00:01,000 --> 00:00:02,500\n<i>Hallo</i> Welt\n\n2\n00:01:03,250 --> 00:01:04,000\nZweite Zeile & mehr\nnoch eine\n\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void beside_a_strm_file_the_stem_is_the_strm_name(@TempDir Path dir) throws Exception {
        wm.stubFor(get(urlEqualTo("/subs/strm.vtt")).willReturn(aResponse().withStatus(200).withBody(VTT)));
        Path strm = Files.writeString(dir.resolve("Show.S01E02.GER.WEB-KANAL.strm"), "http://x");

        List<Path> written = new Subtitles(new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams()))
                .saveBeside(strm, List.of(new SubtitleTrack(local("/subs/strm.vtt"), "en", "English")), Map.of());

        assertThat(written).singleElement().satisfies(p ->
                assertThat(p.getFileName().toString()).isEqualTo("Show.S01E02.GER.WEB-KANAL.en.srt"));
    }

    @Test
    void without_tracks_or_fetcher_nothing_is_written(@TempDir Path dir) throws Exception {
        Path video = Files.writeString(dir.resolve("a.mkv"), "x");
        assertThat(Subtitles.NONE.saveBeside(video, List.of(new SubtitleTrack(local("/x.vtt"), "de", "")), Map.of())).isEmpty();
        assertThat(VttToSrt.convert("WEBVTT\n\n")).isEmpty();
        assertThat(VttToSrt.time("01:02:03.4")).isEqualTo("01:02:03,400");
    }
}
