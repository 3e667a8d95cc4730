/** aniworld.to (classic layout): research notes upstream-markup §1. */
package dev.kanal.providers.site.aniworld;
