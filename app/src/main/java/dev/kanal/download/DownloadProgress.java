package dev.kanal.download;

/**
 * One progress report of a running download.
 *
 * @param downloadedBytes bytes written so far
 * @param totalBytes the size, exact or estimated; 0 when unknown
 * @param speed bytes per second; 0 when unknown
 * @param eta seconds left; -1 when unknown
 */
public record DownloadProgress(long downloadedBytes, long totalBytes, long speed, long eta) {}
