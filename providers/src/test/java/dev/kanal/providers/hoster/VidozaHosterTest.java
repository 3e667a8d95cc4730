package dev.kanal.providers.hoster;

import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.net.URI;
import org.junit.jupiter.api.Test;

class VidozaHosterTest extends WireMockHosterTest {
    private final VidozaHoster vidoza = new VidozaHoster(UA);

    @Test
    void vidoza_reads_the_sources_code_mp4() {
        URI mp4 = local("/media/vz/v.mp4");
        serve("/embed-vz1.html", HosterPages.vidozaPage(mp4));

        StreamSource source = vidoza.resolve(local("/embed-vz1.html"), fetcher);

        assertThat(source.url()).isEqualTo(mp4);
        assertThat(source.format()).isEqualTo(StreamSource.Format.MP4);
        assertThat(source.headers()).containsEntry("Referer", local("/").toString());
    }

    @Test
    void vidoza_removed_file_is_hoster_gone() {
        serve("/embed-vz2.html", HosterPages.textPage("Vidoza", "File was deleted"));

        assertThat(failureOf(() -> vidoza.resolve(local("/embed-vz2.html"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void vidoza_page_without_sources_is_markup_changed() {
        serve("/embed-vz3.html", HosterPages.emptyPlayerPage());

        assertThat(failureOf(() -> vidoza.resolve(local("/embed-vz3.html"), fetcher)))
                .isInstanceOf(ProviderFailure.MarkupChanged.class);
    }
}
