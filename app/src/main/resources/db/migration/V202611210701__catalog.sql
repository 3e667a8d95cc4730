-- Catalog: every site's titles, episodes and releases (episode x language), built in stages and
-- refreshed in place so that searches never see an emptied or half-built catalog.

-- One row per title of a site. Stage 2 (details) and stage 3 (mapping) keep their progress here.
CREATE TABLE catalog_title (
    id                 INTEGER PRIMARY KEY,
    site               TEXT    NOT NULL,              -- SiteId id: aniworld | sto | megakino
    slug               TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    kind               TEXT    NOT NULL,              -- series | movie
    year               INTEGER,
    imdb               TEXT,                          -- with tt prefix
    tmdb               INTEGER,
    tvdb               INTEGER,
    tvmaze             INTEGER,
    last_modified      TEXT,                          -- what the site says (sitemap lastmod)
    first_seen         TEXT    NOT NULL,
    listed_run         INTEGER NOT NULL,              -- the title listing run that last saw it
    details_state      TEXT    NOT NULL DEFAULT 'pending', -- pending | ready | failed
    details_at         TEXT,                          -- last successful detail fetch
    details_changed_at TEXT,                          -- last time a detail fetch found new episodes
    details_retry_at   TEXT,
    details_error      TEXT,
    mapping_state      TEXT    NOT NULL DEFAULT 'pending', -- pending | ready | failed | none
    mapping_at         TEXT,
    mapping_error      TEXT,
    mapped_title       TEXT,                          -- the series title as TVDB/Sonarr knows it
    runtime_minutes    INTEGER,
    UNIQUE (site, slug)
) STRICT;
CREATE INDEX catalog_title_details ON catalog_title (site, details_state);
CREATE INDEX catalog_title_mapping ON catalog_title (site, mapping_state);
CREATE INDEX catalog_title_tvdb ON catalog_title (tvdb);
CREATE INDEX catalog_title_imdb ON catalog_title (imdb);
CREATE INDEX catalog_title_tmdb ON catalog_title (tmdb);
CREATE INDEX catalog_title_tvmaze ON catalog_title (tvmaze);

-- Every name a title is known by, with its normalized key (the resolver's input).
CREATE TABLE catalog_title_name (
    title_id INTEGER NOT NULL REFERENCES catalog_title (id) ON DELETE CASCADE,
    name_key TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    PRIMARY KEY (title_id, name_key)
) STRICT, WITHOUT ROWID;

-- One row per episode in the site's numbering, with Sonarr's numbering beside it.
CREATE TABLE catalog_episode (
    title_id     INTEGER NOT NULL REFERENCES catalog_title (id) ON DELETE CASCADE,
    season       INTEGER NOT NULL,                    -- site numbering; 0 = films/specials
    episode      INTEGER NOT NULL,                    -- site numbering; 0 = a whole movie
    title_de     TEXT,
    title_en     TEXT,
    tvdb_season  INTEGER NOT NULL,                    -- Sonarr's numbering (site's until mapped)
    tvdb_episode INTEGER NOT NULL,
    absolute     INTEGER,
    first_seen   TEXT    NOT NULL,
    PRIMARY KEY (title_id, season, episode)
) STRICT, WITHOUT ROWID;
CREATE INDEX catalog_episode_tvdb ON catalog_episode (title_id, tvdb_season, tvdb_episode);
CREATE INDEX catalog_episode_absolute ON catalog_episode (title_id, absolute);

-- One row per episode and language: what Torznab offers. Media info is what a download learned.
CREATE TABLE catalog_release (
    title_id   INTEGER NOT NULL,
    season     INTEGER NOT NULL,
    episode    INTEGER NOT NULL,
    language   TEXT    NOT NULL,                      -- Language label: German Dub | German Sub | ...
    first_seen TEXT    NOT NULL,
    height     INTEGER,
    codec      TEXT,
    PRIMARY KEY (title_id, season, episode, language),
    FOREIGN KEY (title_id, season, episode) REFERENCES catalog_episode (title_id, season, episode) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX catalog_release_newest ON catalog_release (first_seen DESC, title_id, season, episode, language);

-- Progress of each stage per site.
CREATE TABLE catalog_stage (
    site         TEXT    NOT NULL,
    stage        TEXT    NOT NULL,                    -- titles | details | mapping
    state        TEXT    NOT NULL,                    -- pending | running | ready | failed
    run          INTEGER NOT NULL DEFAULT 0,
    done         INTEGER NOT NULL DEFAULT 0,
    total        INTEGER NOT NULL DEFAULT 0,
    started_at   TEXT,
    last_success TEXT,
    last_error   TEXT,
    PRIMARY KEY (site, stage)
) STRICT;
