package dev.kanal.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four audio/subtitle combinations the sites offer. Each site's own keys and labels map onto
 * these; the labels are a contract (magnets carry them as {@code kanal_lang}).
 */
public enum Language {
    GERMAN_DUB("German Dub"),
    GERMAN_SUB("German Sub"),
    ENGLISH_SUB("English Sub"),
    ENGLISH_DUB("English Dub");

    private final String label;

    Language(String label) {
        this.label = label;
    }

    /** The human label, e.g. {@code German Dub}; used in magnets. */
    public String label() {
        return label;
    }

    /** Parses a label ("German Dub"), an enum name ("GERMAN_DUB") or a lenient variant ("german-dub"). */
    public static Optional<Language> fromLabel(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return Arrays.stream(values())
                .filter(l -> l.label.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
