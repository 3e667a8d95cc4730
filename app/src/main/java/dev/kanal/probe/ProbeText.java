package dev.kanal.probe;

import java.util.List;

/** Renders a {@link ProbeReport} as text a person reads in a terminal. */
public final class ProbeText {
    private ProbeText() {}

    public static String render(ProbeReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.site()).append(' ').append(r.slug()).append('\n');
        if (r.route() != null) sb.append("  route:  ").append(r.route()).append('\n');
        if (r.title() == null) {
            sb.append("  state:  ").append(state(r)).append('\n');
            if (r.hint() != null) sb.append("  what to do: ").append(r.hint()).append('\n');
            return sb.append("  error: ").append(r.error()).append('\n').toString();
        }
        sb.append("  title:  ").append(r.title()).append(r.year() == null ? "" : " (" + r.year() + ")").append('\n');
        sb.append("  kind:   ").append(r.kind()).append('\n');
        if (r.altTitles() != null && !r.altTitles().isEmpty()) {
            sb.append("  also:   ").append(String.join(" | ", r.altTitles())).append('\n');
        }
        if (r.imdb() != null) sb.append("  imdb:   ").append(r.imdb()).append('\n');
        for (ProbeReport.Season s : r.seasons()) {
            sb.append("  season ").append(s.number()).append(s.number() == 0 ? " (films/specials)" : "")
                    .append(": ").append(s.episodes().size()).append(" episodes\n");
            for (ProbeReport.Episode e : s.episodes()) {
                sb.append(String.format("    E%02d  %-40s  %s%n", e.number(), title(e), String.join(", ", e.languages())));
            }
        }
        if (r.target() != null) {
            sb.append(r.target().movie() ? "  movie hosters:\n"
                    : String.format("  hosters of S%02dE%02d:%n", r.target().season(), r.target().episode()));
            List<ProbeReport.Link> links = r.links() == null ? List.of() : r.links();
            if (links.isEmpty() && r.error() == null) sb.append("    (none)\n");
            for (ProbeReport.Link l : links) {
                sb.append("    ").append(l.label()).append(" [").append(l.language()).append("] ").append(l.linkOut())
                        .append('\n');
                if (l.embed() != null) sb.append("      embed:  ").append(l.embed()).append('\n');
                if (l.media() != null) {
                    sb.append("      media:  ").append(l.media()).append(" (").append(l.format()).append(", via ")
                            .append(l.hoster()).append(")\n");
                }
                if (l.subtitles() != null) sb.append("      subtitles: ").append(String.join(", ", l.subtitles())).append('\n');
                if (l.failure() != null) {
                    boolean named = l.condition() != null && List.of("unreachable", "blocked", "markup_changed")
                            .contains(l.condition());
                    sb.append("      failed").append(named ? " (" + l.condition().replace('_', ' ') + ")" : "")
                            .append(": ").append(l.failure()).append('\n');
                }
            }
        }
        if (r.work() != null) {
            ProbeReport.Work w = r.work();
            if (w.error() != null) {
                sb.append("  work:   ").append(w.error()).append('\n');
            } else {
                sb.append(String.format(java.util.Locale.ROOT, "  work:   TVDB %d%s via %s, confidence %.2f%s%n", w.tvdb(),
                        w.season() == null ? "" : " season " + w.season(), w.method(), w.confidence(),
                        w.used() ? "" : " (unsure: searches would not use it)"));
                sb.append("          ").append(w.evidence()).append('\n');
            }
        }
        if (r.error() != null) {
            sb.append("  state:  ").append(state(r)).append('\n');
            if (r.hint() != null) sb.append("  what to do: ").append(r.hint()).append('\n');
            sb.append("  error: ").append(r.error()).append('\n');
        }
        return sb.toString();
    }

    /** {@code unreachable — DNS lookup failed for …}, {@code blocked — Cloudflare challenge}, {@code healthy}. */
    private static String state(ProbeReport r) {
        String state = r.condition() == null ? "failing" : r.condition().replace('_', ' ');
        return r.cause() == null ? state : state + " — " + r.cause();
    }

    private static String title(ProbeReport.Episode e) {
        String t = e.titleDe() != null && !e.titleDe().isBlank() ? e.titleDe() : e.titleEn();
        t = t == null ? "" : t;
        return t.length() > 40 ? t.substring(0, 39) + "…" : t;
    }
}
