package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobState;
import dev.kanal.jobs.JobStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torrents/info} with qBittorrent's filter/category/tag/sort/offset semantics, over a
 * rendering of the jobs that is reused until the store changes (Sonarr polls the same query every
 * few seconds, so the serialized answers are kept per query too).
 */
public final class QbTorrentList {
    private final JobStore store;
    private final QbTorrentView view;

    public QbTorrentList(JobStore store, QbTorrentView view) {
        this.store = store;
        this.view = view;
    }

    /** The rendered list for one snapshot of the store; reused until something changes. */
    private record Rendered(List<Job> jobs, List<Map<String, Object>> rows) {}

    private volatile Rendered rendered = new Rendered(List.of(), List.of());

    private Rendered rendered() {
        List<Job> all = store.all();
        Rendered r = rendered;
        if (r.jobs() == all) return r;
        Map<Long, Integer> queue = queuePositions(all);
        // a job object that did not change (same instance, same queue position) keeps its rendering
        Map<Job, Map<String, Object>> previous = new java.util.IdentityHashMap<>();
        for (int i = 0; i < r.jobs().size(); i++) previous.put(r.jobs().get(i), r.rows().get(i));
        List<Map<String, Object>> rows = new ArrayList<>(all.size());
        for (Job j : all) {
            int priority = queue.getOrDefault(j.id(), 0);
            Map<String, Object> old = previous.get(j);
            rows.add(old != null && ((Number) old.get("priority")).intValue() == priority ? old
                    : java.util.Collections.unmodifiableMap(view.info(j, priority)));
        }
        r = new Rendered(all, List.copyOf(rows));
        rendered = r;
        return r;
    }

    /** Serialized {@code torrents/info} answers for one rendering; Sonarr repeats the same query every poll. */
    private record Bodies(Rendered source, Map<InfoQuery, byte[]> byQuery) {}

    private volatile Bodies bodies = new Bodies(null, Map.of());

    /** {@link #info} as JSON bytes, reused while nothing changed. */
    byte[] infoJson(InfoQuery q, com.fasterxml.jackson.databind.ObjectMapper json) {
        Rendered r = rendered();
        Bodies b = bodies;
        if (b.source() != r) {
            b = new Bodies(r, new java.util.concurrent.ConcurrentHashMap<>());
            bodies = b;
        }
        byte[] body = b.byQuery().get(q);
        if (body != null) return body;
        try {
            body = json.writeValueAsBytes(info(q, r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (b.byQuery().size() < 32) b.byQuery().put(q, body);
        return body;
    }

    List<Map<String, Object>> info(InfoQuery q) {
        return info(q, rendered());
    }

    private List<Map<String, Object>> info(InfoQuery q, Rendered all) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < all.jobs().size(); i++) {
            Job j = all.jobs().get(i);
            if (q.hashes().isPresent() && !q.hashes().get().contains(j.hash())) continue;
            if (q.category().isPresent() && !categoryMatches(j.category(), q.category().get())) continue;
            if (q.tag().isPresent() && !(q.tag().get().isEmpty() ? j.tags().isEmpty() : j.tags().contains(q.tag().get()))) {
                continue;
            }
            if (!filterMatches(q.filter(), j)) continue;
            if (q.privateOnly().orElse(false)) continue; // no Kanal torrent is private
            Map<String, Object> row = all.rows().get(i);
            if (q.includeTrackers()) {
                row = new LinkedHashMap<>(row);
                row.put("trackers", List.of());
            }
            rows.add(row);
        }
        if (q.sort().isPresent()) {
            String key = q.sort().get();
            if (!rows.isEmpty() && !rows.get(0).containsKey(key)) throw new KanalException.BadRequest("Bad parameter: sort");
            Comparator<Map<String, Object>> c = Comparator.comparing(r -> (Comparable) comparable(r.get(key)));
            rows.sort(q.reverse() ? c.reversed() : c);
        }
        // as qBittorrent 5.1.4's infoAction: a negative offset counts from the end; one outside the list is 0
        int from = q.offset() < 0 ? rows.size() + q.offset() : q.offset();
        if (from >= rows.size() || from < 0) from = 0;
        int to = q.limit() > 0 ? Math.min(rows.size(), from + q.limit()) : rows.size();
        return rows.subList(from, to);
    }

    private static boolean categoryMatches(String category, String wanted) {
        if (wanted.isEmpty()) return category.isEmpty();
        return category.equals(wanted) || category.startsWith(wanted + "/");
    }

    private static boolean filterMatches(String filter, Job j) {
        String state = QbTorrentView.state(j);
        boolean done = j.state() == JobState.COMPLETED;
        boolean stopped = state.startsWith("stopped");
        boolean active = state.equals("downloading") && j.speed() > 0;
        return switch (filter) {
            case "downloading" -> !done && !state.equals("error");
            case "seeding" -> false;
            case "completed" -> done;
            case "stopped", "paused" -> stopped;
            case "running", "resumed" -> !stopped;
            case "active" -> active;
            case "inactive" -> !active;
            case "stalled", "stalled_uploading", "stalled_downloading", "checking", "moving" -> false;
            case "errored" -> state.equals("error");
            default -> true;
        };
    }

    private static Map<Long, Integer> queuePositions(List<Job> all) {
        Map<Long, Integer> out = new HashMap<>();
        int pos = 1;
        for (Job j : all) if (!j.state().finished()) out.put(j.id(), pos++);
        return out;
    }

    private static Object comparable(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        return v == null ? "" : v.toString();
    }
}
