package hk.hkgai.gateway.rest.dto;

import java.util.List;

/**
 * OpenAI's embeddings response. {@code embedding} is a float array, or a base64 string of little-endian float32
 * values when the request asked for {@code encoding_format: base64} (what the official SDKs ask for by default).
 */
public record EmbeddingList(String object, List<Item> data, String model, Usage usage) {

    public record Item(String object, int index, Object embedding) {
    }

    public record Usage(int promptTokens, int totalTokens) {
    }
}
