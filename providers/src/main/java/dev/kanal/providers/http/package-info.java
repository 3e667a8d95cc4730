/**
 * Outbound HTTP for sites and hosters. {@link dev.kanal.providers.http.OkHttpFetcher} is the only
 * implementation used in production: one OkHttp client (pool and cookie jar) per site, browser
 * headers, a per-host token bucket, retries with backoff for transient failures, a per-host
 * circuit breaker and challenge detection, all reported into a shared
 * {@link dev.kanal.providers.http.HostHealthRegistry} whose read-only
 * {@link dev.kanal.providers.http.HostHealth} snapshots feed the status page.
 */
package dev.kanal.providers.http;
