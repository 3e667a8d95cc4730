package dev.kanal.jobs;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the {@code .strm} file of a STRM-mode job once the job proved the episode resolves. The
 * STRM capability ({@code dev.kanal.strm}) implements it; jobs only decide when.
 */
public interface StrmWriter {
    /** Writes the file into {@code directory} (inside the download directory) and returns its path. */
    Path write(Path directory, String releaseTitle, EpisodeAddress episode, Language language) throws IOException;
}
