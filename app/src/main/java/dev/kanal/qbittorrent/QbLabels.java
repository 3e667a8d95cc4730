package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import dev.kanal.download.DownloadPaths;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Categories and tags as qBittorrent keeps them: the lists themselves ({@link CategoryStore}) and
 * which torrents carry them ({@link JobStore}). A category's save path must lie inside the download
 * directory; paths are shown as Sonarr sees them.
 */
public final class QbLabels {
    private final CategoryStore categories;
    private final JobStore store;
    private final DownloadPaths paths;

    public QbLabels(CategoryStore categories, JobStore store, DownloadPaths paths) {
        this.categories = categories;
        this.store = store;
        this.paths = paths;
    }

    void setCategory(List<String> hashes, String category) {
        if (!category.isEmpty() && !categories.categories().containsKey(category)) {
            throw new KanalException.Conflict("Incorrect category name");
        }
        if (!hashes.isEmpty()) store.setCategory(hashes, category);
    }

    void changeTags(List<String> hashes, List<String> tags, boolean add) {
        if (add) categories.createTags(tags);
        for (Job j : store.byHashes(hashes)) {
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

    /** A category {@code torrents/add} names is created on the way, as qBittorrent does. */
    void ensureCategory(String name) {
        categories.create(name, "");
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
}
