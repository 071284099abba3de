package hk.hkgai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The retrieval evaluation set the project writes: bench/retrieval/corpus-*.jsonl and queries-*.jsonl. */
public record EvalSet(List<Item> corpus, List<EvalQuery> queries) {

    public record Item(String id, String title, String text, String url, String source, String lang, int ageHours) {
    }

    public record EvalQuery(String id, String query, String lang, Set<String> relevant, boolean preferRecent,
                            String pair, String kind) {
    }

    public static EvalSet load(Path dir, ObjectMapper json) throws IOException {
        List<Item> corpus = new ArrayList<>();
        List<EvalQuery> queries = new ArrayList<>();
        for (Path f : files(dir, "corpus-")) {
            for (JsonNode n : lines(f, json)) {
                corpus.add(new Item(n.get("id").asText(), n.get("title").asText(), n.get("text").asText(),
                        n.get("url").asText(), n.get("source").asText(), n.get("lang").asText(), n.get("age_hours").asInt()));
            }
        }
        for (Path f : files(dir, "queries-")) {
            for (JsonNode n : lines(f, json)) {
                Set<String> relevant = new java.util.LinkedHashSet<>();
                n.get("relevant").forEach(r -> relevant.add(r.asText()));
                queries.add(new EvalQuery(n.get("id").asText(), n.get("query").asText(), n.get("lang").asText(),
                        relevant, n.path("prefer_recent").asBoolean(false), n.path("pair").asText(""), n.path("kind").asText("")));
            }
        }
        return new EvalSet(corpus, queries);
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static List<JsonNode> lines(Path f, ObjectMapper json) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }
}
