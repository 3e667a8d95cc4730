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

    /**
     * The payload as a bare JSON string rather than an array, with {@code @} and {@code ^} written
     * as JSON unicode escapes, as some builds serve it.
     */
    public static String voeBareJsonPayloadPage(String playerJson) {
        String escaped = VoeEncoder.encode(playerJson).replace("@", "\\u0040").replace("^", "\\u005e");
        return "<html><body><script type=\"application/json\" id=\"payload\">\"" + escaped + "\"</script></body></html>";
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

    // ---- Doodstream ------------------------------------------------------------------------

    /** The embed page: {@code $.get('/pass_md5/…/<token>')} and {@code makePlay} appending the token. */
    public static String doodEmbedPage(String passMd5Path, String token) {
        return "<html><head><title>example-file 720p - DoodStream</title></head><body><video id=\"video_player\"></video>"
                + "<script>\n$.get('" + passMd5Path + "', function(data) { dsplayer.src(makePlay(data)); });\n"
                + "function makePlay(a){ var t=\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\";\n"
                + "  for (var i=0;i<10;i++){ a += t.charAt(Math.floor(Math.random()*t.length)); }\n"
                + "  return a + \"?token=" + token + "&expiry=\" + Date.now(); }\n</script></body></html>";
    }

    /** Doodstream's captcha gate. */
    public static String doodCaptchaPage() {
        return "<html><body><form action=\"/e/x?op=validate&gc_response=\"><div class=\"g-recaptcha\" "
                + "data-sitekey=\"6Lexample\"></div></form><video></video></body></html>";
    }

    // ---- Streamtape ------------------------------------------------------------------------

    /**
     * The classic page: the real link spliced as {@code '<head>' + ('xcd<tail>').substring(1).substring(2)}
     * into {@code robotlink}, whose visible text holds a decoy token.
     */
    public static String streamtapeClassicPage(String host, String query, String decoyQuery) {
        String link = "//" + host + "/get_video?" + query;
        int cut = link.indexOf("&ex") + 3;
        return "<html><body><div id=\"robotlink\" style=\"display:none;\">/" + host + "/get_video?" + decoyQuery
                + "</div>\n<script>\ndocument.getElementById('robotlink').innerHTML = '" + link.substring(0, cut)
                + "'+ ('xcd" + link.substring(cut) + "').substring(1).substring(2);\n</script></body></html>";
    }

    /**
     * The 2026 page: three hidden elements with decoy tokens, decoy assignments to two of them, the
     * real expression assigned to {@code botlink}, which the player reads.
     */
    public static String streamtapeDecoyPage(String host, String query, String decoyQuery) {
        String real = "//" + host + "/get_video?" + query;
        String decoy = "//" + host + "/get_video?" + decoyQuery;
        int cut = real.indexOf("get_vid") + 7;
        int decoyCut = decoy.indexOf("&ex") + 3;
        return "<html><body>\n"
                + "<div id=\"ideoolink\" style=\"display:none;\">/" + host + "/get_video?" + decoyQuery + "</div>\n"
                + "<div id=\"botlink\" style=\"display:none;\">/" + host + "/get_video?" + decoyQuery + "</div>\n"
                + "<div id=\"robotlink\" style=\"display:none;\">/" + host + "/get_video?" + decoyQuery + "</div>\n"
                + "<script>\n"
                + "document.getElementById('robotlink').innerHTML = '" + decoy.substring(0, decoyCut)
                + "'+ ('xcd" + decoy.substring(decoyCut) + "').substring(1).substring(2);\n"
                + "document.getElementById('ideoolink').innerHTML = \"" + decoy.substring(0, 9) + "\" + (\"qq"
                + decoy.substring(9) + "\").substr(2);\n"
                + "document.getElementById('botlink').innerHTML = '" + real.substring(0, cut) + "' + ('ab"
                + real.substring(cut, cut + 5) + "').substring(2).concat(('zz" + real.substring(cut + 5)
                + "').slice(2));\n"
                + "</script>\n<script>var v = document.getElementById('botlink').innerHTML;\n"
                + "player.src({src: 'https:' + v + '&stream=1', type: 'video/mp4'});</script></body></html>";
    }

    // ---- Vidoza, Vidmoly, Luluvdo, GXPlayer --------------------------------------------------

    /** Vidoza's player page with {@code sourcesCode} and the {@code <source>} tag. */
    public static String vidozaPage(URI mp4) {
        return "<html><body><video id=\"player\" class=\"video-js\"><source src=\"" + mp4
                + "\" type=\"video/mp4\"></video>\n<script>window.pData = { v: 1 };\n"
                + "var player = videojs('player', { sourcesCode: [{ src: \"" + mp4
                + "\", type: \"video/mp4\", label: \"SD\", res: \"720\"}], autoplay: false });</script></body></html>";
    }

    /** Vidmoly's page: a plain JWPlayer setup with an HLS master. */
    public static String vidmolyPage(URI hls) {
        return "<html><body><div id=\"vplayer\"></div><script>\nvar player = jwplayer('vplayer');\n"
                + "player.setup({ sources: [{file:\"" + hls + "\"}], image: \"https://img.example.test/p.jpg\", "
                + "tracks: [{file: \"https://img.example.test/sub.vtt\", kind: \"captions\"}] });\n</script></body></html>";
    }

    /** Luluvdo's {@code /dl} player page, packed. */
    public static String luluvdoPage(URI hls) {
        String setup = "jwplayer(\"vplayer\").setup({file:\"" + hls + "\",image:\"https://img.example.test/x.jpg\"});";
        return "<html><body><div id=\"vplayer\"></div><script type=\"text/javascript\">" + Packer.pack(setup, 36)
                + "</script></body></html>";
    }

    /** GXPlayer's watch page with its JSON-ish config. */
    public static String gxPlayerPage(String id, String uid, String md5) {
        return "<html><body><div id=\"player\"></div><script>var video = {\"id\":\"" + id + "\",\"uid\":\"" + uid
                + "\",\"md5\":\"" + md5 + "\",\"status\":\"ok\"};</script></body></html>";
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
