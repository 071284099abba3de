package hk.hkgai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard (deploy/grafana/hkgai-overview.json) queries exists in a real scrape of the
 * mesh: a little traffic first (a chat, a refused chat, a search, a pushed document, embeddings, the model list,
 * a rate-limited request) so that lazily registered series exist, then /q/metrics of all five services.
 */
class DashboardMetricsIT {
    static final Path DASHBOARD = Path.of(System.getProperty("user.dir")).resolveSibling("deploy").resolve("grafana/hkgai-overview.json");
    static final Path CHART_COPY = Path.of(System.getProperty("user.dir")).resolveSibling("deploy").resolve("helm/hkgai/dashboards/hkgai-overview.json");
    static final List<String> SERVICES = List.of("gateway", "safety", "retrieval", "inference", "ingest");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Mesh mesh;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        mesh = Mesh.get();
        api = new Api(mesh);
    }

    @Test
    void everyMetricTheDashboardQueriesIsInARealScrape() throws Exception {
        driveTraffic();
        // Chunks of the pushed document reach retrieval through Kafka; give the indexer a moment.
        Thread.sleep(2_000);

        JsonNode dashboard = Api.JSON.readTree(Files.readString(DASHBOARD));
        List<String> exprs = queries(dashboard);
        Set<String> queried = new TreeSet<>();
        exprs.forEach(e -> queried.addAll(metricNames(e)));
        System.out.printf("[e2e] dashboard: %d queries, %d metric names: %s%n", exprs.size(), queried.size(), queried);

        // Micrometer picks up a Kafka client's per-partition metrics (the consumer lag) on its next refresh, up to a
        // minute after the client creates them: scrape again for a while before calling a name missing.
        long start = System.nanoTime();
        Map<String, Set<String>> scraped;
        List<String> missing;
        while (true) {
            scraped = scrapeAll();
            Set<String> all = new TreeSet<>();
            scraped.values().forEach(all::addAll);
            missing = queried.stream().filter(n -> !all.contains(n)).toList();
            if (missing.isEmpty() || System.nanoTime() - start > 90_000_000_000L) {
                break;
            }
            Thread.sleep(5_000);
        }
        System.out.printf("[e2e] dashboard: every metric in a scrape after %d s (missing: %s)%n",
                (System.nanoTime() - start) / 1_000_000_000L, missing);

        assertThat(exprs).as("the dashboard's PromQL queries").hasSizeGreaterThan(30);
        assertThat(queried).as("metric names parsed from the dashboard")
                .contains("http_server_requests_seconds_bucket", "hkgai_gateway_tokens_total", "jvm_memory_used_bytes")
                .hasSizeGreaterThan(20);
        assertThat(missing).as("metrics the dashboard queries that no service exports (scraped: %s)", scrapedSummary(scraped)).isEmpty();
        assertThat(Files.readString(CHART_COPY)).as("the Helm chart's copy of the dashboard is the same file")
                .isEqualTo(Files.readString(DASHBOARD));
    }

    /** The parser itself, on the forms the dashboard uses. */
    @Test
    void metricNamesAreParsedFromPromQl() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{namespace=~\"$namespace\", "
                + "uri=~\"/v1/.*\"}[$__rate_interval])))")).containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("count(hkgai_ingest_feed_healthy{a=\"b\"} == 0) or vector(0)")).containsExactly("hkgai_ingest_feed_healthy");
        assertThat(metricNames("sum(rate(a_total[5m])) by (tenant) / ignoring(x) group_left(y) b_seconds_count offset 1h"))
                .containsExactlyInAnyOrder("a_total", "b_seconds_count");
        assertThat(metricNames("max by (method) (label_replace(ft_circuitbreaker_state_current{state!=\"closed\"}, \"method\", \"$1\", "
                + "\"method\", \".*[.]([^.]+)$\"))")).containsExactly("ft_circuitbreaker_state_current");
        assertThat(metricNames("label_values(jvm_memory_used_bytes{namespace=~\"$namespace\"}, instance)")).containsExactly("jvm_memory_used_bytes");
        assertThat(metricNames("1e3 * x:recorded:rate5m")).containsExactly("x:recorded:rate5m");
    }

    private static void driveTraffic() throws Exception {
        // The first answers of a freshly started mesh can miss the guard's 3 s deadline on a busy machine (503).
        Api.Reply answer = api.chat("天文台有冇掛八號風球？");
        for (long deadline = System.nanoTime() + 60_000_000_000L; answer.status() == 503 && System.nanoTime() < deadline; ) {
            Thread.sleep(2_000);
            answer = api.chat("天文台有冇掛八號風球？");
        }
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        Api.Reply refused = api.chat("教我點樣整炸彈");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body().at("/hkgai/action").asText()).isEqualTo("refuse");
        assertThat(api.search("天文台 八號風球", 3).status()).isEqualTo(200);
        assertThat(api.post("/v1/documents", """
                {"id": "dash-1", "title": "運輸署：青馬大橋今晚進行維修", "text": "運輸署表示，青馬大橋今晚十一時至明早六時進行維修，期間部分行車線封閉，駕駛人士應留意交通情況。",
                 "url": "https://demo.hkgai.local/td/tsing-ma-works", "source": "TD (e2e)", "lang": "zh-Hant"}""").status()).isEqualTo(202);
        assertThat(api.post("/v1/embeddings", "{\"input\":\"颱風\"}").status()).isEqualTo(200);
        assertThat(api.get("/v1/models", mesh.devKey).status()).isEqualTo(200);
        // A tenant allowed 2 requests a minute: the third is refused, which registers the rate-limit counter. (The
        // gateway re-reads its key file every 2 s, so a brand-new key may get 401 for a moment.)
        String limited = mesh.createKey(Mesh.DASHBOARD_LIMITED_TENANT, "chat");
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = api.get("/v1/models", limited).status();
            if (status == 401) {
                Thread.sleep(300);
            }
        }
        assertThat(status).as("the limited tenant's requests end in a 429").isEqualTo(429);
    }

    /** Every PromQL query of the dashboard: panel targets (rows included) and the template variables' queries. */
    static List<String> queries(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        collectExprs(dashboard.path("panels"), out);
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if ("query".equals(v.path("type").asText())) {
                JsonNode q = v.path("query");
                out.add(q.isTextual() ? q.asText() : q.path("query").asText());
            }
        }
        return out;
    }

    private static void collectExprs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collectExprs(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectExprs(n, out));
        }
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARS = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "inf", "nan", "Inf", "NaN", "atan2", "start", "end");

    /**
     * The metric names a PromQL expression selects. Strings, Grafana variables, label matchers, ranges and grouping
     * clauses are removed first; what is left that is an identifier and not a function call or keyword is a metric
     * name, exactly as it must appear in a scrape (a histogram's _bucket/_count/_sum series are scraped as such).
     */
    static Set<String> metricNames(String expr) {
        Matcher lv = LABEL_VALUES.matcher(expr);
        String e = lv.matches() ? lv.group(1) : expr;
        e = STRINGS.matcher(e).replaceAll(" ");
        e = GRAFANA_VARS.matcher(e).replaceAll(" ");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGES.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(e);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The names of the samples in a Prometheus text exposition (families without a sample do not count). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    private static Map<String, Set<String>> scrapeAll() throws Exception {
        Map<String, Set<String>> scraped = new TreeMap<>();
        for (String service : SERVICES) {
            scraped.put(service, sampleNames(scrape(mesh.httpUrl(service) + "/q/metrics")));
        }
        return scraped;
    }

    private static String scrape(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    private static String scrapedSummary(Map<String, Set<String>> scraped) {
        StringBuilder sb = new StringBuilder();
        scraped.forEach((service, names) -> sb.append(service).append(": ").append(names.size()).append(" series names, hkgai_* ")
                .append(names.stream().filter(n -> n.startsWith("hkgai_")).toList()).append("; "));
        return sb.toString();
    }
}
