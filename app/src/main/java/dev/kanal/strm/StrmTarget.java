package dev.kanal.strm;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a {@code .strm} URL names: one episode in one language, never a hoster, so the URL stays
 * valid while hosters come and go. Its {@link #id()} is the opaque path segment of stream URLs.
 */
public record StrmTarget(EpisodeAddress episode, Language language) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The path-safe id: base64url of {@code site|season|episode|LANGUAGE|slug}. */
    public String id() {
        String plain = episode.site().id() + "|" + episode.season() + "|" + episode.episode() + "|"
                + language.name() + "|" + episode.slug();
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses an {@link #id()}; empty for anything that is not one. */
    public static Optional<StrmTarget> fromId(String id) {
        try {
            String plain = new String(DECODER.decode(id), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 5);
            if (parts.length != 5 || parts[4].isEmpty()) return Optional.empty();
            Optional<SiteId> site = SiteId.fromId(parts[0]);
            if (site.isEmpty()) return Optional.empty();
            Language language = Language.valueOf(parts[3]);
            var address = new EpisodeAddress(site.get(), parts[4], Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]));
            return Optional.of(new StrmTarget(address, language));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The episode after this one in the same season; empty for movies. */
    public Optional<StrmTarget> next() {
        if (episode.isMovie()) return Optional.empty();
        var address = new EpisodeAddress(episode.site(), episode.slug(), episode.season(), episode.episode() + 1);
        return Optional.of(new StrmTarget(address, language));
    }

    /** For logs: {@code aniworld/slug S01E02 German Dub}. */
    public String describe() {
        return String.format("%s/%s S%02dE%02d %s", episode.site().id(), episode.slug(), episode.season(),
                episode.episode(), language.label());
    }
}
