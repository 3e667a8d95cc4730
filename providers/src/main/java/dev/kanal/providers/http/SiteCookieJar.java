package dev.kanal.providers.http;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * Keeps the cookies one site hands out (DDoS-Guard's {@code __ddg*}, Megakino's {@code yg} token,
 * Laravel sessions) for the life of that site's client. In memory only; cookie values are never
 * logged.
 */
final class SiteCookieJar implements CookieJar {
    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie c : received) {
            cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain())
                    && old.path().equals(c.path()));
            cookies.add(c);
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        long now = System.currentTimeMillis();
        cookies.removeIf(c -> c.expiresAt() < now);
        List<Cookie> matching = new ArrayList<>();
        for (Cookie c : cookies) {
            if (c.matches(url)) matching.add(c);
        }
        return matching;
    }

    /** How many cookies are held (tests and diagnostics; never their values). */
    synchronized int size() {
        return cookies.size();
    }
}
