package dev.kanal.arr;

import dev.kanal.KanalException;
import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Connect view's Sonarr/Radarr connections, behind the page's session: {@code GET /ui/api/arr}
 * lists them (never the API key), {@code POST /ui/api/arr/{n}/test} calls the arr's
 * {@code /api/v3/system/status} and says what answered.
 */
public final class ArrApi implements ApiGroup {
    private final List<ArrClient> arrs;

    public ArrApi(List<ArrClient> arrs) {
        this.arrs = List.copyOf(arrs);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/ui/api/arr", ctx -> ctx.json(IntStream.range(0, arrs.size()).mapToObj(this::row).toList()));
        routes.post("/ui/api/arr/{n}/test", this::test);
    }

    private Map<String, Object> row(int n) {
        var i = arrs.get(n).instance();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("name", i.name());
        m.put("url", i.url().toString());
        m.put("api_key_set", !i.apiKey().isBlank());
        return m;
    }

    private void test(Context ctx) {
        int n;
        try {
            n = Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new KanalException.BadRequest("n must be a number");
        }
        if (n < 0 || n >= arrs.size()) throw new KanalException.NotFound("no arr connection " + n);
        Map<String, Object> m = row(n);
        try {
            ArrClient.Status s = arrs.get(n).status();
            m.put("ok", true);
            m.put("message", s.appName() + " " + s.version() + " answered");
        } catch (ArrClient.ArrException e) {
            m.put("ok", false);
            m.put("message", e.getMessage());
        }
        ctx.json(m);
    }
}
