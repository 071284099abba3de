package hk.hkgai.embeddings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DJL is configured through environment variables or system properties only. This sets the ones this service
 * relies on, before DJL's classes first read them, unless the operator has set them already.
 */
public final class DjlEnvironment {
    private DjlEnvironment() {
    }

    public static synchronized void prepare(Path cacheDir) throws IOException {
        Files.createDirectories(cacheDir);
        // Extracted native libraries go here; the default (~/.djl.ai) may not be writable in a container.
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
        // No network here: never try to download a model, a native library or a CUDA flavour ...
        setIfAbsent("ai.djl.offline", "true", "DJL_OFFLINE");
        // ... nor send DJL's usage telemetry.
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // The tokenizers jar also registers a Rust engine; arrays must be made by ONNX Runtime.
        setIfAbsent("ai.djl.default_engine", "OnnxRuntime", "DJL_DEFAULT_ENGINE");
        // Only array creation and reading are used: no second engine is needed for unsupported operators.
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
    }

    private static void setIfAbsent(String property, String value) {
        setIfAbsent(property, value, property);
    }

    private static void setIfAbsent(String property, String value, String env) {
        if (System.getenv(env) == null && System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
