/**
 * Hoster extractors: one {@code XxxHoster} per video hoster, each turning an embed URL into a
 * {@link dev.kanal.providers.StreamSource}. Follow-up requests go to the embed page's own origin
 * (or its redirect target), never to a hard-coded public domain. A removed video is
 * {@code HosterGone}, an anti-bot page {@code Blocked}, a page without the expected script
 * {@code MarkupChanged} naming the concept and the pattern. The steps every hoster shares (fetch,
 * failure mapping, building the source) live once in {@code EmbedHoster}.
 */
package dev.kanal.providers.hoster;
