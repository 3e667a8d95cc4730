package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** Adds a Kanal magnet through the qBittorrent API, as Sonarr does when it grabs a release. */
final class Grab {
    private Grab() {}

    static void episode(TestKanal kanal, String release, int episode) {
        String magnet = new MagnetCodec().format(new MagnetCodec().create(release,
                new EpisodeAddress(SiteId.ANIWORLD, "frieren", 1, episode), Language.GERMAN_DUB,
                KanalMagnet.Mode.DOWNLOAD));
        var login = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + TestKanal.QBIT_PASSWORD))
                .build());
        String sid = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var add = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/torrents/add"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", sid)
                .POST(HttpRequest.BodyPublishers.ofString("category=tv-sonarr&urls="
                        + URLEncoder.encode(magnet, StandardCharsets.UTF_8))).build());
        assertThat(add.statusCode()).isEqualTo(200);
    }
}
