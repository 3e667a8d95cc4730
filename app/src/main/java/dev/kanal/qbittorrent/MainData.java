package dev.kanal.qbittorrent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code sync/maindata} with real {@code rid} deltas: each answer's snapshot is kept under its rid
 * (the last few only); a request naming a kept rid gets only what changed since, anything else a
 * full update — exactly when qBittorrent sends one.
 */
public final class MainData {
    private static final int KEEP = 32;

    /** Everything maindata reports, keyed as in the response. */
    record Snapshot(Map<String, Map<String, Object>> torrents, Map<String, Map<String, Object>> categories,
            List<String> tags, Map<String, Object> serverState) {}

    private final Map<Integer, Snapshot> kept = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Snapshot> eldest) {
            return size() > KEEP;
        }
    };
    private int lastRid;

    synchronized Map<String, Object> answer(int rid, Snapshot now) {
        Snapshot before = rid > 0 ? kept.get(rid) : null;
        lastRid = lastRid >= 1_000_000 ? 1 : lastRid + 1;
        kept.put(lastRid, now);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rid", lastRid);
        if (before == null) {
            out.put("full_update", true);
            out.put("torrents", now.torrents());
            out.put("categories", now.categories());
            out.put("tags", now.tags());
            out.put("trackers", Map.of());
            out.put("server_state", now.serverState());
            return out;
        }
        Map<String, Object> torrents = new LinkedHashMap<>();
        now.torrents().forEach((hash, t) -> {
            Map<String, Object> old = before.torrents().get(hash);
            Map<String, Object> changed = old == null ? t : changed(old, t);
            if (!changed.isEmpty()) torrents.put(hash, changed);
        });
        List<String> removed = before.torrents().keySet().stream().filter(h -> !now.torrents().containsKey(h)).toList();
        Map<String, Object> cats = new LinkedHashMap<>();
        now.categories().forEach((name, c) -> {
            if (!c.equals(before.categories().get(name))) cats.put(name, c);
        });
        List<String> catsRemoved = before.categories().keySet().stream()
                .filter(c -> !now.categories().containsKey(c)).toList();
        List<String> tags = now.tags().stream().filter(t -> !before.tags().contains(t)).toList();
        List<String> tagsRemoved = before.tags().stream().filter(t -> !now.tags().contains(t)).toList();
        Map<String, Object> server = changed(before.serverState(), now.serverState());
        if (!torrents.isEmpty()) out.put("torrents", torrents);
        if (!removed.isEmpty()) out.put("torrents_removed", removed);
        if (!cats.isEmpty()) out.put("categories", cats);
        if (!catsRemoved.isEmpty()) out.put("categories_removed", catsRemoved);
        if (!tags.isEmpty()) out.put("tags", tags);
        if (!tagsRemoved.isEmpty()) out.put("tags_removed", tagsRemoved);
        if (!server.isEmpty()) out.put("server_state", server);
        return out;
    }

    private static Map<String, Object> changed(Map<String, Object> old, Map<String, Object> now) {
        Map<String, Object> out = new HashMap<>();
        now.forEach((k, v) -> {
            if (!Objects.equals(old.get(k), v)) out.put(k, v);
        });
        return new LinkedHashMap<>(out);
    }

    /** Torrent objects without {@code hash}, keyed by hash, as maindata carries them. */
    static Map<String, Map<String, Object>> keyed(List<Map<String, Object>> infos) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> i : infos) {
            Map<String, Object> copy = new LinkedHashMap<>(i);
            Object hash = copy.remove("hash");
            out.put(String.valueOf(hash), copy);
        }
        return out;
    }

    static List<String> copy(List<String> l) {
        return new ArrayList<>(l);
    }
}
