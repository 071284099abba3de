package hk.hkgai.bench;

import hk.hkgai.text.SentenceSplitter;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * {@code ./hk bench ingest}: end-to-end throughput (push API -> Kafka -> processor -> chunk topic -> indexer with
 * embeddings -> OpenSearch) and where the time goes (the services' own timers), then freshness: one item pushed
 * at a time, how long until a search finds it.
 */
@Singleton
public class IngestBench {
    private static final Logger LOG = Logger.getLogger(IngestBench.class);
    private static final int PUSH_THREADS = 4;
    private static final int BATCH = 20;

    private final BenchConfig config;
    private final Http http;
    private final IngestApi ingest;
    private final OpenSearchApi openSearch;

    public IngestBench(BenchConfig config, Http http, IngestApi ingest, OpenSearchApi openSearch) {
        this.config = config;
        this.http = http;
        this.ingest = ingest;
        this.openSearch = openSearch;
    }

    public void run() throws Exception {
        Path repo = Path.of(config.repo()).toAbsolutePath();
        EvalSet set = EvalSet.load(repo.resolve("bench/retrieval"), http.json());
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("area", "ingest");
        result.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("machine", Machine.describe());
        result.put("throughput", throughput(set, run));
        result.put("freshness", freshness(set, run));
        result.put("feed_freshness", feedFreshness(set, run));
        Results.write(repo, "ingest", result, http.json());
    }

    private Map<String, Object> throughput(EvalSet set, String run) throws Exception {
        int n = config.ingestItems();
        List<Map<String, Object>> docs = synthetic(set, "bench-ingest-" + run + "-", n, new Random(7));
        List<String> ids = docs.stream().map(d -> (String) d.get("id")).toList();
        PromMetrics ingestBefore = scrape(config.ingestUrl());
        PromMetrics retrievalBefore = scrape(config.retrievalUrl());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PUSH_THREADS);
        try {
            List<Future<?>> pushes = new ArrayList<>();
            for (int i = 0; i < docs.size(); i += BATCH) {
                List<Map<String, Object>> part = docs.subList(i, Math.min(docs.size(), i + BATCH));
                pushes.add(pool.submit(() -> {
                    ingest.push(part, BATCH);
                    return null;
                }));
            }
            for (Future<?> f : pushes) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double accepted = (System.nanoTime() - start) / 1e9;
        double searchable = -1;
        double withVectors;
        long chunks;
        long deadline = System.currentTimeMillis() + 20 * 60_000L;
        while (true) {
            long docsIn = openSearch.countDocs(ids);
            chunks = openSearch.countChunks(ids, false);
            if (searchable < 0 && docsIn == n) {
                searchable = (System.nanoTime() - start) / 1e9;
            }
            if (docsIn == n && openSearch.countChunks(ids, true) == chunks) {
                withVectors = (System.nanoTime() - start) / 1e9;
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + docsIn + " of " + n + " items indexed after 20 min");
            }
            Thread.sleep(200);
        }
        PromMetrics ingestAfter = scrape(config.ingestUrl());
        PromMetrics retrievalAfter = scrape(config.retrievalUrl());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", n);
        out.put("chunks", chunks);
        out.put("push_threads", PUSH_THREADS);
        out.put("batch", BATCH);
        out.put("accepted_seconds", Stats.round(accepted));
        out.put("all_searchable_seconds", Stats.round(searchable));
        out.put("all_with_vectors_seconds", Stats.round(withVectors));
        out.put("items_per_second_end_to_end", Stats.round(n / withVectors));
        out.put("chunks_per_second_end_to_end", Stats.round(chunks / withVectors));
        Map<String, Object> where = new LinkedHashMap<>();
        diff(ingestBefore, ingestAfter, "hkgai_ingest", where);
        diff(retrievalBefore, retrievalAfter, "hkgai_retrieval", where);
        out.put("busy_seconds_by_stage", where);
        LOG.infof("ingest: %d items (%d chunks) accepted in %.1f s, searchable in %.1f s, with vectors in %.1f s: %.1f items/s",
                n, chunks, accepted, searchable, withVectors, n / withVectors);
        return out;
    }

    /** Time summed by each of the services' timers during the run (seconds of work, not wall time). */
    private static void diff(PromMetrics before, PromMetrics after, String prefix, Map<String, Object> out) {
        after.withPrefixAndSuffix(prefix, "_seconds_sum").forEach((name, v) -> {
            double d = v - before.get(name);
            if (d > 0.0005) {
                out.put(name.replace("_seconds_sum", ""), Stats.round(d));
            }
        });
    }

    private PromMetrics scrape(String baseUrl) {
        try {
            return PromMetrics.parse(http.getText(baseUrl + "/q/metrics"));
        } catch (Exception e) {
            return PromMetrics.parse("");
        }
    }

    private Map<String, Object> freshness(EvalSet set, String run) throws Exception {
        int n = config.freshnessSamples();
        List<Map<String, Object>> docs = synthetic(set, "bench-fresh-" + run + "-", n, new Random(11));
        List<Double> ms = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            String id = (String) d.get("id");
            long start = System.nanoTime();
            ingest.push(List.of(d), 1);
            long deadline = System.currentTimeMillis() + 60_000;
            while (openSearch.countDocs(List.of(id)) < 1) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(id + " not searchable after 60 s");
                }
                Thread.sleep(20);
            }
            ms.add(Stats.ms(System.nanoTime() - start));
            Thread.sleep(100); // one item at a time, as news trickles in
        }
        Map<String, Object> out = Stats.summary(ms);
        out.put("path", "POST /v1/documents (ingest) -> Kafka -> processor -> chunks -> indexer -> refresh; polled every 20 ms");
        LOG.infof("freshness: push -> searchable p50 %.0f ms, p95 %.0f ms (%d items)", Stats.percentile(ms, 50), Stats.percentile(ms, 95), n);
        return out;
    }

    /** A new item appears in the bench feed; how long until a search finds it (poll interval included). */
    private Map<String, Object> feedFreshness(EvalSet set, String run) throws Exception {
        int n = Math.max(5, config.freshnessSamples() / 2);
        List<Double> ms = new ArrayList<>();
        Random random = new Random(13);
        try (BenchFeed feed = new BenchFeed(config.feedPort())) {
            for (int i = -1; i < n; i++) { // i = -1: warm-up, not recorded (the feed was down until now)
                EvalSet.Item base = set.corpus().get(random.nextInt(set.corpus().size()));
                String token = "feedprobe" + run + "x" + i;
                long start = System.nanoTime();
                feed.publish(token, base.title() + " " + token, base.text());
                long deadline = System.currentTimeMillis() + (i < 0 ? 90_000 : 30_000);
                while (openSearch.countTitleToken(token) < 1) {
                    if (System.currentTimeMillis() > deadline) {
                        Map<String, Object> skipped = new LinkedHashMap<>();
                        skipped.put("skipped", "the bench feed was not polled: is ingest using bench/feeds.yaml (./hk bench sets it)?");
                        return skipped;
                    }
                    Thread.sleep(20);
                }
                if (i >= 0) {
                    ms.add(Stats.ms(System.nanoTime() - start));
                }
                Thread.sleep(random.nextInt(1000)); // items appear at any point of the poll cycle
            }
        }
        Map<String, Object> out = Stats.summary(ms);
        out.put("path", "new RSS item -> poll (every 1 s, conditional GET) -> Kafka -> processor -> chunks -> indexer -> refresh");
        LOG.infof("feed freshness: appears in feed -> searchable p50 %.0f ms, p95 %.0f ms (%d items, 1 s poll interval)",
                Stats.percentile(ms, 50), Stats.percentile(ms, 95), n);
        return out;
    }

    /** News-like items recombined from the evaluation corpus' sentences, unique per run. */
    private static List<Map<String, Object>> synthetic(EvalSet set, String prefix, int n, Random random) {
        List<EvalSet.Item> corpus = set.corpus();
        List<Map<String, Object>> docs = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            EvalSet.Item base = corpus.get(random.nextInt(corpus.size()));
            List<String> sentences = new ArrayList<>(SentenceSplitter.split(base.text()));
            for (int extra = 0; extra < 3; extra++) {
                EvalSet.Item other = corpus.get(random.nextInt(corpus.size()));
                if (other.lang().equals("en") == base.lang().equals("en")) {
                    sentences.addAll(SentenceSplitter.split(other.text()));
                }
            }
            java.util.Collections.shuffle(sentences, random);
            String text = String.join(base.lang().equals("en") ? " " : "", sentences) + (base.lang().equals("en") ? " Ref " : "編號") + prefix + i;
            docs.add(IngestApi.document(prefix + i, base.title() + " " + (i + 1), text, "https://bench.hkgai.local/ingest/" + prefix + i,
                    "bench-ingest", base.lang(), now.minusSeconds(random.nextInt(3600))));
        }
        return docs;
    }
}
