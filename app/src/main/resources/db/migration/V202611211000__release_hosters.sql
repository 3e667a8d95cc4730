-- Stage 2 also keeps the hosters each release is offered by: the names the site shows, per episode
-- and language. Season tables show an episode's hoster icons beside its language flags without
-- pairing them, so those rows start unpaired; an episode page read for a download or stream (or a
-- row with a single language) pairs them exactly.
ALTER TABLE catalog_release ADD COLUMN hosters TEXT;                          -- names, comma-separated, site order; NULL = not known
ALTER TABLE catalog_release ADD COLUMN hosters_paired INTEGER NOT NULL DEFAULT 0; -- 1 = known to serve this language
ALTER TABLE catalog_release ADD COLUMN hosters_at TEXT;                       -- when they were last learned
