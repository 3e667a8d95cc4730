-- torrents/add looks for a live job of the same episode, language and mode before it queues another.
CREATE INDEX job_episode_language_mode ON job (site, slug, season, episode, language, mode);
