package dev.kanal.providers.testing.hoster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Hoster pages in the forms public trackers reported in late 2026 (issue 14), written for Kanal's
 * tests to the described structure with made-up codes, tokens and text: Vidmoly's single-quoted
 * setup, VOE's payload array with a JWPlayer config and caption tracks, Streamtape's link with a
 * path, Vidara's API-driven embed and Gupload's XOR-ed config.
 */
public final class CurrentHosterPages {
    private CurrentHosterPages() {}

    /** Vidmoly on {@code .biz}: the JWPlayer setup quotes keys and values with single quotes. */
    public static String vidmolySingleQuotedPage(URI hls) {
        return "<html><head><title>Watch example_file</title></head><body><div id='vplayer'></div>\n"
                + "<script type='text/javascript'>\nvar player = jwplayer('vplayer');\n"
                + "player.setup({ 'sources': [{'file':'" + hls + "','label':'HD'}], 'image': 'https://img.example.test/t.jpg',"
                + " 'tracks': [{'file':'https://img.example.test/thumbs.vtt','kind':'thumbnails'}], 'width': '100%' });\n"
                + "</script></body></html>";
    }

    /**
     * VOE's JSON script holding an array of encoded strings: the first decodes to the plain
     * {@code source} object, the second to a JWPlayer-style config with {@code sources[]} and
     * caption {@code tracks[]}.
     */
    public static String voePayloadArrayPage(String firstJson, String secondJson) {
        return "<!DOCTYPE html><html><head><title>VOE | example_file.mp4</title></head><body>"
                + "<div id=\"vp\"></div><script type=\"application/json\">[\"" + VoeEncoder.encode(firstJson)
                + "\",\"" + VoeEncoder.encode(secondJson) + "\"]</script>"
                + "<script src=\"/js/player.min.js\"></script></body></html>";
    }

    /** A JWPlayer-style VOE config: {@code sources[]} with one HLS entry and caption tracks by (file, label). */
    public static String voeJwConfig(URI hls, List<String[]> fileLabelPairs) {
        StringBuilder tracks = new StringBuilder();
        for (String[] t : fileLabelPairs) {
            if (!tracks.isEmpty()) tracks.append(',');
            tracks.append("{\"file\":\"").append(t[0]).append("\",\"label\":\"").append(t[1])
                    .append("\",\"kind\":\"captions\"}");
        }
        tracks.append(",{\"file\":\"/thumbs/sprite.vtt\",\"kind\":\"thumbnails\"}");
        String sources = hls == null ? "" : "\"sources\":[{\"file\":\"" + hls + "\",\"type\":\"hls\",\"label\":\"1080p\"}],";
        return "{" + sources + "\"tracks\":[" + tracks + "],\"title\":\"example_file\"}";
    }

    /** A VOE player object whose {@code captions} is a map by language code. */
    public static String voeCaptionsMapJson(URI hls, String deVtt, String enVtt) {
        return "{\"source\":\"" + hls + "\",\"captions\":{\"de\":\"" + deVtt + "\",\"en\":\"" + enVtt + "\"}}";
    }

    /**
     * Streamtape with a link whose path carries a prefix ({@code //streamtape.com/<prefix>/get_video?…})
     * assigned to {@code botlink}; the element text holds a decoy.
     */
    public static String streamtapePathPage(String prefix, String query, String decoyQuery) {
        String link = "//streamtape.com" + prefix + "/get_video?" + query;
        int cut = link.indexOf("&token=") + 7;
        return "<html><head><title>example_file.mp4 at Streamtape.com</title></head><body>"
                + "<div id=\"botlink\" style=\"display:none;\">/streamtape.com" + prefix + "/get_video?" + decoyQuery + "</div>"
                + "<video id=\"mainvideo\"></video><script>\n"
                + "document.getElementById('botlink').innerHTML = '" + link.substring(0, cut) + "' + ('xyz"
                + link.substring(cut) + "').substring(3);\n"
                + "var src = 'https:' + document.getElementById('botlink').innerHTML;\n</script></body></html>";
    }

    /** Vidara's embed: a shell whose script asks the stream API; no source in the page. */
    public static String vidaraEmbedPage(String code) {
        return "<!doctype html><html><head><title>Vidara</title></head><body><div id=\"player\" data-code=\"" + code
                + "\"></div><script>fetch('/api/stream',{method:'POST',headers:{'Content-Type':'application/json'},"
                + "body:JSON.stringify({filecode:'" + code + "',device:'web'})}).then(r=>r.json())"
                + ".then(j=>startPlayer(j.streaming_url));</script></body></html>";
    }

    /** Vidara's stream API answer. */
    public static String vidaraStreamAnswer(URI hls) {
        return "{\"status\":\"ok\",\"streaming_url\":\"" + hls + "\",\"thumbnail\":\"/t/x.jpg\"}";
    }

    /**
     * Gupload's page: key parts in {@code var _p=[…]}, config as {@code var _cfg=_dp('g~<b64>')} with
     * the JSON XOR-ed by the joined key.
     */
    public static String guploadPage(URI media, List<String> keyParts) {
        String key = String.join("", keyParts);
        String cfg = "{\"videoUrl\":\"" + media + "\",\"poster\":\"/p/x.jpg\",\"autoplay\":false}";
        byte[] data = cfg.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < data.length; i++) data[i] = (byte) (data[i] ^ k[i % k.length]);
        StringBuilder parts = new StringBuilder();
        for (String p : keyParts) parts.append(parts.isEmpty() ? "" : ",").append('\'').append(p).append('\'');
        return "<html><head><title>GUpload</title></head><body><div id=\"gp\"></div><script>\n"
                + "var _p=[" + parts + "];function _dp(s){/* decoder */return s;}\n"
                + "var _cfg=_dp('g~" + Base64.getEncoder().encodeToString(data) + "');\n</script></body></html>";
    }
}
