package dev.kanal.testing;

import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import java.net.URI;
import java.util.Collection;
import java.util.List;

/** Short ways for tests to write resolution outcomes: a found source, hosters gone or flaky with a given reason. */
public final class Resolutions {
    private static final URI NOWHERE = URI.create("https://hoster.example/embed");

    private Resolutions() {}

    /** {@code hoster} served {@code source} after {@code attempts}. */
    public static Resolution.Resolved found(StreamSource source, String hoster, List<Attempt> attempts) {
        return new Resolution.Resolved(source, new HosterLink(hoster, Language.GERMAN_DUB, source.url()), attempts,
                List.of());
    }

    /** No hoster worked after {@code attempts}. */
    public static Resolution.Failed failed(List<Attempt> attempts) {
        return new Resolution.Failed(attempts, List.of());
    }

    /** No hoster worked; the episode page offered {@code offered}. */
    public static Resolution.Failed failed(List<Attempt> attempts, Collection<Language> offered) {
        return new Resolution.Failed(attempts,
                offered.stream().map(l -> new HosterLink("VOE", l, NOWHERE)).toList());
    }

    /** The attempt that worked. */
    public static Attempt worked(String hoster) {
        return Attempt.worked(hoster, Language.GERMAN_DUB, NOWHERE);
    }

    /** A hoster that failed for good, with {@code why} as its reason. */
    public static Attempt gone(String hoster, String why) {
        return new Attempt(hoster, Language.GERMAN_DUB, null, new ProviderFailure.HosterGone(null, why), why);
    }

    /** A hoster that failed for a reason that may pass, with {@code why} as its reason. */
    public static Attempt flaky(String hoster, String why) {
        return new Attempt(hoster, Language.GERMAN_DUB, null, new ProviderFailure.Unreachable(null, why), why);
    }
}
