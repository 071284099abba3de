package hk.hkgai.safety.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.contracts.common.v1.ChatMessage;
import hk.hkgai.safety.config.WarmUpConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the input guard over a spread of the classifier's own labelled examples (every language, attack form and
 * harmless surface it was trained on) before the service reports ready. A cold JVM decides the same texts two to
 * four times slower than a warm one: its regular expressions, normalizer readings and the ONNX session are
 * interpreted or unallocated until a few hundred requests have passed through them, and the first real users would
 * pay that. The verdicts are thrown away; nothing is published to the audit topic.
 *
 * <p>It runs on its own thread so that a slow start never blocks the gRPC server from binding; {@link #ready()}
 * gates the readiness probe instead. A failure is logged and counts as done: a guard that decides slowly for a
 * minute is better than one that never becomes ready.
 */
@ApplicationScoped
public class GuardWarmUp {
    private static final Logger LOG = Logger.getLogger(GuardWarmUp.class);
    static final List<String> SOURCES = List.of("classifier/train.jsonl", "classifier/train-extra.jsonl");

    private final InputGuard guard;
    private final int texts;
    private volatile boolean done;
    private volatile long millis = -1;
    private volatile int checked;

    public GuardWarmUp(InputGuard guard, WarmUpConfig config) {
        this.guard = guard;
        this.texts = config.texts();
    }

    void onStart(@Observes StartupEvent event) {
        if (texts <= 0) {
            done = true;
            return;
        }
        Thread thread = new Thread(this::run, "guard-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    void run() {
        long start = System.nanoTime();
        try {
            for (String text : sample(texts)) {
                guard.check(List.of(ChatMessage.newBuilder().setRole("user").setContent(text).build()));
                checked++;
            }
            millis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("input guard warmed up on %d texts in %d ms", checked, millis);
        } catch (RuntimeException | IOException e) {
            LOG.warnf("input guard warm-up stopped after %d texts (%s); serving anyway", checked, e.toString());
        } finally {
            done = true;
        }
    }

    public boolean ready() {
        return done;
    }

    public int checked() {
        return checked;
    }

    public long millis() {
        return millis;
    }

    /** About {@code n} texts taken at an even stride over the bundled examples, so every part of them is represented. */
    static List<String> sample(int n) throws IOException {
        List<String> all = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String source : SOURCES) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(source)) {
                if (in == null) {
                    continue;
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        all.add(json.readTree(line).path("text").asText());
                    }
                }
            }
        }
        if (all.size() <= n) {
            return all;
        }
        List<String> picked = new ArrayList<>(n);
        double stride = (double) all.size() / n;
        for (int i = 0; i < n; i++) {
            picked.add(all.get((int) (i * stride)));
        }
        return picked;
    }
}
