package hk.hkgai.safety.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.embeddings.StaticEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The whole English words of the bundled all-MiniLM-L6-v2 tokenizer (about 21,700 lower-case words), to tell which
 * reading of a digit is meant: "k111" is "kill" and "r3v01u7i0n" "revolution" (1 as l), "1gn0re" is "ignore" (1 as
 * i). A dictionary of our own would be one more file to keep; the tokenizer's vocabulary is the English the
 * classifier already reads. Without that resource on the class path the set is empty and readings fall back to
 * the default letter for each digit.
 */
final class EnglishWords {
    private static final Set<String> WORDS = load();
    /** Two-letter words, which the vocabulary lookup leaves out (too many two-letter tokens are not words). */
    static final Set<String> SHORT = Set.of("to", "at", "in", "on", "of", "is", "it", "be", "go", "do", "so", "no", "an",
            "as", "by", "if", "me", "my", "up", "us", "we", "he", "or", "am", "ok");

    private EnglishWords() {
    }

    /** A lower-case word of at least three letters that the vocabulary holds, or holds without a plural "s". */
    static boolean known(String word) {
        return word.length() >= 3 && (WORDS.contains(word) || (word.endsWith("s") && WORDS.contains(word.substring(0, word.length() - 1))));
    }

    private static Set<String> load() {
        try (InputStream in = EnglishWords.class.getClassLoader().getResourceAsStream(StaticEmbedder.MINILM_L6.tokenizerResource())) {
            if (in == null) {
                return Set.of();
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (Iterator<String> it = vocab.fieldNames(); it.hasNext(); ) {
                String token = it.next();
                if (token.length() >= 3 && token.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    words.add(token);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            return Set.of();
        }
    }
}
