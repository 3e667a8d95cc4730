package dev.kanal.providers.hoster;

import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.net.URI;
import org.junit.jupiter.api.Test;

class VidmolyHosterTest extends WireMockHosterTest {
    private final VidmolyHoster vidmoly = new VidmolyHoster(UA);

    @Test
    void vidmoly_reads_the_jwplayer_source_and_needs_referer_and_origin() {
        URI hls = local("/hls/xx,abc123,.urlset/master.m3u8");
        serve("/embed-vm1.html", HosterPages.vidmolyPage(hls));

        StreamSource source = vidmoly.resolve(local("/embed-vm1.html"), fetcher);

        assertThat(source.url()).isEqualTo(hls);
        assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
        assertThat(source.headers()).containsEntry("Referer", local("/").toString())
                .containsEntry("Origin", "http://" + localHost());
    }

    @Test
    void vidmoly_removed_file_is_hoster_gone() {
        serve("/embed-vm2.html", HosterPages.textPage("Vidmoly", "File Not Found"));

        assertThat(failureOf(() -> vidmoly.resolve(local("/embed-vm2.html"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void vidmoly_page_without_setup_is_markup_changed() {
        serve("/embed-vm3.html", HosterPages.emptyPlayerPage());

        assertThat(failureOf(() -> vidmoly.resolve(local("/embed-vm3.html"), fetcher)))
                .isInstanceOf(ProviderFailure.MarkupChanged.class);
    }
}
