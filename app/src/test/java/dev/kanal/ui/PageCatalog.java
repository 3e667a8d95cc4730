package dev.kanal.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.catalog.FakeSite;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import java.util.List;
import java.util.Set;

/**
 * The small catalog the page's search runs on: "Frieren: Beyond Journey's End" on AniWorld (German
 * dub and sub, three episodes) with its romaji name, "Breaking Bad" on s.to and a Megakino film;
 * SkyHook emulated on 127.0.0.1 (it knows none of them, so site numbering stands).
 */
final class PageCatalog implements AutoCloseable {
    final FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
    final FakeSite sto = new FakeSite(SiteId.STO);
    final FakeSite megakino = new FakeSite(SiteId.MEGAKINO);
    private final WireMockServer skyhook = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    PageCatalog() {
        aniworld.put(FakeSite.series(SiteId.ANIWORLD, "frieren", "Frieren: Beyond Journey's End",
                List.of("Sousou no Frieren"), 2023, ExternalIds.NONE, Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB),
                3));
        sto.put(FakeSite.series(SiteId.STO, "breaking-bad", "Breaking Bad", List.of(), 2008, ExternalIds.NONE,
                Set.of(Language.GERMAN_DUB), 2, 2));
        megakino.put(FakeSite.movie(SiteId.MEGAKINO, "77-inception", "Inception", 2010, ExternalIds.NONE));
    }

    Providers providers() {
        return new Providers(List.of(aniworld, sto, megakino), new HosterRegistry(List.of()));
    }

    /** Starts the SkyHook emulation; returns its base URL. */
    String skyHook() {
        skyhook.start();
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/shows/.*")).willReturn(aResponse().withStatus(404)));
        return "http://127.0.0.1:" + skyhook.port();
    }

    @Override
    public void close() {
        skyhook.stop();
    }
}
