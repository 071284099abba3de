package hk.hkgai.safety.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a policy YAML from a file or the classpath and compiles it. */
public final class PolicyLoader {
    public static final String BUNDLED = "policy/hk-policy.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private PolicyLoader() {
    }

    public static CompiledPolicy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file, e);
        }
    }

    public static CompiledPolicy loadBundled() {
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled policy " + BUNDLED + " is missing from the jar");
            }
            return parse(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompiledPolicy parse(InputStream in, String name) throws IOException {
        try {
            return CompiledPolicy.compile(YAML.readValue(in, PolicyDocument.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid policy " + name + ": " + e.getMessage(), e);
        }
    }
}
