package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.catalog.CatalogAwait;
import dev.kanal.catalog.FakeSite;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code KANAL_STRM_MODE=both}: every release also comes as a visibly distinct {@code [STRM]} twin. */
class TorznabStrmTest {
    @TempDir
    static Path dir;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(FakeSite.series(SiteId.STO, "breaking-bad", "Breaking Bad", List.of(), 2008, ExternalIds.NONE,
                Set.of(Language.GERMAN_DUB), 3));
        kanal = TestKanal.start(dir, Map.of("KANAL_SKYHOOK_URL", "http://127.0.0.1:9", "KANAL_STRM_MODE", "both"),
                new Providers(List.of(sto), new HosterRegistry(List.of())));
        CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    static Feed feed(String query) {
        return Feed.parse(kanal.get("/torznab/api?apikey=" + TestKanal.API_KEY + "&" + query).body());
    }

    @Test
    void each_release_comes_with_a_strm_twin_whose_magnet_asks_for_a_strm_file() {
        Feed f = feed("t=tvsearch&q=Breaking%20Bad&season=1&ep=2");
        assertThat(f.titles()).containsExactly("Breaking.Bad.S01E02.WEB-DL.German-KANAL",
                "Breaking.Bad.S01E02.WEB-DL.German-KANAL [STRM]");
        MagnetCodec codec = new MagnetCodec();
        KanalMagnet download = codec.parse(f.items().get(0).attr("magneturl"));
        KanalMagnet strm = codec.parse(f.items().get(1).attr("magneturl"));
        assertThat(download.mode()).isEqualTo(KanalMagnet.Mode.DOWNLOAD);
        assertThat(strm.mode()).isEqualTo(KanalMagnet.Mode.STRM);
        assertThat(strm.infoHash()).isNotEqualTo(download.infoHash());
        assertThat(f.items().get(1).guid()).isNotEqualTo(f.items().get(0).guid());
        assertThat(f.items().get(1).attr("size")).isEqualTo(f.items().get(0).attr("size"));
    }

    @Test
    void paging_counts_items_not_releases() {
        for (String base : List.of("t=search&q=Breaking%20Bad", "t=search")) {
            List<String> guids = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int offset = 0; offset < 8; offset += 3) {
                Feed f = feed(base + "&offset=" + offset + "&limit=3");
                sizes.add(f.items().size());
                f.items().forEach(i -> guids.add(i.guid()));
            }
            assertThat(sizes).as(base).containsExactly(3, 3, 0);
            assertThat(new HashSet<>(guids)).hasSize(6);
            assertThat(guids).containsExactlyElementsOf(feed(base + "&limit=100").items().stream()
                    .map(Feed.Item::guid).toList());
        }
    }
}
