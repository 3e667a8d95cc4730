package dev.kanal.strm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a player asked for besides the URL: its byte range and whether it only wants the headers.
 *
 * @param range the {@code Range} header, or null
 * @param ifRange the {@code If-Range} header, or null
 * @param head true for HEAD requests (answered from an upstream GET cancelled after its headers, since
 *     some CDNs refuse HEAD)
 */
record PlayRequest(String range, String ifRange, boolean head) {
    /** The player's headers that go upstream unchanged. */
    Map<String, String> upstreamHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        if (range != null && !range.isBlank()) h.put("Range", range);
        if (ifRange != null && !ifRange.isBlank()) h.put("If-Range", ifRange);
        return h;
    }
}
