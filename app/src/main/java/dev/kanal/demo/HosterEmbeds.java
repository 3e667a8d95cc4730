package dev.kanal.demo;

import java.net.URI;

/**
 * The embed pages of the demo's two hosters, built the way the real ones hide their media URL:
 * VOE's obfuscated JSON payload (pointing at the HLS rendition) and Streamtape's decoy-laden
 * {@code innerHTML} string expressions (pointing at {@code /get_video}, which serves the MP4).
 */
final class HosterEmbeds {
    private HosterEmbeds() {}

    /** A VOE player page whose payload decodes to {@code hls} (and {@code mp4} as the direct URL). */
    static String voe(String code, URI hls, URI mp4) {
        String json = "{\"source\":\"" + hls + "\",\"direct_access_url\":\"" + mp4
                + "\",\"captions\":[],\"title\":\"" + code + "\",\"default_captions_language\":\"de\"}";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Watch " + code + "</title></head>\n"
                + "<body><div id=\"voe-player\" class=\"plyr-container\"></div>\n"
                + "<script type=\"application/json\">[\"" + VoeObfuscation.encode(json) + "\"]</script>\n"
                + "<script>/* player boots from the payload above */</script></body></html>\n";
    }

    /**
     * A Streamtape page: a decoy element with a wrong token, and {@code robotlink} built from a
     * string expression whose {@code substring} calls cut the junk off the real token.
     */
    static String streamtape(String code, String token, long expires) {
        String head = "id=" + code + "&expi";
        String tail = "res=" + expires + "&ip=demo&token=";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + code + ".mp4 - Streamtape</title></head>\n"
                + "<body><div id=\"ideoolink\" style=\"display:none;\">/streamtape.com/get_video?" + head + tail
                + "decoy</div>\n"
                + "<div id=\"robotlink\" style=\"display:none;\">/streamtape.com/get_video?" + head + tail
                + "decoy</div>\n"
                + "<video id=\"mainvideo\" playsinline></video>\n"
                + "<script>document.getElementById('ideoolink').innerHTML = \"/streamtape.com/get_video?" + head + tail
                + "\" + ('zzdecoy').substring(2);\n"
                + "document.getElementById('robotlink').innerHTML = '//streamtape.com/get_video?" + head
                + "' + ('xcd" + tail + token + "').substring(1).substring(2);\n"
                + "</script></body></html>\n";
    }
}
