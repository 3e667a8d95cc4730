package dev.kanal.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FlareSolverr, the challenge solver the *arr stack uses: {@code POST <base>/v1} with
 * {@code {"cmd":"request.get","url":…,"maxTimeout":…}} answers {@code {"status":"ok","solution":
 * {"cookies":[…],"userAgent":…}}}. Its address is the user's own configuration (usually another
 * container), so it is reached directly, without the private-address guard.
 */
public final class FlareSolverr implements ChallengeSolver {
    private static final Logger log = LoggerFactory.getLogger(FlareSolverr.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final URI endpoint;
    private final Duration maxTimeout;
    private final OkHttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base FlareSolverr's base URL, e.g. {@code http://flaresolverr:8191}
     * @param maxTimeout how long FlareSolverr may work on one page
     */
    public FlareSolverr(URI base, Duration maxTimeout) {
        String b = base.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(b.endsWith("/v1") ? b : b + "/v1");
        this.maxTimeout = maxTimeout;
        this.client = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(maxTimeout.plusSeconds(15)).callTimeout(maxTimeout.plusSeconds(30)).build();
    }

    @Override
    public String name() {
        return "FlareSolverr";
    }

    @Override
    public Optional<Clearance> solve(URI url) {
        ObjectNode body = json.createObjectNode().put("cmd", "request.get").put("url", url.toString())
                .put("maxTimeout", maxTimeout.toMillis());
        Request request = new Request.Builder().url(endpoint.toString())
                .post(RequestBody.create(body.toString(), JSON)).build();
        long start = System.nanoTime();
        try (Response r = client.newCall(request).execute()) {
            JsonNode root = json.readTree(r.body().string());
            if (!r.isSuccessful() || root == null || !"ok".equalsIgnoreCase(root.path("status").asText())) {
                log.warn("flaresolverr failed host={} status={} message=\"{}\"", url.getHost(), r.code(),
                        root == null ? "" : root.path("message").asText(""));
                return Optional.empty();
            }
            JsonNode solution = root.path("solution");
            List<SolvedCookie> cookies = new ArrayList<>();
            for (JsonNode c : solution.path("cookies")) {
                String name = c.path("name").asText("");
                if (name.isEmpty()) continue;
                cookies.add(new SolvedCookie(name, c.path("value").asText(""),
                        c.path("domain").asText(url.getHost()), c.path("path").asText("/")));
            }
            String ua = solution.path("userAgent").asText("");
            log.info("flaresolverr solved host={} cookies={} took_ms={}", url.getHost(), cookies.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return Optional.of(new Clearance(cookies, ua.isBlank() ? null : ua));
        } catch (IOException | RuntimeException e) {
            log.warn("flaresolverr unreachable endpoint={} reason=\"{}\"", endpoint.getHost(), e.getMessage());
            return Optional.empty();
        }
    }
}
