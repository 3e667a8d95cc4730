package dev.kanal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Wiring;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.strm.StrmLinks;
import dev.kanal.strm.StrmTarget;
import dev.kanal.strm.UrlSigner;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.TestKanal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpOnlySourcesTest {
    static final EpisodeAddress EPISODE = new EpisodeAddress(SiteId.STO, "file-show", 1, 1);

    @Test
    void a_hoster_giving_a_file_address_is_a_failed_hoster_and_the_next_one_plays() {
        FakeSources fake = new FakeSources().script("file-show",
                FakeSources.Hoster.serving("Evil", URI.create("file:///etc/passwd")),
                FakeSources.Hoster.serving("Gopher", URI.create("gopher://127.0.0.1/x")),
                FakeSources.Hoster.serving("VOE", URI.create("https://cdn.example/video.mp4")));
        Resolution result = new HttpOnlySources(fake).resolve(EPISODE, Language.GERMAN_DUB, Set.of());

        assertThat(result).isInstanceOf(Resolution.Resolved.class);
        assertThat(((Resolution.Resolved) result).hoster()).isEqualTo("VOE");
        assertThat(result.attempts()).extracting(Attempt::hoster).containsExactly("Evil", "Gopher", "VOE");
        assertThat(result.attempts().getFirst().reason()).contains("'file:'").contains("refused");
        assertThat(result.attempts().getFirst().transientFailure()).isFalse();
    }

    @Test
    void only_file_addresses_is_not_found_naming_why(@TempDir Path root) {
        FakeSources fake = new FakeSources().script("file-show",
                FakeSources.Hoster.serving("Evil", URI.create("file:///etc/passwd")));
        Resolution result = new HttpOnlySources(fake).resolve(EPISODE, Language.GERMAN_DUB, Set.of());
        assertThat(result).isInstanceOf(Resolution.Failed.class);
        assertThat(((Resolution.Failed) result).summary()).isEqualTo(
                "Evil: gave a 'file:' address instead of http(s); refused");
        assertThat(((Resolution.Failed) result).onlyTransient()).isFalse();

        // played through the stream proxy: a clean refusal in problem JSON, never a 500 with a stack trace
        try (TestKanal kanal = TestKanal.start(root, Map.of(), Wiring.Overrides.none().withSources(fake))) {
            var links = new StrmLinks(kanal.config().server().publicUrl(),
                    new UrlSigner(kanal.config().security().signingKey()), Clock.systemUTC());
            URI url = links.streamUrl(new StrmTarget(EPISODE, Language.GERMAN_DUB));
            var r = kanal.get(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
            assertThat(r.statusCode()).isBetween(400, 599).isNotEqualTo(500);
            assertThat(r.body()).contains("Evil").doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContain("root:");
        }
    }
}
