-- The hoster that last delivered a title, tried first next time (per site and title).
CREATE TABLE hoster_preference (
    site       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    hoster     TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (site, slug)
) STRICT;
