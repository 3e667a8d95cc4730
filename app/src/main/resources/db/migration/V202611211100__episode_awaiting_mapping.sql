-- A new episode of a series whose site numbering Kanal renumbers for Sonarr (its seasons or specials
-- are cut differently from TVDB's) waits here until stage 3 has numbered it: searches and the RSS
-- feed leave it out meanwhile, so Sonarr never sees it under the site's numbers and grabs the
-- wrong episode.
ALTER TABLE catalog_episode ADD COLUMN awaiting_mapping INTEGER NOT NULL DEFAULT 0; -- 1 = held until mapped
