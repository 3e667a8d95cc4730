-- qBittorrent shim: categories and tags persist like in qBittorrent.
CREATE TABLE qb_category (
    name      TEXT PRIMARY KEY NOT NULL,
    save_path TEXT NOT NULL DEFAULT ''        -- as the user gave it; empty = <download dir>/<name>
) STRICT;

CREATE TABLE qb_tag (
    name TEXT PRIMARY KEY NOT NULL
) STRICT;

-- One row per magnet Sonarr/Radarr added. The job below is created in the same transaction.
CREATE TABLE torrent (
    hash      TEXT PRIMARY KEY NOT NULL,      -- lowercase 40-hex btih
    name      TEXT NOT NULL,                  -- the magnet's dn (release title)
    magnet    TEXT NOT NULL,
    category  TEXT NOT NULL DEFAULT '',
    tags      TEXT NOT NULL DEFAULT '',       -- comma-separated, sorted
    save_path TEXT NOT NULL,                  -- absolute, inside the download directory
    stopped   INTEGER NOT NULL DEFAULT 0,
    added_on  INTEGER NOT NULL                -- unix seconds
) STRICT;

-- The durable download (or .strm) job for a torrent.
CREATE TABLE job (
    id                INTEGER PRIMARY KEY,
    torrent_hash      TEXT NOT NULL UNIQUE REFERENCES torrent (hash) ON DELETE CASCADE,
    site              TEXT NOT NULL,
    slug              TEXT NOT NULL,
    season            INTEGER NOT NULL,
    episode           INTEGER NOT NULL,
    language          TEXT NOT NULL,          -- Language label, e.g. 'German Dub'
    mode              TEXT NOT NULL,          -- DOWNLOAD | STRM
    state             TEXT NOT NULL,          -- JobState name
    not_before        INTEGER NOT NULL DEFAULT 0,   -- epoch ms; retry backoff
    retries           INTEGER NOT NULL DEFAULT 0,   -- transient retries used
    skip_hosters      TEXT NOT NULL DEFAULT '',     -- hosters that failed for good in this job, comma-separated
    attempts          TEXT NOT NULL DEFAULT '[]',   -- JSON array of {hoster, error, at}
    current_hoster    TEXT,
    downloaded_bytes  INTEGER NOT NULL DEFAULT 0,
    total_bytes       INTEGER NOT NULL DEFAULT 0,
    speed             INTEGER NOT NULL DEFAULT 0,   -- bytes/s
    eta               INTEGER NOT NULL DEFAULT -1,  -- seconds, -1 unknown
    error             TEXT,
    file_path         TEXT,                   -- absolute path of the finished file
    pid               INTEGER,                -- running downloader child
    pid_started       INTEGER,                -- its start time, epoch ms
    created_at        INTEGER NOT NULL,       -- epoch ms
    updated_at        INTEGER NOT NULL,
    completed_at      INTEGER                 -- epoch ms, set once
) STRICT;

CREATE INDEX job_state ON job (state, not_before);
