package hk.hkgai.inference.backend.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Hugging Face / Optimum ONNX export of a causal LM, as found on disk: {@code model.onnx} (with its external
 * data beside it), {@code tokenizer.json}, {@code tokenizer_config.json} (chat template, special tokens) and,
 * optionally, {@code generation_config.json} and {@code config.json}. Everything is checked when the folder is
 * opened, so a wrong mount fails the worker's start with a message that names the file, not a request later.
 */
public record ModelFolder(Path dir, Path model, Path tokenizer, String chatTemplate, Optional<String> bosToken,
                          String eosToken, Set<Long> stopTokenIds, GenerationDefaults defaults, int tokenizerVocab,
                          Architecture architecture) {
    static final String CHATML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
            + "message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /** Sampling defaults of the model's generation_config.json; 0 means not set. */
    public record GenerationDefaults(int topK, double topP, double repetitionPenalty) {
        static final GenerationDefaults NONE = new GenerationDefaults(0, 0, 0);
    }

    /** What the KV cache looks like, from config.json (the graph's past inputs must agree). */
    public record Architecture(String modelType, int layers, int kvHeads, int headDim, int vocab, int maxPositions) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ModelFolder open(Path dir, Optional<Path> chatTemplateFile) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidModelFolderException(dir, "is not a directory");
        }
        Path model = dir.resolve("model.onnx");
        if (!Files.isRegularFile(model)) {
            try (var files = Files.list(dir)) {
                List<String> onnx = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".onnx")).toList();
                throw new InvalidModelFolderException(dir, "has no model.onnx"
                        + (onnx.isEmpty() ? "" : " (found " + onnx + "; export with optimum-cli's text-generation-with-past task, or rename the merged decoder to model.onnx)"));
            } catch (IOException e) {
                throw new InvalidModelFolderException(dir, "cannot be listed: " + e.getMessage());
            }
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new InvalidModelFolderException(dir, "has no tokenizer.json (a fast tokenizer is required; save it with tokenizer.save_pretrained)");
        }
        JsonNode tokenizerJson = read(dir, tokenizer, true);
        JsonNode tokenizerConfig = read(dir, dir.resolve("tokenizer_config.json"), false);
        JsonNode generation = read(dir, dir.resolve("generation_config.json"), false);
        JsonNode config = read(dir, dir.resolve("config.json"), true);
        Architecture architecture = architecture(dir, config);

        Map<String, Long> specials = addedTokens(tokenizerJson);
        int vocab = vocabSize(tokenizerJson, specials);
        if (vocab == 0) {
            throw new InvalidModelFolderException(dir, "tokenizer.json has an empty vocabulary");
        }
        Set<Long> stops = new LinkedHashSet<>();
        JsonNode eos = generation.path("eos_token_id");
        if (eos.isArray()) {
            eos.forEach(n -> stops.add(n.asLong()));
        } else if (eos.isNumber()) {
            stops.add(eos.asLong());
        }
        tokenText(tokenizerConfig.path("eos_token")).map(specials::get).ifPresent(stops::add);
        if (stops.isEmpty()) {
            throw new InvalidModelFolderException(dir, "names no end-of-sequence token (eos_token_id in generation_config.json or eos_token in tokenizer_config.json)");
        }
        String template = chatTemplateFile.map(ModelFolder::readTemplate)
                .or(() -> chatTemplate(tokenizerConfig.path("chat_template")))
                .orElse(CHATML);
        GenerationDefaults defaults = new GenerationDefaults(generation.path("top_k").asInt(0),
                generation.path("top_p").asDouble(0), generation.path("repetition_penalty").asDouble(0));
        String eosToken = tokenText(tokenizerConfig.path("eos_token")).orElse("");
        return new ModelFolder(dir, model, tokenizer, template, tokenText(tokenizerConfig.path("bos_token")),
                eosToken, Set.copyOf(stops), defaults, vocab, architecture);
    }

    private static Architecture architecture(Path dir, JsonNode config) {
        int layers = config.path("num_hidden_layers").asInt(0);
        int heads = config.path("num_attention_heads").asInt(0);
        int kvHeads = config.path("num_key_value_heads").asInt(heads);
        int hidden = config.path("hidden_size").asInt(0);
        int headDim = config.path("head_dim").asInt(heads > 0 ? hidden / heads : 0);
        if (layers <= 0 || kvHeads <= 0 || headDim <= 0) {
            throw new InvalidModelFolderException(dir, "config.json lacks num_hidden_layers, num_attention_heads/"
                    + "num_key_value_heads or hidden_size (not a decoder-only transformer config?)");
        }
        return new Architecture(config.path("model_type").asText("unknown"), layers, kvHeads, headDim,
                config.path("vocab_size").asInt(0), config.path("max_position_embeddings").asInt(0));
    }

    private static JsonNode read(Path dir, Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new InvalidModelFolderException(dir, "has no " + file.getFileName());
            }
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidModelFolderException(dir, file.getFileName() + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String readTemplate(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read chat template " + file + ": " + e.getMessage(), e);
        }
    }

    /** A chat_template is a string, or (newer exports) a list of {name, template} where "default" is the chat one. */
    private static Optional<String> chatTemplate(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isArray()) {
            for (JsonNode t : node) {
                if ("default".equals(t.path("name").asText())) {
                    return Optional.of(t.path("template").asText());
                }
            }
        }
        return Optional.empty();
    }

    /** A special token in tokenizer_config.json is a string or an AddedToken object with "content". */
    private static Optional<String> tokenText(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isObject() && node.path("content").isTextual()) {
            return Optional.of(node.path("content").asText());
        }
        return Optional.empty();
    }

    private static Map<String, Long> addedTokens(JsonNode tokenizer) {
        Map<String, Long> added = new java.util.HashMap<>();
        for (JsonNode t : tokenizer.path("added_tokens")) {
            added.put(t.path("content").asText(), t.path("id").asLong());
        }
        return added;
    }

    /** One more than the highest token id the tokenizer can produce; logits beyond it are never sampled. */
    private static int vocabSize(JsonNode tokenizer, Map<String, Long> added) {
        long max = -1;
        JsonNode vocab = tokenizer.path("model").path("vocab");
        if (vocab.isObject()) {
            for (Iterator<JsonNode> it = vocab.elements(); it.hasNext(); ) {
                max = Math.max(max, it.next().asLong());
            }
        } else if (vocab.isArray()) { // Unigram: [[piece, score], ...]
            max = vocab.size() - 1;
        }
        for (long id : added.values()) {
            max = Math.max(max, id);
        }
        return (int) (max + 1);
    }

    /** The folder's problem, named for an operator. */
    public static final class InvalidModelFolderException extends IllegalStateException {
        public InvalidModelFolderException(Path dir, String problem) {
            super("ONNX model folder " + dir + " " + problem);
        }
    }

}
