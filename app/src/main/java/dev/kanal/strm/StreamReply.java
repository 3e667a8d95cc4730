package dev.kanal.strm;

import java.util.Map;

/** What the stream proxy sends a player: upstream media bytes, or a rewritten playlist. */
sealed interface StreamReply {
    /** Media bytes to copy from {@code upstream}, with the status and headers to send first. */
    record Media(UpstreamClient.Upstream upstream, int status, Map<String, String> headers, String hoster)
            implements StreamReply {}

    /** A playlist whose URIs all point back at Kanal. */
    record Playlist(String body) implements StreamReply {}
}
