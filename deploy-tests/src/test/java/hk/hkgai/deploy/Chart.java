package hk.hkgai.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under test (deploy/helm/hkgai), rendered and linted by Helm's own code through helm-java. Renders are
 * cached per (profile, extra values): each is a call into Helm's Go library, and most tests read the same three.
 */
final class Chart {
    /** The values files the chart ships: "default" is values.yaml alone. */
    enum Profile {
        DEFAULT(null), DEV("values-dev.yaml"), PROD("values-prod.yaml");

        final String file;

        Profile(String file) {
            this.file = file;
        }
    }

    static final String RELEASE = "hk";
    static final String NAMESPACE = "hkgai";
    static final String PREFIX = RELEASE + "-hkgai-";
    static final List<String> SERVICES = List.of("gateway", "safety", "retrieval", "inference", "ingest");

    private static final Map<String, Manifests> RENDERS = new ConcurrentHashMap<>();

    private Chart() {
    }

    static Path dir() {
        String dir = System.getProperty("hkgai.chart.dir", "../deploy/helm/hkgai");
        Path path = Paths.get(dir).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + path);
        }
        return path;
    }

    static Manifests render(Profile profile) {
        return render(profile, Map.of());
    }

    /** helm template with the profile's values file, then {@code extra} (nested maps, as in a values file) on top. */
    static Manifests render(Profile profile, Map<String, Object> extra) {
        String cacheKey = profile + "|" + yaml().dump(extra);
        return RENDERS.computeIfAbsent(cacheKey, k -> new Manifests(template(profile, extra)));
    }

    /** The rendered text, or Helm's error as an IllegalStateException. */
    static String template(Profile profile, Map<String, Object> extra) {
        TemplateCommand cmd = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (profile.file != null) {
            cmd = cmd.withValuesFile(dir().resolve(profile.file));
        }
        Path extraFile = null;
        try {
            if (!extra.isEmpty()) {
                extraFile = Files.createTempFile("hkgai-values-", ".yaml");
                Files.writeString(extraFile, yaml().dump(extra));
                cmd = cmd.withValuesFile(extraFile);
            }
            return cmd.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (extraFile != null) {
                extraFile.toFile().delete();
            }
        }
    }

    /**
     * helm lint --strict as `helm lint -f <profile>` would see it. helm-java's lint takes no values file, so the
     * chart is copied and its values.yaml replaced by values.yaml merged with the profile's file (Helm's own
     * merge rules: maps merge key by key, anything else is replaced, null deletes).
     */
    @SuppressWarnings("unchecked")
    static LintResult lint(Profile profile) throws IOException {
        Path copy = Files.createTempDirectory("hkgai-chart-");
        try {
            Path chart = copy.resolve("hkgai");
            copyTree(dir(), chart);
            if (profile.file != null) {
                Map<String, Object> base = (Map<String, Object>) load(Files.readString(dir().resolve("values.yaml")));
                Map<String, Object> over = (Map<String, Object>) load(Files.readString(dir().resolve(profile.file)));
                Files.writeString(chart.resolve("values.yaml"), yaml().dump(merge(base, over)));
            }
            return new Helm(chart).lint().strict().call();
        } finally {
            try (Stream<Path> walk = Files.walk(copy)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            if (value == null) {
                out.remove(key);
            } else if (value instanceof Map && out.get(key) instanceof Map) {
                out.put(key, merge((Map<String, Object>) out.get(key), (Map<String, Object>) value));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /** A values file of the chart, parsed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Profile profile) {
        try {
            Map<String, Object> base = (Map<String, Object>) load(Files.readString(dir().resolve("values.yaml")));
            if (profile.file == null) {
                return base;
            }
            return merge(base, (Map<String, Object>) load(Files.readString(dir().resolve(profile.file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static Object load(String text) {
        return new Yaml(new LoaderOptions()).load(text);
    }

    static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options);
    }

    /** Nested maps from dotted paths: values("a.b", 1, "a.c", 2) = {a: {b: 1, c: 2}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Object... pathsAndValues) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            String[] path = ((String) pathsAndValues[i]).split("\\.");
            Map<String, Object> node = root;
            for (int j = 0; j < path.length - 1; j++) {
                node = (Map<String, Object>) node.computeIfAbsent(path[j], x -> new LinkedHashMap<>());
            }
            node.put(path[path.length - 1], pathsAndValues[i + 1]);
        }
        return root;
    }

    /** The parsed documents of one render, with lookups by kind and name. */
    static final class Manifests {
        final String text;
        final List<Map<String, Object>> docs = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Manifests(String text) {
            this.text = text;
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(text)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }

        List<Map<String, Object>> ofKind(String kind) {
            return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> get(String kind, String name) {
            return ofKind(kind).stream().filter(d -> name.equals(Y.str(d, "metadata.name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the render"));
        }

        Map<String, Object> deployment(String service) {
            return get("Deployment", PREFIX + service);
        }

        Map<String, Object> networkPolicy(String service) {
            return get("NetworkPolicy", PREFIX + service);
        }

        /** Containers and init containers of a pod spec, each tagged with "_init". */
        static List<Map<String, Object>> containers(Map<String, Object> workload, boolean includeInit) {
            List<Map<String, Object>> out = new ArrayList<>(Y.list(workload, "spec.template.spec.containers"));
            if (includeInit) {
                out.addAll(Y.list(workload, "spec.template.spec.initContainers"));
            }
            return out;
        }

        static Map<String, Object> mainContainer(Map<String, Object> deployment) {
            return Y.list(deployment, "spec.template.spec.containers").get(0);
        }

        static String env(Map<String, Object> container, String name) {
            return Y.list(container, "env").stream().filter(e -> name.equals(e.get("name")))
                    .map(e -> Objects.toString(e.get("value"), null)).findFirst().orElse(null);
        }

        static Map<String, Object> envEntry(Map<String, Object> container, String name) {
            return Y.list(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst().orElse(null);
        }
    }
}
