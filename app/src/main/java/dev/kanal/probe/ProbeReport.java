package dev.kanal.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What Kanal sees of one title on one site, for a user whose site just changed: the fields, every
 * season and episode with its languages, and for one episode (or a movie) every hoster link and,
 * when asked, what each resolves to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeReport(String site, String slug, String title, List<String> altTitles, Integer year,
        String kind, String imdb, List<Season> seasons, Target target, List<Link> links, String error,
        String condition, String cause, String hint, String route, Work work) {

    /**
     * Without the condition fields: they are derived from {@code error} (healthy when there is none).
     */
    public ProbeReport(String site, String slug, String title, List<String> altTitles, Integer year, String kind,
            String imdb, List<Season> seasons, Target target, List<Link> links, String error) {
        this(site, slug, title, altTitles, year, kind, imdb, seasons, target, links, error, null, null, null, null,
                null);
    }

    public ProbeReport {
        if (condition == null) {
            var c = dev.kanal.health.UpstreamCondition.ofError(error);
            condition = c.state();
            cause = c.cause();
            hint = c.hint().isEmpty() ? null : c.hint();
        }
    }

    /** The same report with how the site's requests left the machine ({@code direct}, {@code via socks5://…}). */
    public ProbeReport withRoute(String how) {
        return new ProbeReport(site, slug, title, altTitles, year, kind, imdb, seasons, target, links, error, condition,
                cause, hint, how, work);
    }

    /** The same report with the work tie stage 3 would make ({@code --work}). */
    public ProbeReport withWork(Work work) {
        return new ProbeReport(site, slug, title, altTitles, year, kind, imdb, seasons, target, links, error, condition,
                cause, hint, route, work);
    }

    /**
     * The TVDB work the title would be tied to: how, how sure, and whether searches would use it.
     *
     * @param season the TVDB season the title's first site season is, or null for the same numbering
     * @param error why no tie could be looked up (SkyHook unreachable), else null
     */
    public record Work(Integer tvdb, Integer season, String method, Double confidence, Boolean used, String evidence,
            String error) {}

    /** A season and its episodes in the site's numbering. */
    public record Season(int number, List<Episode> episodes) {}

    /** One episode with its titles and languages. */
    public record Episode(int number, String titleDe, String titleEn, List<String> languages) {}

    /** The episode (or movie) whose hoster links were listed. */
    public record Target(int season, int episode, boolean movie) {}

    /**
     * One hoster link; {@code embed}, {@code hoster}, {@code media} and {@code failure} are filled
     * only when resolving.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String language, String linkOut, String embed, String hoster, String media,
            String format, String failure, String condition, List<String> subtitles) {

        /** Without condition and subtitles: the condition is derived from {@code failure}. */
        public Link(String label, String language, String linkOut, String embed, String hoster, String media,
                String format, String failure) {
            this(label, language, linkOut, embed, hoster, media, format, failure,
                    failure == null ? null : dev.kanal.health.UpstreamCondition.ofError(failure).state(), null);
        }
    }
}
