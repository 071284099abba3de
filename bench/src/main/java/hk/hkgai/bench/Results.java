package hk.hkgai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** bench/results/&lt;area&gt;.json */
public final class Results {
    private Results() {
    }

    public static Path write(Path repo, String area, Map<String, Object> result, ObjectMapper json) throws IOException {
        Path dir = repo.resolve("bench/results");
        Files.createDirectories(dir);
        Path file = dir.resolve(area + ".json");
        Files.writeString(file, json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result) + "\n");
        System.out.println("wrote " + repo.relativize(file));
        return file;
    }
}
