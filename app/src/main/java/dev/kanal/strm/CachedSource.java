package dev.kanal.strm;

import dev.kanal.providers.StreamSource;
import java.time.Instant;

/** A resolved media source, when it was resolved, and the moment Kanal stops trusting it. */
record CachedSource(StreamSource source, String hoster, Instant resolvedAt, Instant expiresAt) {}
