package hk.hkgai.testinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real single-node OpenSearch 2.19.6 (k-NN, neural-search, analysis-common, lang-painless; security off)
 * on 127.0.0.1 (free ports), run by {@code deploy/local/opensearch.sh} with {@code HK_STATE_DIR=stateDir}.
 * Installs are shared ({@code HK_DIST_DIR} keeps its default {@code <repo>/.hk/dist}). The config dir has
 * {@code analysis/t2s.txt}, a Traditional->Simplified mapping for a {@code mapping} char_filter
 * ({@code "mappings_path": "analysis/t2s.txt"}). Starting the same state dir twice in one JVM returns the
 * running node; it stops when every user has called {@link #stop()}, or when the JVM exits.
 */
public final class LocalOpenSearch extends ScriptedProcess {

    private final int port;

    private LocalOpenSearch(Path stateDir, Map<String, String> env, int requestedPort) {
        super(LocalInfra.OPENSEARCH_SCRIPT, stateDir, env);
        this.port = recordedPort("opensearch.port", requestedPort);
    }

    /** Starts (or joins) the node of {@code stateDir} on free loopback ports. */
    public static LocalOpenSearch start(Path stateDir) {
        return start(stateDir, Map.of());
    }

    /**
     * Starts (or joins) the node of {@code stateDir}; {@code extraEnv} is passed to the script
     * (e.g. {@code OPENSEARCH_HEAP}).
     */
    public static LocalOpenSearch start(Path stateDir, Map<String, String> extraEnv) {
        return startShared(LocalInfra.OPENSEARCH_SCRIPT, stateDir, dir -> {
            int port = LocalInfra.freePort();
            Map<String, String> env = new HashMap<>(extraEnv);
            env.put("OPENSEARCH_PORT", Integer.toString(port));
            env.put("OPENSEARCH_TRANSPORT_PORT", Integer.toString(LocalInfra.freePort()));
            return new LocalOpenSearch(dir, env, port);
        });
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the node of {@code stateDir} (keeping its data) for an outage test; see {@link #resume}. */
    public static void pause(Path stateDir) {
        stopServer(LocalInfra.OPENSEARCH_SCRIPT, stateDir);
    }

    /** Starts it again after {@link #pause}, on the same ports. */
    public static void resume(Path stateDir) {
        startServerAgain(LocalInfra.OPENSEARCH_SCRIPT, stateDir);
    }

    @Override
    public String toString() {
        return "LocalOpenSearch[" + url() + ", " + stateDir() + "]";
    }
}
