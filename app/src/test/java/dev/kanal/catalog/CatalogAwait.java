package dev.kanal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kanal.Json;
import dev.kanal.testing.TestKanal;
import java.util.function.Predicate;

/** Waits (polling, bounded) until {@code /health/catalog} satisfies a condition; fails with the last answer. */
public final class CatalogAwait {
    private CatalogAwait() {}

    public static JsonNode until(TestKanal kanal, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = kanal.get("/health/catalog").body();
            try {
                JsonNode node = Json.mapper().readTree(last);
                if (condition.test(node)) return node;
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (Exception e) {
                throw new AssertionError("bad /health/catalog: " + last, e);
            }
        }
        throw new AssertionError("catalog never reached the condition; last /health/catalog: " + last);
    }

    /** Every site's titles, details and mapping stages ready. */
    public static JsonNode fullyReady(TestKanal kanal) {
        return until(kanal, n -> {
            if (!n.path("ready").asBoolean()) return false;
            for (JsonNode site : n.path("sites")) {
                if (!site.path("stages").path("mapping").path("state").asText().equals("ready")) return false;
            }
            return true;
        });
    }
}
