/**
 * What the site scrapers share: {@link dev.kanal.providers.site.SiteAddress} (configured base URLs
 * with path prefixes) and {@link dev.kanal.providers.site.Markup} (required-or-MarkupChanged
 * element lookup). Each site lives in its own sub-package as {@code XxxSite} (fetching),
 * {@code XxxPages} (pure parsing) and {@code XxxUrls} (its URL scheme).
 */
package dev.kanal.providers.site;
