package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gupload ({@code gupload.xyz}). The page splits an XOR key into {@code var _p=['…','…',…]} and
 * ships the player config as {@code var _cfg=_dp('<prefix>~<base64>')}: the base64 after the
 * tilde, XORed byte by byte with the joined key, is JSON whose {@code videoUrl} is the media.
 */
public final class GuploadHoster extends EmbedHoster {
    private static final Logger log = LoggerFactory.getLogger(GuploadHoster.class);

    /** {@code _p=[ 'ab', "cd", … ]}. */
    private static final Pattern KEY_PARTS = Pattern.compile("\\b_p\\s*=\\s*\\[(?<items>[^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("(?<q>[\"'])(?<s>[^\"']*)\\k<q>");
    /** {@code _cfg=_dp('x~<b64>')} (some builds name the decoder {@code _xd}). */
    private static final Pattern CONFIG = Pattern.compile(
            "\\b_cfg\\s*=\\s*_[A-Za-z]{1,3}\\(\\s*(?<q>[\"'])(?<enc>[^\"']+)\\k<q>\\s*\\)");

    private static final List<String> GONE_MARKERS = List.of("File not found", "Video not found", "has been removed");

    private final ObjectMapper json = new ObjectMapper();

    /** Gupload with Kanal's default browser User-Agent. */
    public GuploadHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream */
    public GuploadHoster(String userAgent) {
        super("Gupload", Set.of("GUpload"), Set.of("gupload"), GONE_MARKERS, userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        Page page = page(fetcher, embedUrl);
        String videoUrl = found(videoUrl(page.body()), page.url(), page.body(), "Gupload player config",
                "_p key parts + _cfg=_dp('…~<b64>') → videoUrl");
        URI media = EmbedPages.resolve(page.url(), videoUrl, "Gupload videoUrl");
        log.debug("hoster=Gupload media_host={}", EmbedPages.hostOf(media));
        return stream(media, mediaHeaders(page.url()));
    }

    /** The decoded config's {@code videoUrl}, if the page has both pieces and they fit together. */
    Optional<String> videoUrl(String body) {
        Matcher parts = KEY_PARTS.matcher(body);
        Matcher config = CONFIG.matcher(body);
        if (!parts.find() || !config.find()) return Optional.empty();
        StringBuilder key = new StringBuilder();
        Matcher q = QUOTED.matcher(parts.group("items"));
        while (q.find()) key.append(q.group("s"));
        String encoded = config.group("enc");
        int tilde = encoded.indexOf('~');
        if (key.isEmpty() || tilde < 0) return Optional.empty();
        try {
            byte[] data = Base64.getMimeDecoder().decode(encoded.substring(tilde + 1));
            byte[] k = key.toString().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < data.length; i++) data[i] = (byte) (data[i] ^ k[i % k.length]);
            JsonNode cfg = json.readTree(new String(data, StandardCharsets.UTF_8));
            JsonNode url = cfg == null ? null : cfg.get("videoUrl");
            return url != null && url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
