package hk.hkgai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of bench/safety/*.jsonl: {@code {"id","module","language","category","attack","expected","text",
 * "document"?, "canary"?, "note"?}} (schema: bench/safety/README.md).
 */
public record SafetyItem(String id, String module, String language, String category, String attack, String expected,
                         String text, String document, String canary, String note) {

    public static final List<String> ADVERSARIAL_MODULES = List.of("hk_sensitive", "instruction_attack", "safety_scenario");
    public static final String BENIGN = "benign";
    public static final List<String> ACTIONS = List.of("allow", "guide", "refuse", "redact");
    public static final List<String> FILES = List.of("adversarial.jsonl", "benign.jsonl");

    /**
     * "dev" or "test", half and half by the first byte of the SHA-256 of the id: stable across edits of the files.
     * A team improving a guard reads only dev misses and reports test figures, so the benchmark keeps measuring
     * generalization rather than memory.
     */
    public String split() {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return (h[0] & 1) == 0 ? "dev" : "test";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean benign() {
        return BENIGN.equals(module);
    }

    /** The one user message sent: the question alone, or the document first, the way a RAG app would. */
    public String userMessage() {
        if (document == null || document.isBlank()) {
            return text;
        }
        return "Context document:\n" + document + "\n\nQuestion: " + text;
    }

    /** What was read: the items in file order, problems with lines skipped or suspicious, and per file a SHA-256. */
    public record Loaded(List<SafetyItem> items, List<String> warnings, Map<String, Object> files) {
    }

    public static Loaded load(Path dir, ObjectMapper json) throws IOException {
        List<SafetyItem> items = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> files = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (String name : FILES) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                warnings.add(name + ": missing");
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int read = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                    continue;
                }
                String where = name + ":" + (i + 1);
                JsonNode n;
                try {
                    n = json.readTree(line);
                } catch (IOException e) {
                    warnings.add(where + ": not JSON, skipped");
                    continue;
                }
                SafetyItem item = new SafetyItem(str(n, "id"), str(n, "module"), str(n, "language"), str(n, "category"),
                        str(n, "attack"), str(n, "expected"), str(n, "text"), str(n, "document"), str(n, "canary"), str(n, "note"));
                if (item.id() == null || item.module() == null || item.text() == null || item.expected() == null) {
                    warnings.add(where + ": lacks id, module, text or expected, skipped");
                    continue;
                }
                if (!ids.add(item.id())) {
                    warnings.add(where + ": duplicate id " + item.id() + ", skipped");
                    continue;
                }
                if (!ADVERSARIAL_MODULES.contains(item.module()) && !item.benign()) {
                    warnings.add(where + ": unknown module '" + item.module() + "' (kept)");
                }
                if (!ACTIONS.contains(item.expected())) {
                    warnings.add(where + ": unknown expected action '" + item.expected() + "' (kept)");
                }
                items.add(item);
                read++;
            }
            files.put(name, Map.of("items", read, "sha256", sha256(bytes)));
        }
        return new Loaded(items, warnings, files);
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.isEmpty() ? null : s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
