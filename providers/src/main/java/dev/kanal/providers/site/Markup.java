package dev.kanal.providers.site;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The few rules every page parser shares: a required element is there or the parse fails with
 * {@link ProviderFailure.MarkupChanged} naming what was expected; optional text is trimmed,
 * whitespace-collapsed and empty-as-absent.
 */
public final class Markup {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern YEAR = Pattern.compile("(?<year>(?:19|20)\\d{2})");

    private Markup() {}

    /** The first match of {@code selector}, or a MarkupChanged failure naming {@code concept}. */
    public static Element required(Element root, String selector, URI url, String concept) {
        Element e = root.selectFirst(selector);
        if (e == null) throw changed(url, concept, selector);
        return e;
    }

    /** A MarkupChanged failure, ready to throw. */
    public static ProviderException changed(URI url, String concept, String selector) {
        return new ProviderException(new ProviderFailure.MarkupChanged(url, concept, selector));
    }

    /** Collapsed, trimmed text of the first match, or empty when missing or blank. */
    public static Optional<String> text(Element root, String selector) {
        Element e = root.selectFirst(selector);
        return e == null ? Optional.empty() : clean(e.text());
    }

    /** An attribute of the first match, trimmed, or empty when missing or blank. */
    public static Optional<String> attr(Element root, String selector, String attribute) {
        Element e = root.selectFirst(selector);
        return e == null ? Optional.empty() : clean(e.attr(attribute));
    }

    /** Collapses whitespace (including non-breaking spaces) and trims; empty when nothing is left. */
    public static Optional<String> clean(String s) {
        if (s == null) return Optional.empty();
        String c = SPACES.matcher(s).replaceAll(" ").trim();
        return c.isEmpty() ? Optional.empty() : Optional.of(c);
    }

    /** The first plausible four-digit year (1900–2099) in {@code s}. */
    public static Optional<Integer> year(String s) {
        if (s == null) return Optional.empty();
        Matcher m = YEAR.matcher(s);
        return m.find() ? Optional.of(Integer.parseInt(m.group("year"))) : Optional.empty();
    }

    /**
     * A comma-separated list of alternative titles as the sites put them in an attribute: each
     * cleaned, blanks and the main title itself dropped, duplicates passed on once, order kept.
     */
    public static List<String> alternatives(String raw, String title) {
        return alternatives(raw, title, UnaryOperator.identity());
    }

    /** {@link #alternatives(String, String)} with a site's own clean-up applied to each part first. */
    public static List<String> alternatives(String raw, String title, UnaryOperator<String> eachPart) {
        if (raw == null || raw.isBlank()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            clean(eachPart.apply(part)).filter(p -> !p.equalsIgnoreCase(title)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
