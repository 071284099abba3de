package hk.hkgai.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real OpenSearch node for the module under test, state in
 * {@code target/test-infra/opensearch}. Provides {@code hkgai.opensearch.url}
 * ({@code http://127.0.0.1:<port>}).
 *
 * <pre>{@code @QuarkusTestResource(OpenSearchTestResource.class)}</pre>
 *
 * Optional init args: {@code stateDir}, and {@code heap} ({@code OPENSEARCH_HEAP}, default 512m).
 */
public class OpenSearchTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalOpenSearch openSearch;
    private Path stateDir = LocalInfra.moduleStateDir("opensearch");
    private final Map<String, String> env = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("stateDir")) {
            stateDir = Path.of(initArgs.get("stateDir"));
        }
        if (initArgs.containsKey("heap")) {
            env.put("OPENSEARCH_HEAP", initArgs.get("heap"));
        }
    }

    @Override
    public Map<String, String> start() {
        openSearch = LocalOpenSearch.start(stateDir, env);
        return Map.of("hkgai.opensearch.url", openSearch.url());
    }

    @Override
    public void stop() {
        if (openSearch != null) {
            openSearch.stop();
            openSearch = null;
        }
    }
}
