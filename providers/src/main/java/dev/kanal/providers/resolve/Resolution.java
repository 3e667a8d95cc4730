package dev.kanal.providers.resolve;

import dev.kanal.providers.HosterLink;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of resolving one episode in one language: a playable source, or the list of
 * everything that was tried. Failure is a normal outcome here (hosters vanish all the time), so it
 * is a value rather than an exception.
 */
public sealed interface Resolution {
    /** Every link tried, in order; for {@link Resolved} the last one is the one that worked. */
    List<Attempt> attempts();

    /**
     * Every link the episode page offered, in every language and in site order (empty when the
     * page could not be read): what the catalog records as the episode's hosters per language.
     */
    List<HosterLink> offered();

    /**
     * A hoster produced a media URL.
     *
     * @param source the media URL with the headers it needs
     * @param link the site's link that led to it
     * @param attempts the failed attempts before it, then the successful one
     * @param offered every link the episode page offered
     */
    record Resolved(StreamSource source, HosterLink link, List<Attempt> attempts, List<HosterLink> offered)
            implements Resolution {
        public Resolved {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(link, "link");
            attempts = List.copyOf(attempts);
            offered = List.copyOf(offered);
        }
    }

    /** No link worked (or there was none to try). */
    record Failed(List<Attempt> attempts, List<HosterLink> offered) implements Resolution {
        public Failed {
            attempts = List.copyOf(attempts);
            offered = List.copyOf(offered);
        }

        /**
         * One line naming each hoster tried, as the site names it, and why it failed, e.g.
         * {@code no hoster worked: VOE: video gone: … (voe.sx); Doodstream: blocked by captcha (dood.li)}.
         */
        public String describe() {
            if (attempts.isEmpty()) return "no hoster link to try in this language";
            return "no hoster worked: " + attempts.stream().map(Attempt::describe).collect(Collectors.joining("; "));
        }

        /**
         * True when some attempt failed for a reason that may pass (network, 5xx, maintenance), so
         * resolving again later is worthwhile; false when every link is gone, blocked or broken.
         */
        public boolean worthRetrying() {
            return attempts.stream().map(Attempt::failure).anyMatch(f -> f != null && f.transientFailure());
        }

        /** True when at least one attempt met an anti-bot challenge. */
        public boolean blocked() {
            return attempts.stream().anyMatch(a -> a.failure() instanceof ProviderFailure.Blocked);
        }
    }
}
