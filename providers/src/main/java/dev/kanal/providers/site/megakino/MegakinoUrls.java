package dev.kanal.providers.site.megakino;

import dev.kanal.providers.TitleKind;
import dev.kanal.providers.site.SiteAddress;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Megakino's (DataLife Engine) URL scheme on whichever domain is current. Titles are addressed as
 * {@code <id>-<slug>}, the tail of {@code /films/<id>-<slug>.html} or {@code /serials/…}.
 */
public final class MegakinoUrls {
    /** Film or serial page; other DLE categories (/crime/…) are not indexed. */
    private static final Pattern TITLE_PATH =
            Pattern.compile("/(?<cat>films|serials)/(?<slug>(?<id>\\d+)-[^./?#]+)\\.html");

    private final SiteAddress address;

    public MegakinoUrls(SiteAddress address) {
        this.address = address;
    }

    public SiteAddress address() {
        return address;
    }

    public URI sitemap() {
        return address.resolve("/sitemap.xml");
    }

    /** The older token endpoint, still answered by some mirrors. */
    public URI token() {
        return address.resolve("/index.php?yg=token");
    }

    /** The 2026 token endpoint: {@code HEAD /?yg=token} sets the anti-bot cookie. */
    public URI rootToken() {
        return address.resolve("/?yg=token");
    }

    public URI film(String slug) {
        return address.resolve("/films/" + slug + ".html");
    }

    public URI serial(String slug) {
        return address.resolve("/serials/" + slug + ".html");
    }

    public URI search() {
        return address.resolve("/index.php?do=search");
    }

    /** A title's address parsed from a page or sitemap URL. */
    record Parsed(TitleKind kind, String slug) {}

    static Optional<Parsed> parse(String url) {
        Matcher m = TITLE_PATH.matcher(url == null ? "" : url);
        if (!m.find()) return Optional.empty();
        TitleKind kind = m.group("cat").equals("films") ? TitleKind.MOVIE : TitleKind.SERIES;
        return Optional.of(new Parsed(kind, m.group("slug")));
    }
}
