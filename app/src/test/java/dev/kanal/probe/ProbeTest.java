package dev.kanal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Json;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.testing.FakeSites;
import dev.kanal.providers.testing.hoster.FakeHosters;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against the fake sites and real hoster extractors, all on 127.0.0.1. */
class ProbeTest {
    static FakeSites sites;
    static Probe probe;

    @BeforeAll
    static void start() {
        sites = FakeSites.start();
        probe = new Probe(Providers.create(sites.settings()));
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    @Test
    void with_work_it_shows_the_tie_the_catalog_would_make() {
        var skyhook = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        skyhook.start();
        try {
            skyhook.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/tvdb/search/en/?"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                            "[{\"tvdbId\":4242,\"title\":\"The Kanal Chronicles\",\"firstAired\":\"2020-04-01\"}]")));
            skyhook.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/tvdb/shows/en/4242"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"tvdbId\":4242,"
                            + "\"title\":\"The Kanal Chronicles\",\"firstAired\":\"2020-04-01\",\"episodes\":[]}")));
            var withWork = new Probe(Providers.create(sites.settings()), Probe.workFrom(new dev.kanal.catalog.WorkProbe(
                    new dev.kanal.catalog.SkyHookClient(URI.create("http://127.0.0.1:" + skyhook.port()), Json.mapper()))));
            var report = withWork.run(new Probe.Request(SiteId.ANIWORLD, "kanal-chronicles", null, null, false));
            assertThat(report.work().tvdb()).isEqualTo(4242);
            assertThat(report.work().method()).isEqualTo("skyhook-name");
            assertThat(report.work().used()).isTrue();
            assertThat(ProbeText.render(report)).contains("work:   TVDB 4242 via skyhook-name, confidence");
            int port = skyhook.port();
            skyhook.stop();
            var down = new Probe(Providers.create(sites.settings()), Probe.workFrom(new dev.kanal.catalog.WorkProbe(
                    new dev.kanal.catalog.SkyHookClient(URI.create("http://127.0.0.1:" + port), Json.mapper()))))
                    .run(new Probe.Request(SiteId.ANIWORLD, "kanal-chronicles", null, null, false));
            assertThat(down.work().error()).contains("SkyHook unreachable");
        } finally {
            if (skyhook.isRunning()) skyhook.stop();
        }
    }

    @Test
    void a_title_lists_its_seasons_episodes_and_languages() {
        var report = probe.run(new Probe.Request(SiteId.ANIWORLD, "kanal-chronicles", null, null, false));
        assertThat(report.title()).isEqualTo("Kanal Chronicles");
        assertThat(report.seasons()).extracting(ProbeReport.Season::number).containsExactly(0, 1, 2);
        assertThat(report.seasons().get(1).episodes().getFirst().languages())
                .contains("German Dub", "German Sub");
        assertThat(report.links()).isNull();
        assertThat(ProbeText.render(report)).contains("season 0 (films/specials)").contains("E01  Der Anfang");
    }

    @Test
    void an_episode_lists_its_hosters_and_resolves_them() throws Exception {
        var aniworld = sites.aniworld();
        var listed = probe.run(new Probe.Request(SiteId.ANIWORLD, "kanal-chronicles", 1, 1, false));
        assertThat(listed.links()).extracting(ProbeReport.Link::label).contains("VOE", "Filemoon");

        URI media = URI.create(aniworld.baseUrl() + "/media/clip.mp4");
        FakeHosters hosters = FakeHosters.on(aniworld.server());
        for (var embed : aniworld.embeds()) {
            if (embed.hoster().equals("VOE")) hosters.serveVoeAt(embed.url(), media);
            else hosters.serveRemovedAt(embed.url());
        }
        var resolved = probe.run(new Probe.Request(SiteId.ANIWORLD, "kanal-chronicles", 1, 1, true));
        assertThat(resolved.links()).anySatisfy(l -> {
            assertThat(l.label()).isEqualTo("VOE");
            assertThat(l.media()).isEqualTo(media.toString());
            assertThat(l.format()).isEqualTo("MP4");
        });
        assertThat(resolved.links()).anySatisfy(l -> assertThat(l.failure()).contains("video gone"));
        String text = ProbeText.render(resolved);
        assertThat(text).contains("hosters of S01E01").contains("media:  " + media).contains("failed: video gone");
        assertThat(Json.mapper().writeValueAsString(resolved)).contains("\"media\":\"" + media + "\"");
    }

    @Test
    void a_movie_lists_its_hosters_without_numbers() {
        var report = probe.run(new Probe.Request(SiteId.MEGAKINO, "5920-example-movie", null, null, false));
        assertThat(report.kind()).isEqualTo("movie");
        assertThat(report.target().movie()).isTrue();
        assertThat(report.links()).isNotEmpty();
    }

    @Test
    void a_missing_title_is_reported_not_thrown() {
        var report = probe.run(new Probe.Request(SiteId.STO, "no-such-show", null, null, false));
        assertThat(report.title()).isNull();
        assertThat(report.error()).contains("not found");
    }
}
