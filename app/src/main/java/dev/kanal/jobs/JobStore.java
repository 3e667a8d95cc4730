package dev.kanal.jobs;

import static dev.kanal.db.schema.Tables.JOB;
import static dev.kanal.db.schema.Tables.TORRENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.db.Database;
import dev.kanal.download.DownloadProgress;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads and writes the torrent/job aggregate. A torrent and its job are created in one transaction,
 * so a torrent is listed the moment {@code torrents/add} returns and survives any crash with its job.
 * It is over 300 lines because it is the one owner of the torrent and job tables: every method is a
 * single small statement, and the cached torrent list lives beside the writes that invalidate it.
 */
public final class JobStore {
    private static final TypeReference<List<JobAttempt>> ATTEMPTS = new TypeReference<>() {};

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;
    /** Bumped after every write; {@link #all()} reuses its last read while it is unchanged. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    private record Snapshot(long version, List<Job> jobs) {}

    public JobStore(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** What {@code torrents/add} asks for. */
    public record NewJob(KanalMagnet magnet, String magnetUri, String category, List<String> tags, Path savePath,
            boolean stopped) {}

    /**
     * Creates torrent and job together; empty (nothing is changed) when the hash is already there, or
     * when a live (queued or running) job already fetches the same episode in the same language and
     * mode under another hash — one episode is never downloaded twice at once.
     */
    public Optional<Job> create(NewJob n) {
        long now = clock.millis();
        KanalMagnet m = n.magnet();
        boolean created = write(ctx -> {
            EpisodeAddress target = m.episode();
            boolean live = ctx.fetchExists(JOB, JOB.SITE.eq(target.site().id())
                    .and(JOB.SLUG.eq(target.slug()))
                    .and(JOB.SEASON.eq((long) target.season()))
                    .and(JOB.EPISODE.eq((long) target.episode()))
                    .and(JOB.LANGUAGE.eq(m.language().label()))
                    .and(JOB.MODE.eq(m.mode().name()))
                    .and(JOB.STATE.in(JobState.QUEUED.name(), JobState.RUNNING.name())));
            if (live) return false;
            int rows = ctx.insertInto(TORRENT)
                    .set(TORRENT.HASH, m.infoHash())
                    .set(TORRENT.NAME, m.displayName())
                    .set(TORRENT.MAGNET, n.magnetUri())
                    .set(TORRENT.CATEGORY, n.category())
                    .set(TORRENT.TAGS, joinTags(n.tags()))
                    .set(TORRENT.SAVE_PATH, n.savePath().toString())
                    .set(TORRENT.STOPPED, n.stopped() ? 1L : 0L)
                    .set(TORRENT.ADDED_ON, now / 1000)
                    .onConflictDoNothing()
                    .execute();
            if (rows == 0) return false;
            EpisodeAddress e = m.episode();
            ctx.insertInto(JOB)
                    .set(JOB.TORRENT_HASH, m.infoHash())
                    .set(JOB.SITE, e.site().id())
                    .set(JOB.SLUG, e.slug())
                    .set(JOB.SEASON, (long) e.season())
                    .set(JOB.EPISODE, (long) e.episode())
                    .set(JOB.LANGUAGE, m.language().label())
                    .set(JOB.MODE, m.mode().name())
                    .set(JOB.STATE, JobState.QUEUED.name())
                    .set(JOB.CREATED_AT, now)
                    .set(JOB.UPDATED_AT, now)
                    .execute();
            return true;
        });
        return created ? byHash(m.infoHash()) : Optional.empty();
    }

    /**
     * Every torrent with its job, oldest first. Sonarr polls this list; it is read from the database
     * only when something was written since the last read.
     */
    public List<Job> all() {
        Snapshot s = snapshot;
        if (s.version() == version.get()) return s.jobs();
        synchronized (version) {
            s = snapshot;
            long v = version.get();
            if (s.version() == v) return s.jobs();
            List<Job> jobs = List.copyOf(select(DSL.noCondition()));
            snapshot = new Snapshot(v, jobs);
            return jobs;
        }
    }

    public Optional<Job> byId(long id) {
        return select(JOB.ID.eq(id)).stream().findFirst();
    }

    public Optional<Job> byHash(String hash) {
        return select(TORRENT.HASH.eq(hash)).stream().findFirst();
    }

    public List<Job> byHashes(Collection<String> hashes) {
        return select(TORRENT.HASH.in(hashes));
    }

    /** Queued, not stopped and due jobs, oldest first. */
    public List<Job> runnable(int limit) {
        return db.read().select().from(TORRENT).join(JOB).on(JOB.TORRENT_HASH.eq(TORRENT.HASH))
                .where(JOB.STATE.eq(JobState.QUEUED.name()), TORRENT.STOPPED.eq(0L),
                        JOB.NOT_BEFORE.le(clock.millis()))
                .orderBy(JOB.ID).limit(limit).fetch(this::toJob);
    }

    public void markRunning(long id) {
        update(id, ctx -> ctx.update(JOB).set(JOB.STATE, JobState.RUNNING.name()).set(JOB.ERROR, (String) null)
                .set(JOB.SPEED, 0L).set(JOB.ETA, -1L));
    }

    public void hoster(long id, String hoster) {
        update(id, ctx -> ctx.update(JOB).set(JOB.CURRENT_HOSTER, hoster));
    }

    /**
     * Progress is the most frequent write (once a second per download): it patches the cached list
     * instead of invalidating it, so polling does not re-read every torrent each time.
     */
    public void progress(long id, DownloadProgress p) {
        long now = clock.millis();
        db.writeVoid(ctx -> ctx.update(JOB).set(JOB.DOWNLOADED_BYTES, p.downloadedBytes())
                .set(JOB.TOTAL_BYTES, p.totalBytes()).set(JOB.SPEED, p.speed()).set(JOB.ETA, p.eta())
                .set(JOB.UPDATED_AT, now).where(JOB.ID.eq(id)).execute());
        synchronized (version) {
            Snapshot s = snapshot;
            if (s.version() != version.get()) return;
            List<Job> jobs = new java.util.ArrayList<>(s.jobs());
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                if (j.id() == id) jobs.set(i, j.withProgress(p.downloadedBytes(), p.totalBytes(), p.speed(), p.eta(),
                        Instant.ofEpochMilli(now)));
            }
            snapshot = new Snapshot(s.version(), List.copyOf(jobs));
        }
    }

    public void process(long id, Long pid, Long startedAt) {
        update(id, ctx -> ctx.update(JOB).set(JOB.PID, pid).set(JOB.PID_STARTED, startedAt));
    }

    /** Records a failed hoster; {@code skip} adds it to the hosters this job does not try again. */
    public void attemptFailed(long id, JobAttempt attempt, boolean skip) {
        writeVoid(ctx -> {
            var r = ctx.selectFrom(JOB).where(JOB.ID.eq(id)).fetchOne();
            if (r == null) return;
            List<JobAttempt> list = new java.util.ArrayList<>(attempts(r.getAttempts()));
            list.add(attempt);
            Set<String> skipped = split(r.getSkipHosters());
            if (skip) skipped.add(attempt.hoster());
            ctx.update(JOB).set(JOB.ATTEMPTS, write(list)).set(JOB.SKIP_HOSTERS, String.join(",", skipped))
                    .set(JOB.UPDATED_AT, clock.millis()).where(JOB.ID.eq(id)).execute();
        });
    }

    /** Back to the queue (stop, shutdown, transient retry); partial files stay for resuming. */
    public void requeue(long id, Instant notBefore, int retries) {
        update(id, ctx -> ctx.update(JOB).set(JOB.STATE, JobState.QUEUED.name())
                .set(JOB.NOT_BEFORE, notBefore.toEpochMilli()).set(JOB.RETRIES, (long) retries)
                .set(JOB.SPEED, 0L).set(JOB.ETA, -1L).set(JOB.PID, (Long) null).set(JOB.PID_STARTED, (Long) null));
    }

    public void complete(long id, Path file, long size) {
        long now = clock.millis();
        update(id, ctx -> ctx.update(JOB).set(JOB.STATE, JobState.COMPLETED.name())
                .set(JOB.FILE_PATH, file.toString()).set(JOB.DOWNLOADED_BYTES, size).set(JOB.TOTAL_BYTES, size)
                .set(JOB.SPEED, 0L).set(JOB.ETA, 0L).set(JOB.ERROR, (String) null)
                .set(JOB.PID, (Long) null).set(JOB.PID_STARTED, (Long) null)
                .set(JOB.COMPLETED_AT, DSL.coalesce(JOB.COMPLETED_AT, DSL.val(now))));
    }

    public void finish(long id, JobState state, String error) {
        update(id, ctx -> ctx.update(JOB).set(JOB.STATE, state.name()).set(JOB.ERROR, error)
                .set(JOB.SPEED, 0L).set(JOB.ETA, -1L).set(JOB.PID, (Long) null).set(JOB.PID_STARTED, (Long) null));
    }

    /** Starts a failed or cancelled job over: attempts, skipped hosters and retries are cleared. */
    public boolean retry(long id) {
        return write(ctx -> ctx.update(JOB).set(JOB.STATE, JobState.QUEUED.name()).set(JOB.ERROR, (String) null)
                .set(JOB.RETRIES, 0L).set(JOB.SKIP_HOSTERS, "").set(JOB.ATTEMPTS, "[]").set(JOB.NOT_BEFORE, 0L)
                .set(JOB.DOWNLOADED_BYTES, 0L).set(JOB.CURRENT_HOSTER, (String) null)
                .set(JOB.UPDATED_AT, clock.millis())
                .where(JOB.ID.eq(id), JOB.STATE.in(JobState.FAILED.name(), JobState.CANCELLED.name())).execute()) > 0;
    }

    public void delete(Collection<String> hashes) {
        writeVoid(ctx -> ctx.deleteFrom(TORRENT).where(TORRENT.HASH.in(hashes)).execute());
    }

    public void setStopped(Collection<String> hashes, boolean stopped) {
        writeVoid(ctx -> ctx.update(TORRENT).set(TORRENT.STOPPED, stopped ? 1L : 0L)
                .where(TORRENT.HASH.in(hashes)).execute());
    }

    public void setCategory(Collection<String> hashes, String category) {
        writeVoid(ctx -> ctx.update(TORRENT).set(TORRENT.CATEGORY, category).where(TORRENT.HASH.in(hashes)).execute());
    }

    /** Clears a removed category from its torrents, as qBittorrent does. */
    public void clearCategory(Collection<String> categories) {
        writeVoid(ctx -> ctx.update(TORRENT).set(TORRENT.CATEGORY, "").where(TORRENT.CATEGORY.in(categories)).execute());
    }

    public void setTags(String hash, Collection<String> tags) {
        writeVoid(ctx -> ctx.update(TORRENT).set(TORRENT.TAGS, joinTags(tags)).where(TORRENT.HASH.eq(hash)).execute());
    }

    /**
     * After a start: every job a previous instance was running goes back to the queue (never to
     * FAILED), and its recorded downloader process is returned so it can be stopped.
     */
    public List<long[]> recoverInterrupted() {
        return write(ctx -> {
            List<long[]> orphans = ctx.select(JOB.PID, JOB.PID_STARTED).from(JOB).where(JOB.PID.isNotNull())
                    .fetch(r -> new long[] {r.value1(), r.value2() == null ? 0 : r.value2()});
            ctx.update(JOB).set(JOB.STATE, JobState.QUEUED.name()).set(JOB.SPEED, 0L).set(JOB.ETA, -1L)
                    .set(JOB.PID, (Long) null).set(JOB.PID_STARTED, (Long) null)
                    .where(JOB.STATE.eq(JobState.RUNNING.name())).execute();
            ctx.update(JOB).set(JOB.PID, (Long) null).set(JOB.PID_STARTED, (Long) null).execute();
            return orphans;
        });
    }

    private <T> T write(java.util.function.Function<DSLContext, T> work) {
        try {
            return db.write(work);
        } finally {
            version.incrementAndGet();
        }
    }

    private void writeVoid(java.util.function.Consumer<DSLContext> work) {
        write(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    private void update(long id, java.util.function.Function<DSLContext, org.jooq.UpdateSetMoreStep<?>> set) {
        long now = clock.millis();
        writeVoid(ctx -> set.apply(ctx).set(JOB.UPDATED_AT, now).where(JOB.ID.eq(id)).execute());
    }

    private List<Job> select(Condition where) {
        return db.read().select().from(TORRENT).join(JOB).on(JOB.TORRENT_HASH.eq(TORRENT.HASH))
                .where(where).orderBy(JOB.ID).fetch(this::toJob);
    }

    private Job toJob(Record r) {
        Long completed = r.get(JOB.COMPLETED_AT);
        String file = r.get(JOB.FILE_PATH);
        return new Job(
                r.get(JOB.ID), r.get(TORRENT.HASH), r.get(TORRENT.NAME), r.get(TORRENT.MAGNET), r.get(TORRENT.CATEGORY),
                List.copyOf(split(r.get(TORRENT.TAGS))), Path.of(r.get(TORRENT.SAVE_PATH)), r.get(TORRENT.STOPPED) != 0,
                Instant.ofEpochSecond(r.get(TORRENT.ADDED_ON)),
                new EpisodeAddress(SiteId.fromId(r.get(JOB.SITE)).orElseThrow(), r.get(JOB.SLUG),
                        r.get(JOB.SEASON).intValue(), r.get(JOB.EPISODE).intValue()),
                Language.fromLabel(r.get(JOB.LANGUAGE)).orElseThrow(), KanalMagnet.Mode.valueOf(r.get(JOB.MODE)),
                JobState.valueOf(r.get(JOB.STATE)), Instant.ofEpochMilli(r.get(JOB.NOT_BEFORE)),
                r.get(JOB.RETRIES).intValue(), split(r.get(JOB.SKIP_HOSTERS)), attempts(r.get(JOB.ATTEMPTS)),
                r.get(JOB.CURRENT_HOSTER), r.get(JOB.DOWNLOADED_BYTES), r.get(JOB.TOTAL_BYTES), r.get(JOB.SPEED),
                r.get(JOB.ETA), r.get(JOB.ERROR), file == null ? null : Path.of(file),
                Instant.ofEpochMilli(r.get(JOB.CREATED_AT)), Instant.ofEpochMilli(r.get(JOB.UPDATED_AT)),
                completed == null ? null : Instant.ofEpochMilli(completed));
    }

    private List<JobAttempt> attempts(String text) {
        try {
            return json.readValue(text, ATTEMPTS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private String write(List<JobAttempt> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> split(String csv) {
        return Arrays.stream(csv == null ? new String[0] : csv.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String joinTags(Collection<String> tags) {
        return String.join(",", new TreeSet<>(tags));
    }
}
