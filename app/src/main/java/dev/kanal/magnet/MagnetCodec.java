package dev.kanal.magnet;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The one place Kanal's magnets are built and parsed. The format is a documented contract:
 *
 * <pre>magnet:?xt=urn:btih:&lt;40 hex&gt;&amp;dn=&lt;release title&gt;&amp;kanal_site=&lt;site&gt;&amp;kanal_slug=&lt;slug&gt;
 *   &amp;kanal_s=&lt;season&gt;&amp;kanal_e=&lt;episode&gt;&amp;kanal_lang=&lt;language label&gt;[&amp;kanal_mode=strm]</pre>
 *
 * The info-hash is SHA-1 over a canonical identity that includes the site and the mode, so the same
 * slug on two sites and a {@code [STRM]} twin never collide. Parsing also accepts the {@code aw_}
 * and {@code sto_} magnets of AniBridge (so users who switch keep their Sonarr history), base32 and
 * upper-case hashes. Megakino films carry no season or episode.
 */
public final class MagnetCodec {
    private static final String PREFIX = "magnet:?";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Why a magnet names nothing Kanal can fetch. */
    public static final class InvalidMagnet extends IllegalArgumentException {
        InvalidMagnet(String message) {
            super(message);
        }
    }

    /** Builds the magnet for an episode; the hash is derived from site, slug, numbers, language, mode. */
    public KanalMagnet create(String releaseTitle, EpisodeAddress episode, Language language, KanalMagnet.Mode mode) {
        return new KanalMagnet(hashOf(episode, language, mode), releaseTitle, episode, language, mode);
    }

    /** Renders a magnet URI; every value is percent-encoded. */
    public String format(KanalMagnet m) {
        StringBuilder sb = new StringBuilder(PREFIX)
                .append("xt=urn:btih:").append(m.infoHash())
                .append("&dn=").append(enc(m.displayName()))
                .append("&kanal_site=").append(m.episode().site().id())
                .append("&kanal_slug=").append(enc(m.episode().slug()));
        if (!m.episode().isMovie()) {
            sb.append("&kanal_s=").append(m.episode().season()).append("&kanal_e=").append(m.episode().episode());
        }
        sb.append("&kanal_lang=").append(enc(m.language().label()));
        if (m.mode() == KanalMagnet.Mode.STRM) sb.append("&kanal_mode=strm");
        return sb.toString();
    }

    /** The canonical info-hash of an episode in a language and mode. */
    public String hashOf(EpisodeAddress e, Language language, KanalMagnet.Mode mode) {
        String identity = String.join("\n", "kanal/1", e.site().id(), e.slug(), Integer.toString(e.season()),
                Integer.toString(e.episode()), language.label(), mode.name().toLowerCase(Locale.ROOT));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("SHA-1 missing from the JVM", e2);
        }
    }

    /** Parses a Kanal or AniBridge magnet; throws {@link InvalidMagnet} naming what is wrong. */
    public KanalMagnet parse(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new InvalidMagnet("not a magnet link");
        }
        Map<String, String> q = query(uri.substring(PREFIX.length()));
        String hash = infoHash(q.get("xt"));
        String prefix = prefixOf(q);
        SiteId site = siteOf(prefix, q);
        String slug = required(q, prefix + "_slug");
        checkSlug(slug);
        Language language = languageOf(required(q, prefix + "_lang"));
        String s = q.get(prefix + "_s");
        String ep = q.get(prefix + "_e");
        EpisodeAddress episode;
        boolean noSeason = s == null || s.isEmpty();
        boolean noEpisode = ep == null || ep.isEmpty();
        if (noSeason != noEpisode) {
            throw new InvalidMagnet(prefix + (noSeason ? "_e without " + prefix + "_s" : "_s without " + prefix + "_e"));
        }
        if (noSeason) {
            if (site != SiteId.MEGAKINO) throw new InvalidMagnet("missing " + prefix + "_s/" + prefix + "_e");
            episode = EpisodeAddress.movie(site, slug);
        } else {
            episode = new EpisodeAddress(site, slug, number(prefix + "_s", s), number(prefix + "_e", ep));
        }
        if (episode.isMovie() && episode.season() != 0) {
            throw new InvalidMagnet(prefix + "_e=0 names a whole film, which has no season " + episode.season());
        }
        String modeText = q.getOrDefault(prefix + "_mode", "");
        KanalMagnet.Mode mode = switch (modeText.toLowerCase(Locale.ROOT)) {
            case "" -> KanalMagnet.Mode.DOWNLOAD;
            case "strm" -> KanalMagnet.Mode.STRM;
            default -> throw new InvalidMagnet("unknown " + prefix + "_mode '" + modeText + "'");
        };
        String dn = q.getOrDefault("dn", "");
        if (dn.isBlank()) dn = slug + (episode.isMovie() ? "" : String.format(Locale.ROOT, ".S%02dE%02d",
                episode.season(), episode.episode()));
        return new KanalMagnet(hash, dn, episode, language, mode);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> q = new HashMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            String key = part.substring(0, eq).toLowerCase(Locale.ROOT);
            String value;
            try {
                value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidMagnet("badly encoded value for " + key);
            }
            boolean ours = key.startsWith("kanal_") || key.startsWith("aw_") || key.startsWith("sto_");
            if (ours && value.chars().anyMatch(MagnetCodec::isControl)) {
                throw new InvalidMagnet(key + " contains a control character");
            }
            if (q.putIfAbsent(key, value) != null && (ours || key.equals("dn"))) {
                throw new InvalidMagnet(key + " is given more than once");
            }
        }
        return q;
    }

    /** C0 controls (NUL, CR, LF, …), DEL and the C1 controls: never part of a site id, slug, language or mode. */
    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    private static String infoHash(String xt) {
        if (xt == null || !xt.regionMatches(true, 0, "urn:btih:", 0, 9)) {
            throw new InvalidMagnet("missing xt=urn:btih: info-hash");
        }
        String h = xt.substring(9).trim();
        if (h.matches("(?i)[0-9a-f]{40}")) return h.toLowerCase(Locale.ROOT);
        if (h.length() == 32 && h.toUpperCase(Locale.ROOT).chars().allMatch(c -> BASE32.indexOf(c) >= 0)) {
            return HexFormat.of().formatHex(base32(h.toUpperCase(Locale.ROOT)));
        }
        throw new InvalidMagnet("info-hash must be 40 hex or 32 base32 characters");
    }

    private static byte[] base32(String s) {
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0;
        int i = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[i++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    private static String prefixOf(Map<String, String> q) {
        boolean kanal = q.keySet().stream().anyMatch(k -> k.startsWith("kanal_"));
        boolean aw = q.keySet().stream().anyMatch(k -> k.startsWith("aw_"));
        boolean sto = q.keySet().stream().anyMatch(k -> k.startsWith("sto_"));
        int kinds = (kanal ? 1 : 0) + (aw ? 1 : 0) + (sto ? 1 : 0);
        if (kinds > 1) throw new InvalidMagnet("mixed parameter prefixes (kanal_, aw_, sto_)");
        if (kinds == 0) throw new InvalidMagnet("not a Kanal magnet: missing kanal_site, kanal_slug and kanal_lang");
        return kanal ? "kanal" : aw ? "aw" : "sto";
    }

    private static SiteId siteOf(String prefix, Map<String, String> q) {
        String raw = q.get(prefix + "_site");
        if (prefix.equals("kanal")) {
            if (raw == null || raw.isBlank()) throw new InvalidMagnet("missing kanal_site");
            return SiteId.fromId(raw).orElseThrow(() -> new InvalidMagnet("unknown kanal_site '" + raw + "'"));
        }
        // AniBridge: aw_ covers aniworld and megakino (aw_site=megakino), sto_ is s.to
        if (raw == null || raw.isBlank()) return prefix.equals("sto") ? SiteId.STO : SiteId.ANIWORLD;
        String v = raw.toLowerCase(Locale.ROOT);
        if (v.contains("megakino")) return SiteId.MEGAKINO;
        if (v.contains("aniworld")) return SiteId.ANIWORLD;
        if (v.equals("s.to") || v.contains("serienstream") || v.equals("sto")) return SiteId.STO;
        throw new InvalidMagnet("unknown " + prefix + "_site '" + raw + "'");
    }

    private static Language languageOf(String raw) {
        if (raw.equalsIgnoreCase("Deutsch") || raw.equalsIgnoreCase("German")) return Language.GERMAN_DUB;
        return Language.fromLabel(raw).orElseThrow(() -> new InvalidMagnet("unknown language '" + raw
                + "' (expected German Dub, German Sub, English Sub or English Dub)"));
    }

    private static String required(Map<String, String> q, String key) {
        String v = q.get(key);
        if (v == null || v.isBlank()) throw new InvalidMagnet("missing " + key);
        return v.trim();
    }

    private static void checkSlug(String slug) {
        if (slug.length() > 200 || slug.contains("/") || slug.contains("\\") || slug.contains("..")
                || slug.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidMagnet("invalid slug");
        }
    }

    private static int number(String key, String raw) {
        if (raw == null || !raw.trim().matches("\\d{1,4}")) throw new InvalidMagnet(key + " must be a number");
        return Integer.parseInt(raw.trim());
    }

    /**
     * {@code URLEncoder.encode(v, UTF_8)} with spaces as {@code %20}. Written out for the common case
     * (ASCII): every Torznab item carries a magnet, and the encoder's buffers cost more than the rest.
     */
    static String enc(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '*' || c == '_') {
                if (sb != null) sb.append(c);
            } else if (c < 0x80) {
                if (sb == null) sb = new StringBuilder(v.length() + 16).append(v, 0, i);
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"); // beyond ASCII: the encoder
            }
        }
        return sb == null ? v : sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
