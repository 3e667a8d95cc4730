/**
 * From "this episode in this language" to a playable stream: site link, link-out, hoster choice,
 * extraction, and the fallback to the next hoster when one fails.
 */
package dev.kanal.providers.resolve;
