package hk.hkgai.ingest.text;

/** Length of a text in tokens of the embedding model, special tokens excluded. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
