package hk.hkgai.bench;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * {@code bench retrieval|ingest|gateway|safety [options]}: run one benchmark area against the mesh ./hk bench started
 * (safety: against the local mesh or any OpenAI-compatible endpoint; options after the area, see SafetyBench).
 */
@QuarkusMain
public class BenchMain implements QuarkusApplication {
    @Inject
    RetrievalBench retrieval;

    @Inject
    IngestBench ingest;

    @Inject
    GatewayBench gateway;

    @Inject
    SafetyBench safety;

    @Override
    public int run(String... args) throws Exception {
        String area = args.length == 0 ? "" : args[0];
        switch (area) {
            case "retrieval" -> retrieval.run();
            case "ingest" -> ingest.run();
            case "gateway" -> gateway.run();
            case "safety" -> {
                return safety.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            }
            default -> {
                System.err.println("usage: bench retrieval|ingest|gateway|safety");
                return 2;
            }
        }
        return 0;
    }
}
