package dev.kanal.providers.testing.hoster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dean Edwards p.a.c.k.e.r. packer for tests: packs any script the way Filemoon's and Luluvdo's
 * pages arrive, so the unpacker is proven on fresh input rather than on one captured sample.
 */
public final class Packer {
    private static final Pattern WORD = Pattern.compile("\\b\\w+\\b");
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Packer() {}

    /** Packs with radix 62, the packer's "Normal" mode. */
    public static String pack(String script) {
        return pack(script, 62);
    }

    /** Packs with the given radix (2–62); returns the whole {@code eval(function(p,a,c,k,e,d)…)} call. */
    public static String pack(String script, int radix) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Matcher words = WORD.matcher(script);
        while (words.find()) index.putIfAbsent(words.group(), index.size());
        List<String> keywords = new ArrayList<>();
        index.forEach((word, i) -> keywords.add(encode(i, radix).equals(word) ? "" : word));

        Matcher m = WORD.matcher(script);
        StringBuilder payload = new StringBuilder();
        while (m.find()) m.appendReplacement(payload, Matcher.quoteReplacement(encode(index.get(m.group()), radix)));
        m.appendTail(payload);

        String p = payload.toString().replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n");
        return "eval(function(p,a,c,k,e,d){e=function(c){return(c<a?'':e(parseInt(c/a)))+((c=c%a)>35?"
                + "String.fromCharCode(c+29):c.toString(36))};if(!''.replace(/^/,String)){while(c--){d[e(c)]=k[c]"
                + "||e(c)}k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};while(c--){if(k[c]){p=p."
                + "replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}return p}('" + p + "'," + radix + ","
                + keywords.size() + ",'" + String.join("|", keywords) + "'.split('|'),0,{}))";
    }

    /** The packer's number encoding: base-36 digits, then A–Z for 36–61. */
    static String encode(int n, int radix) {
        String digit = String.valueOf(DIGITS.charAt(n % radix));
        return n < radix ? digit : encode(n / radix, radix) + digit;
    }
}
