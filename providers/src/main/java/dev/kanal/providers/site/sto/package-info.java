/** serienstream.to / s.to, layout "Version 2" (since 2026-01-29): research notes upstream-markup §2. */
package dev.kanal.providers.site.sto;
