package dev.kanal.jobs;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;

/**
 * Receives the real resolution and codec ffprobe found in a finished download, so the catalog can
 * advertise true quality in later release titles. The catalog implements it.
 */
public interface MediaInfoSink {
    /** Does nothing; used until the catalog is wired. */
    MediaInfoSink NONE = (e, l, height, codec) -> {};

    void record(EpisodeAddress episode, Language language, int height, String videoCodec);
}
