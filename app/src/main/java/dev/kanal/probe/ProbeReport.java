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
        String kind, String imdb, List<Season> seasons, Target target, List<Link> links, String error, Work work) {

    public ProbeReport(String site, String slug, String title, List<String> altTitles, Integer year, String kind,
            String imdb, List<Season> seasons, Target target, List<Link> links, String error) {
        this(site, slug, title, altTitles, year, kind, imdb, seasons, target, links, error, null);
    }

    /** The same report with the work tie stage 3 would make ({@code --work}). */
    public ProbeReport withWork(Work work) {
        return new ProbeReport(site, slug, title, altTitles, year, kind, imdb, seasons, target, links, error, work);
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
            String format, String failure) {}
}
