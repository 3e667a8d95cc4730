/** Megakino (DataLife Engine, rotating domain): research notes upstream-markup §3. */
package dev.kanal.providers.site.megakino;
