package hk.hkgai.bench;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/** {@code bench retrieval|ingest|gateway}: run one benchmark area against the mesh ./hk bench started. */
@QuarkusMain
public class BenchMain implements QuarkusApplication {
    @Inject
    RetrievalBench retrieval;

    @Inject
    IngestBench ingest;

    @Inject
    GatewayBench gateway;

    @Override
    public int run(String... args) throws Exception {
        String area = args.length == 0 ? "" : args[0];
        switch (area) {
            case "retrieval" -> retrieval.run();
            case "ingest" -> ingest.run();
            case "gateway" -> gateway.run();
            default -> {
                System.err.println("usage: bench retrieval|ingest|gateway");
                return 2;
            }
        }
        return 0;
    }
}
