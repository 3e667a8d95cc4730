package dev.kanal.providers.resolve;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of resolving one episode in one language: a playable source, or the list of
 * everything that was tried. Failure is a normal outcome here (hosters vanish all the time), so it
 * is a value rather than an exception. The one outcome type from the resolver up through the app's
 * sources, download jobs and STRM proxy.
 */
public sealed interface Resolution {
    /** Every link tried, in order; for {@link Resolved} the last one is the one that worked. */
    List<Attempt> attempts();

    /**
     * Every link the episode page offered, in every language and in site order (empty when the
     * page could not be read): what the catalog records as the episode's hosters per language.
     */
    List<HosterLink> offered();

    /** The languages the episode page offered (empty when unknown or the page could not be read). */
    default Set<Language> offeredLanguages() {
        return offered().stream().map(HosterLink::language).collect(Collectors.toSet());
    }

    /**
     * A hoster produced a media URL.
     *
     * @param source the media URL with the headers it needs
     * @param link the site's link that led to it
     * @param attempts the failed attempts before it, then the successful one
     * @param offered every link the episode page offered
     * @param servedBy the episode that served it when another site than the grabbed one did; null: the
     *     grabbed episode
     */
    record Resolved(StreamSource source, HosterLink link, List<Attempt> attempts, List<HosterLink> offered,
            EpisodeAddress servedBy) implements Resolution {
        public Resolved {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(link, "link");
            attempts = List.copyOf(attempts);
            offered = List.copyOf(offered);
        }

        /** Served by the grabbed episode itself. */
        public Resolved(StreamSource source, HosterLink link, List<Attempt> attempts, List<HosterLink> offered) {
            this(source, link, attempts, offered, null);
        }

        /**
         * The hoster as jobs and the proxy name it: the site's label, or {@code <site>:<hoster>} (e.g.
         * {@code sto:VOE}) when another site than the grabbed one served it.
         */
        public String hoster() {
            return servedBy == null ? link.hoster() : servedBy.site().id() + ":" + link.hoster();
        }

        /** The same source, served by {@code other} (another site than the grabbed one), after {@code attempts}. */
        public Resolved servedBy(EpisodeAddress other, List<Attempt> attempts) {
            return new Resolved(source, link, attempts, offered, other);
        }

        /** The same source after {@code attempts}. */
        public Resolved withAttempts(List<Attempt> attempts) {
            return new Resolved(source, link, attempts, offered, servedBy);
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
         * The same for users and job errors, each hoster with its {@link Attempt#reason()}, e.g.
         * {@code VOE: video gone: deleted (voe.sx); Filemoon: s.to answered a link gate (needs a browser)}.
         */
        public String summary() {
            if (attempts.isEmpty()) return "no hoster offers this episode in this language";
            return attempts.stream().map(a -> a.hoster() + ": " + a.reason()).collect(Collectors.joining("; "));
        }

        /**
         * True when some attempt failed for a reason that may pass (network, 5xx, maintenance), so
         * resolving again later is worthwhile; false when every link is gone, blocked or broken.
         */
        public boolean worthRetrying() {
            return attempts.stream().anyMatch(Attempt::transientFailure);
        }

        /** True when every failure may go away by itself (network, 429, 5xx). */
        public boolean onlyTransient() {
            return !attempts.isEmpty() && attempts.stream().allMatch(Attempt::transientFailure);
        }

        /** True when at least one attempt met an anti-bot challenge. */
        public boolean blocked() {
            return attempts.stream().anyMatch(a -> a.failure() instanceof ProviderFailure.Blocked);
        }
    }
}
