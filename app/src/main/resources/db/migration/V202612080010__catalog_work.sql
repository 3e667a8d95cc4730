-- The work a catalog title is: the TVDB series (and the TVDB season its first site season is, for a
-- sequel entry such as "Mob Psycho 100 II" or a Megakino page such as "Stranger Things 4. Staffel"),
-- with how the tie was made and how sure it is. Only a sure tie sets catalog_title.tvdb and the
-- mapped numbering, so an unsure one never steers a search; both survive refreshes and restarts.
ALTER TABLE catalog_title ADD COLUMN work_tvdb INTEGER;        -- the series the tie names (sure or not)
ALTER TABLE catalog_title ADD COLUMN work_season INTEGER;      -- TVDB season of the entry's first site season; null = same numbering
ALTER TABLE catalog_title ADD COLUMN work_method TEXT;         -- page-id | kept | skyhook-name | skyhook-sequel
ALTER TABLE catalog_title ADD COLUMN work_confidence REAL;     -- 0..1; searches use ties of at least 0.85
ALTER TABLE catalog_title ADD COLUMN work_evidence TEXT;       -- the signals that made the tie, for people
CREATE INDEX catalog_title_work ON catalog_title (work_tvdb);
