package hk.hkgai.safety.classifier;

import hk.hkgai.embeddings.StaticEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text's embedding through distilled token tables: bge-small-zh's alone ({@value ClassifierModel#STATIC}), or
 * bge-small-zh's followed by all-MiniLM-L6-v2's ({@value ClassifierModel#STATIC_BILINGUAL}). bge-small-zh's
 * vocabulary is Chinese and splits English into pieces that carry little meaning; MiniLM reads English words as
 * words, so "attack someone with a blade" lands near "stab my neighbour". Each part is L2-normalized on its own, so
 * neither outweighs the other before the model standardizes them. Thread-safe.
 */
final class StaticReading implements AutoCloseable {
    private final StaticEmbedder chinese;
    private final StaticEmbedder english; // null: bge-small-zh only

    private StaticReading(StaticEmbedder chinese, StaticEmbedder english) {
        this.chinese = chinese;
        this.english = english;
    }

    static StaticReading load(String encoder, Path cache) throws IOException {
        StaticEmbedder chinese = StaticEmbedder.load(StaticEmbedder.BGE_SMALL_ZH, cache);
        if (!ClassifierModel.STATIC_BILINGUAL.equals(encoder)) {
            return new StaticReading(chinese, null);
        }
        try {
            return new StaticReading(chinese, StaticEmbedder.load(StaticEmbedder.MINILM_L6, cache));
        } catch (IOException | RuntimeException e) {
            chinese.close();
            throw e;
        }
    }

    float[] embed(String text) {
        float[] zh = chinese.embed(text);
        return english == null ? zh : concat(zh, english.embed(text));
    }

    /**
     * The whole text's vector, then one per window of {@code window} tokens every {@code stride} (see {@link
     * StaticEmbedder#embedWithWindows}). The two tokenizers cut a text into different numbers of tokens, so each
     * of bge's windows is paired with the MiniLM window at the same relative place in the text.
     */
    List<float[]> embedWithWindows(String text, int window, int stride) {
        List<float[]> zh = chinese.embedWithWindows(text, window, stride);
        if (english == null) {
            return zh;
        }
        List<float[]> en = english.embedWithWindows(text, window, stride);
        List<float[]> out = new ArrayList<>(zh.size());
        out.add(concat(zh.get(0), en.get(0)));
        int zhWindows = zh.size() - 1;
        int enWindows = en.size() - 1;
        for (int i = 1; i <= zhWindows; i++) {
            // window i of bge's (1-based) maps to the MiniLM window at the same fraction of the text
            int j = enWindows == 0 ? 0 : 1 + (int) Math.round((double) (i - 1) * (enWindows - 1) / Math.max(1, zhWindows - 1));
            out.add(concat(zh.get(i), en.get(Math.min(j, en.size() - 1))));
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() {
        chinese.close();
        if (english != null) {
            english.close();
        }
    }
}
