package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import dev.kanal.Redact;
import dev.kanal.download.DownloadPaths;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobScheduler;
import dev.kanal.jobs.JobState;
import dev.kanal.jobs.JobStore;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The qBittorrent torrent model on top of Kanal's jobs: adding magnets (each one job), listing with
 * qBittorrent's filter/category/tag/sort semantics, and the mutations Sonarr and third-party tools
 * call. Categories decide the save path (default {@code <download dir>/<category>}) and, when listed
 * in {@code KANAL_STRM_CATEGORIES}, that grabs become {@code .strm} files.
 */
public final class QbTorrents {
    private static final Logger log = LoggerFactory.getLogger(QbTorrents.class);

    private final JobScheduler scheduler;
    private final JobStore store;
    private final CategoryStore categories;
    private final QbTorrentView view;
    private final DownloadPaths paths;
    private final MagnetCodec magnets;
    private final Set<String> strmCategories;

    public QbTorrents(JobScheduler scheduler, JobStore store, CategoryStore categories, DownloadPaths paths,
            MagnetCodec magnets, Collection<String> strmCategories) {
        this.scheduler = scheduler;
        this.store = store;
        this.categories = categories;
        this.view = new QbTorrentView(paths);
        this.paths = paths;
        this.magnets = magnets;
        this.strmCategories = Set.copyOf(strmCategories);
    }

    QbTorrentView view() {
        return view;
    }

    /** Adds every usable magnet; returns how many were added (0 means qBittorrent's {@code Fails.}). */
    int add(AddForm form) {
        if (form.fileParts() > 0) log.info("torrents/add refused .torrent files count={}", form.fileParts());
        String category = form.category().orElse("");
        if (!category.isEmpty()) {
            if (!CategoryNames.valid(category)) {
                log.info("torrents/add refused: invalid category");
                return 0;
            }
            categories.create(category, "");
        }
        categories.createTags(form.tags());
        Path savePath = form.savePath().flatMap(paths::resolveUserPath).orElseGet(() -> categoryPath(category));
        int added = 0;
        for (String url : form.urls()) {
            KanalMagnet m;
            try {
                m = magnets.parse(url);
            } catch (MagnetCodec.InvalidMagnet e) {
                log.info("torrents/add refused magnet={} reason=\"{}\"", Redact.magnet(url), e.getMessage());
                continue;
            }
            if (form.rename().isPresent()) {
                m = new KanalMagnet(m.infoHash(), form.rename().get(), m.episode(), m.language(), m.mode());
            }
            if (strmCategories.contains(category) && m.mode() != KanalMagnet.Mode.STRM) {
                m = new KanalMagnet(m.infoHash(), m.displayName(), m.episode(), m.language(), KanalMagnet.Mode.STRM);
            }
            var job = scheduler.add(new JobStore.NewJob(m, url, category, form.tags(), savePath, form.stopped()));
            if (job.isPresent()) {
                added++;
                log.info("torrent added hash={} job={} mode={} category={}", m.infoHash(), job.get().id(), m.mode(),
                        category);
            } else {
                log.info("torrents/add duplicate hash={} (this hash, or a live job for the same episode, language"
                        + " and mode, is already there)", m.infoHash());
            }
        }
        return added;
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

    Job find(String hash) {
        String h = hash == null ? "" : hash.strip().toLowerCase(java.util.Locale.ROOT);
        return store.byHash(h).orElseThrow(() -> new KanalException.NotFound("Not Found"));
    }

    List<String> select(QbParams.HashSelector s) {
        if (s.all()) return store.all().stream().map(Job::hash).toList();
        return s.hashes();
    }

    void delete(QbParams.HashSelector s, boolean deleteFiles) {
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) scheduler.delete(hashes, deleteFiles);
    }

    void stop(QbParams.HashSelector s) {
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) scheduler.stop(hashes);
    }

    void start(QbParams.HashSelector s) {
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) scheduler.resume(hashes);
    }

    void setCategory(QbParams.HashSelector s, String category) {
        if (!category.isEmpty() && !categories.categories().containsKey(category)) {
            throw new KanalException.Conflict("Incorrect category name");
        }
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) store.setCategory(hashes, category);
    }

    void changeTags(QbParams.HashSelector s, List<String> tags, boolean add) {
        if (add) categories.createTags(tags);
        for (Job j : store.byHashes(select(s))) {
            TreeSet<String> now = new TreeSet<>(j.tags());
            if (add) now.addAll(tags);
            else now.removeAll(tags);
            store.setTags(j.hash(), now);
        }
    }

    void deleteTags(List<String> tags) {
        categories.deleteTags(tags);
        for (Job j : store.all()) {
            if (j.tags().stream().anyMatch(tags::contains)) {
                TreeSet<String> now = new TreeSet<>(j.tags());
                now.removeAll(tags);
                store.setTags(j.hash(), now);
            }
        }
    }

    /**
     * {@code torrents/categories}: {@code {name: {name, savePath}}}, paths as Sonarr sees them. No
     * {@code download_path}: WebAPI 2.11.4 leaves it out when unset ({@code null} only from 2.11.10).
     */
    Map<String, Map<String, Object>> categories() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        categories.categories().forEach((name, given) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("savePath", paths.toPublic(categoryPath(name)));
            out.put(name, c);
        });
        return out;
    }

    void createCategory(String name, String savePath) {
        if (name.isEmpty()) throw new KanalException.BadRequest("Category name cannot be empty");
        if (!CategoryNames.valid(name)) throw new KanalException.Conflict("Incorrect category name");
        checkSavePath(savePath);
        if (!categories.create(name, savePath)) throw new KanalException.Conflict("Unable to create category");
    }

    void editCategory(String name, String savePath) {
        if (name.isEmpty()) throw new KanalException.BadRequest("Category name cannot be empty");
        checkSavePath(savePath);
        if (!categories.edit(name, savePath)) throw new KanalException.Conflict("Unable to edit category");
    }

    void removeCategories(List<String> names) {
        categories.remove(names);
        store.clearCategory(names);
    }

    List<String> tags() {
        return categories.tags();
    }

    void createTags(List<String> tags) {
        categories.createTags(tags);
    }

    /** Where a category's downloads go: its own save path when set (inside the download directory), else the default. */
    Path categoryPath(String category) {
        if (category == null || category.isEmpty()) return paths.root();
        String given = categories.categories().getOrDefault(category, "");
        return paths.resolveUserPath(given).orElseGet(() -> paths.categoryDefault(category));
    }

    private void checkSavePath(String savePath) {
        if (!savePath.isBlank() && paths.resolveUserPath(savePath).isEmpty()) {
            throw new KanalException.Conflict("Save path must be inside Kanal's download directory "
                    + paths.toPublic(paths.root()));
        }
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
