package hk.hkgai.bench;

import com.google.protobuf.Timestamp;
import hk.hkgai.contracts.Topics;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.text.SentenceSplitter;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Synthetic chunks for the latency measurement at scale (100k by default), sent to the chunk topic so they go
 * through the real indexer. Text is recombined sentences of the evaluation corpus with numbers changed (realistic
 * term statistics for BM25 in all three scripts); each vector is the normalized sum of its sentences' real bge
 * vectors plus noise, because embedding 100k chunks on 2 cores would take longer than the whole benchmark. They
 * carry source "bench-filler" so they can be counted and never cited as evaluation answers.
 */
@Singleton
public class FillerChunks {
    private static final Logger LOG = Logger.getLogger(FillerChunks.class);
    static final String SOURCE = "bench-filler";

    private final BenchConfig config;
    private final OpenSearchApi openSearch;
    private final Embedder embedder;

    public FillerChunks(BenchConfig config, OpenSearchApi openSearch, Embedder embedder) {
        this.config = config;
        this.openSearch = openSearch;
        this.embedder = embedder;
    }

    private record Sentence(String text, String lang, float[] vector) {
    }

    /** Makes sure {@code n} filler chunks are indexed; returns what it measured. */
    public Map<String, Object> ensure(EvalSet set, int n) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long existing = openSearch.countSource(SOURCE);
        out.put("chunks", n);
        if (existing >= n) {
            LOG.infof("%d filler chunks already indexed (kept from an earlier run)", existing);
            out.put("reused", true);
            return out;
        }
        List<Sentence> pool = sentences(set);
        LOG.infof("sending %d filler chunks built from %d corpus sentences", n, pool.size());
        Random random = new Random(42);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        long start = System.nanoTime();
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                Chunk c = chunk(i, pool, random, now);
                producer.send(new ProducerRecord<>(Topics.NEWS_CHUNKS, c.getDocId(), c.toByteArray()));
            }
            producer.flush();
        }
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 30 * 60_000L;
        long count;
        while ((count = openSearch.countSource(SOURCE)) < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + count + " of " + n + " filler chunks indexed after 30 min");
            }
            Thread.sleep(1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.put("reused", false);
        out.put("kafka_send_seconds", Stats.round(sentSeconds));
        out.put("indexed_seconds", Stats.round(seconds));
        out.put("indexing_chunks_per_second", Stats.round(n / seconds));
        LOG.infof("%d filler chunks searchable after %.1f s (%.0f chunks/s through Kafka and the indexer)", n, seconds, n / seconds);
        return out;
    }

    private List<Sentence> sentences(EvalSet set) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        for (EvalSet.Item item : set.corpus()) {
            for (String s : SentenceSplitter.split(item.text())) {
                if (s.strip().length() >= 8) {
                    texts.add(s.strip());
                    langs.add(item.lang().equals("en") ? "en" : "zh");
                }
            }
        }
        List<float[]> vectors = embedder.embed(texts);
        List<Sentence> pool = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            pool.add(new Sentence(texts.get(i), langs.get(i), vectors.get(i)));
        }
        return pool;
    }

    private static Chunk chunk(int i, List<Sentence> pool, Random random, Instant now) {
        Sentence first = pool.get(random.nextInt(pool.size()));
        List<Sentence> parts = new ArrayList<>(List.of(first));
        int want = 2 + random.nextInt(3);
        while (parts.size() < want) {
            Sentence s = pool.get(random.nextInt(pool.size()));
            if (s.lang().equals(first.lang())) {
                parts.add(s);
            }
        }
        StringBuilder text = new StringBuilder();
        float[] v = new float[first.vector().length];
        for (Sentence s : parts) {
            text.append(s.lang().equals("en") && text.length() > 0 ? " " : "").append(s.text());
            for (int d = 0; d < v.length; d++) {
                v[d] += s.vector()[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (random.nextGaussian() * 0.02);
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        String body = changeNumbers(text.toString(), random);
        String id = "bench-filler-" + i;
        Chunk.Builder c = Chunk.newBuilder().setDocId(id).setChunkId(id + "#0").setChunkIndex(0).setChunkCount(1)
                .setTitle(body.substring(0, Math.min(24, body.length())))
                .setText(body).setUrl("https://bench.hkgai.local/filler/" + i).setSource(SOURCE)
                .setLanguage(first.lang().equals("en") ? "en" : "zh-Hant").setClusterId(id)
                .setPublishedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond() - random.nextInt(90 * 86400)));
        for (float x : v) {
            c.addEmbedding((float) (x / norm));
        }
        return c.build();
    }

    private static String changeNumbers(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            out.append(ch >= '0' && ch <= '9' ? (char) ('0' + random.nextInt(10)) : ch);
        }
        return out.toString();
    }
}
