package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker restarts in the middle of a burst of pushed documents. A client that retries what was not
 * accepted (202) with the same id, as the API asks, ends up with every document searchable exactly once:
 * producers wait out the outage, consumers resume from their committed offsets, ids make replays idempotent.
 */
class BrokerRestartIT {
    private static final int BURST = 50; // at most k (50), so one search lists them all
    private static final long SPACING_MS = 300;
    private static Mesh mesh;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        api = new Api(mesh);
    }

    @Test
    void everyDocumentOfABurstIsSearchableExactlyOnceAfterABrokerRestart() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        CompletableFuture<Void> pusher = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < BURST; i++) {
                pushUntilAccepted(i, retried);
                accepted.incrementAndGet();
                sleep(SPACING_MS); // a burst that lasts long enough for the restart to land in its middle
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= BURST / 4 || pusher.isDone());
        int acceptedBeforeRestart = accepted.get();
        mesh.restartKafka(Duration.ofSeconds(2));
        int acceptedWhenBack = accepted.get();
        pusher.get();
        assertThat(acceptedBeforeRestart).isGreaterThan(0);
        assertThat(acceptedWhenBack).as("the restart happened in the middle of the burst").isLessThan(BURST);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Api.Reply r = api.get("/v1/search?q=broker%20restart%20drill&k=50&source=burst-test&duplicates=true", mesh.devKey);
            assertThat(r.status()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            for (JsonNode result : r.body().get("results")) {
                ids.add(result.get("doc_id").asText());
            }
            assertThat(ids).hasSize(BURST).doesNotHaveDuplicates();
        });
        System.out.printf("[e2e] broker restart: %d documents, restart began after %d and ended after %d accepted, %d pushes retried%n",
                BURST, acceptedBeforeRestart, acceptedWhenBack, retried.get());
    }

    private static void pushUntilAccepted(int i, AtomicInteger retried) {
        ObjectNode doc = Api.JSON.createObjectNode().put("id", "burst-" + i).put("title", "Broker restart drill item " + i)
                .put("text", "The operations team ran broker restart drill number " + i + " in Kwun Tong. Every pushed "
                        + "bulletin must be searchable exactly once after the message broker comes back.")
                .put("source", "burst-test").put("lang", "en").put("published_at", Instant.now().toString());
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                Api.Reply r = api.post("/v1/documents", Api.JSON.writeValueAsString(doc));
                if (r.status() == 202) {
                    return;
                }
                if (r.status() < 500) {
                    throw new IllegalStateException("push rejected: " + r.status() + " " + r.body());
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                // connection trouble: retry like any client of an idempotent API
            }
            retried.incrementAndGet();
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("burst-" + i + " not accepted within 120 s");
            }
            sleep(500);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
