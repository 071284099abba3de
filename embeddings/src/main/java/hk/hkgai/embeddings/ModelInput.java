package hk.hkgai.embeddings;

import hk.hkgai.text.TextNormalizer;
import java.util.Locale;

/**
 * The model's input form: NFKC (full-width letters become ASCII) and lower case, because the bge tokenizer does
 * not lower-case and its vocabulary is lower case (upper-case English would become [UNK]). One place, so token
 * counts (ingest) and embeddings (retrieval, inference) see the same text.
 */
public final class ModelInput {
    private ModelInput() {
    }

    public static String prepare(String text) {
        return TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
    }
}
