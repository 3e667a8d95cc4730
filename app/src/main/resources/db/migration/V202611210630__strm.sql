-- STRM: every .strm file Kanal wrote (for the library health scan and regeneration), and the
-- last media source each episode resolved to (so a restart does not re-resolve what still plays).
CREATE TABLE strm_file (
    path            TEXT PRIMARY KEY NOT NULL,
    site            TEXT NOT NULL,
    slug            TEXT NOT NULL,
    season          INTEGER NOT NULL,
    episode         INTEGER NOT NULL,
    language        TEXT NOT NULL,
    url_version     INTEGER NOT NULL,
    written_at      TEXT NOT NULL,
    checked_at      TEXT,
    broken_reason   TEXT
) STRICT;

CREATE INDEX strm_file_broken ON strm_file (broken_reason) WHERE broken_reason IS NOT NULL;

CREATE TABLE strm_source (
    site            TEXT NOT NULL,
    slug            TEXT NOT NULL,
    season          INTEGER NOT NULL,
    episode         INTEGER NOT NULL,
    language        TEXT NOT NULL,
    url             TEXT NOT NULL,
    format          TEXT NOT NULL,
    headers_json    TEXT NOT NULL,
    hoster          TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    resolved_at     TEXT NOT NULL,
    PRIMARY KEY (site, slug, season, episode, language)
) STRICT;
