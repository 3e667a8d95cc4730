package dev.kanal.jobs;

import java.time.Instant;

/**
 * One hoster tried by a job, and why it did not deliver.
 *
 * @param hoster the hoster's name as the site shows it
 * @param error why it failed
 * @param at when
 */
public record JobAttempt(String hoster, String error, Instant at) {}
