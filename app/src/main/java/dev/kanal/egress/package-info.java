/**
 * Outbound traffic Kanal does not make itself: yt-dlp runs through {@link dev.kanal.egress.EgressProxy},
 * a local forward proxy that resolves every host itself and applies the private-address guard to
 * the address it actually connects to (first URL, redirects, HLS/DASH segments, keys, maps).
 */
package dev.kanal.egress;
