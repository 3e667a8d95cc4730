package dev.kanal.catalog;

import static dev.kanal.db.schema.Tables.CATALOG_TITLE;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.db.Database;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Radarr's exact answer for a film the catalog knows only by name: a site whose search accepts an
 * IMDb id (Megakino) is asked once, within the priority budget, which of its titles carry that id;
 * the id is then stored on those titles, so every later search by it is answered from the catalog.
 * An id no site knows is remembered for a while, so Radarr's repeated searches cost nothing.
 */
public final class ImdbLookup {
    private static final Logger log = LoggerFactory.getLogger(ImdbLookup.class);
    /** IMDb title ids: "tt" and seven or more digits. */
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    private final List<Site> sites;
    private final Database db;
    private final CatalogWriter writer;
    private final Duration budget;
    private final Cache<String, Boolean> asked = Caffeine.newBuilder().maximumSize(4_096)
            .expireAfterWrite(Duration.ofHours(6)).build();

    public ImdbLookup(List<Site> sites, Database db, CatalogChanges changes, Duration budget) {
        this.sites = List.copyOf(sites);
        this.db = db;
        this.writer = new CatalogWriter(db, changes);
        this.budget = budget;
    }

    /**
     * The movie titles of {@code searchable} sites that carry {@code imdb} once the sites were asked;
     * empty when no site knows it, the id is not an IMDb title id, or the budget ran out.
     */
    public List<Integer> find(String imdb, Set<SiteId> searchable) {
        if (imdb == null || !IMDB_ID.matcher(imdb).matches()) return List.of();
        List<Integer> found = new ArrayList<>();
        for (Site site : sites) {
            if (!searchable.contains(site.id())) continue;
            String key = site.id().id() + "/" + imdb;
            if (asked.getIfPresent(key) != null) continue;
            List<TitleRef> refs = ask(site, imdb);
            if (refs == null) continue; // not answered in time: ask again next search
            asked.put(key, Boolean.TRUE);
            for (TitleRef ref : refs) {
                Integer id = writer.write(tx -> {
                    Integer titleId = tx.select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                            .where(CATALOG_TITLE.SITE.eq(site.id().id()), CATALOG_TITLE.SLUG.eq(ref.slug()),
                                    CATALOG_TITLE.KIND.eq(CatalogRows.kindTag(TitleKind.MOVIE)))
                            .fetchOne(CATALOG_TITLE.ID);
                    if (titleId != null) {
                        tx.update(CATALOG_TITLE).set(CATALOG_TITLE.IMDB, imdb)
                                .where(CATALOG_TITLE.ID.eq(titleId), CATALOG_TITLE.IMDB.isNull()).execute();
                    }
                    return titleId;
                });
                if (id != null) found.add(id);
            }
            log.info("imdb lookup site={} imdb={} titles={}", site.id().id(), imdb, found.size());
        }
        return List.copyOf(found);
    }

    /** The site's titles for the id, or null when it did not answer within the budget. */
    private List<TitleRef> ask(Site site, String imdb) {
        CompletableFuture<List<TitleRef>> call = CompletableFuture.supplyAsync(() -> site.searchByImdb(imdb),
                task -> Thread.ofVirtual().name("imdb-lookup").start(task));
        try {
            return call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            log.debug("imdb lookup timed out site={} imdb={}", site.id().id(), imdb);
            return null;
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof ProviderException p ? p.getMessage() : String.valueOf(e.getCause());
            log.debug("imdb lookup failed site={} imdb={} reason={}", site.id().id(), imdb, why);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
