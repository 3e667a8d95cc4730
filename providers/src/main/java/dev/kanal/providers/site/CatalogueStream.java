package dev.kanal.providers.site;

import dev.kanal.providers.TitleRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Streams a catalogue page that lists titles as links inside list items ({@code ul > li > a}, as
 * AniWorld's {@code /animes-alphabet} and s.to's {@code /serien} do): each link is handed to the
 * caller as its element closes and each finished list item is dropped, so a 20,000-entry page never
 * sits in memory whole. Duplicate slugs are passed on once.
 */
public final class CatalogueStream {
    private CatalogueStream() {}

    /**
     * @param entry turns one {@code <a>} into a title, or empty for links that are not entries
     * @param selector the entry selector, named in the error when the page yields no entry at all
     * @return how many titles were passed to {@code sink}
     */
    public static int read(InputStream body, URI url, Function<Element, Optional<TitleRef>> entry,
            Consumer<TitleRef> sink, String selector) throws IOException {
        Set<String> seen = new HashSet<>();
        int emitted = 0;
        try (StreamParser parser = new StreamParser(Parser.htmlParser())) {
            parser.parse(new InputStreamReader(body, StandardCharsets.UTF_8), url.toString());
            for (Element el : (Iterable<Element>) parser::iterator) {
                if (el.nameIs("a")) {
                    Optional<TitleRef> ref = entry.apply(el);
                    if (ref.isPresent() && seen.add(ref.get().slug())) {
                        sink.accept(ref.get());
                        emitted++;
                    }
                } else if (el.nameIs("li")) {
                    // the entry was emitted: drop it and the whitespace before it
                    Element list = el.parent();
                    if (list != null) list.empty();
                } else if (el.nameIs("ul")) {
                    el.remove();
                }
            }
        }
        if (emitted == 0) throw Markup.changed(url, "catalogue entries", selector);
        return emitted;
    }
}
