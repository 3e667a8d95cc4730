package dev.kanal.providers.testing.hoster;

import java.net.URI;
import java.util.List;

/**
 * Embed pages shaped like each hoster's (element names, script shapes and markers from the
 * research notes), generated around a given media URL. Every page is synthetic: the obfuscation is
 * applied here by the test-side encoders, never copied from a capture.
 */
public final class HosterPages {
    private HosterPages() {}

    // ---- VOE -------------------------------------------------------------------------------

    /** The player JSON VOE hides: {@code source} (HLS) and an MP4 {@code direct_access_url}. */
    public static String voePlayerJson(URI hls, URI mp4) {
        return "{\"source\":\"" + hls + "\",\"direct_access_url\":\"" + mp4
                + "\",\"captions\":[],\"default_captions_language\":\"de\"}";
    }

    /** 2025+ player page: the payload in {@code <script type="application/json">["…"]</script>}. */
    public static String voeJsonPayloadPage(String playerJson, List<String> junk) {
        return "<!DOCTYPE html><html><head><title>Watch example-file</title></head><body>"
                + "<div id=\"voe-player\"></div>\n"
                + "<script type=\"application/json\">[\"" + VoeEncoder.encode(playerJson, junk) + "\"]</script>\n"
                + "<script src=\"/js/loader.3f2a9c.js\"></script></body></html>";
    }

    /** A {@code /js/loader.*.js} body that defines the junk-token list among other arrays. */
    public static String voeLoaderScript(List<String> junk) {
        StringBuilder items = new StringBuilder();
        for (String j : junk) items.append(items.isEmpty() ? "" : ", ").append('\'').append(j).append('\'');
        return "(function(){var q=['play','pause'];var z=[" + items + "];window.__l=function(s){return z;};})();";
    }

    /** The same payload in a randomly named script variable. */
    public static String voeVarPayloadPage(String playerJson) {
        return "<html><body><script>let player = null; var MKGMa=\"" + VoeEncoder.encode(playerJson)
                + "\"; init(MKGMa);</script></body></html>";
    }

    /** 2024: {@code var a168c='<base64 of reversed JSON>'}. */
    public static String voeA168cPage(String playerJson) {
        return "<html><body><script>var a168c='" + VoeEncoder.encodeA168c(playerJson)
                + "'; sources = JSON.parse(atob(a168c).split('').reverse().join(''));</script></body></html>";
    }

    /** 2023: {@code 'hls': '<value>'} with a plain URL or its base64. */
    public static String voeHlsPage(String value) {
        return "<html><body><script>var sources = {\n 'hls': '" + value + "',\n 'video_height': 1080\n};</script>"
                + "</body></html>";
    }

    /** {@code var wc0 = '<base64>'}. */
    public static String voeWc0Page(String base64) {
        return "<html><body><script>var wc0 = '" + base64 + "';</script></body></html>";
    }

    /** The redirect page VOE serves on {@code voe.sx} before the vanity domain. */
    public static String voeRedirectPage(URI target) {
        return "<html><head><title>Redirecting...</title></head><body><script>"
                + "const currentUrl = window.location.href;\n"
                + "if (currentUrl.indexOf('x') < 0) { window.location.href = '" + target + "'; }</script>"
                + "</body></html>";
    }

    /** VOE's maintenance page. */
    public static String voeMaintenancePage() {
        return "<html><head><title>Maintenance Mode</title></head><body><h1>We are back soon</h1></body></html>";
    }

    // ---- Filemoon --------------------------------------------------------------------------

    /** The legacy embed page: a packed JWPlayer setup whose {@code file} is the media URL. */
    public static String filemoonPackedPage(URI media) {
        String setup = "jwplayer(\"vplayer\").setup({sources:[{file:\"" + media + "\"}],"
                + "image:\"https://img.example.test/poster.jpg\",width:\"100%\",height:\"100%\","
                + "tracks:[{file:\"https://img.example.test/thumbs.vtt\",kind:\"thumbnails\"}]});";
        return "<html><head><title>Watch example-file</title></head><body><div id=\"vplayer\"></div>\n"
                + "<script data-cfasync=\"false\" type=\"text/javascript\">" + Packer.pack(setup) + "</script>"
                + "</body></html>";
    }

    /** The download page that only embeds the player in an iframe. */
    public static String iframePage(URI player) {
        return "<html><body><h1>example-file.mp4</h1><iframe src=\"" + player
                + "\" frameborder=\"0\" allowfullscreen></iframe></body></html>";
    }

    // ---- shared -----------------------------------------------------------------------------

    /** A Cloudflare "Just a moment" interstitial. */
    public static String cloudflareChallengePage() {
        return "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>";
    }

    /** A page with the given text and no player. */
    public static String textPage(String title, String text) {
        return "<html><head><title>" + title + "</title></head><body><h1>" + text + "</h1></body></html>";
    }

    /** A page that looks alive but carries no player script at all. */
    public static String emptyPlayerPage() {
        return "<html><head><title>Watch</title></head><body><div id=\"player\"></div>"
                + "<script>console.log('ready');</script></body></html>";
    }
}
