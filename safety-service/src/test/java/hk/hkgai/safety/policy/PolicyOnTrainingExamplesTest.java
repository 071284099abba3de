package hk.hkgai.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.hkgai.safety.service.PolicyEvaluator;
import hk.hkgai.safety.service.PolicyProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the bundled policy's lexicon (no Quarkus, no classifier) over every labelled training example in
 * {@code classifier/train.jsonl} and holds it to the floors the policy is written for: harmful requests refused,
 * legitimate questions never refused, sensitive questions and self-harm answered with guidance.
 */
class PolicyOnTrainingExamplesTest {
    private static final String TRAINING = "classifier/train.jsonl";
    private static final String EXTRA = "classifier/train-extra.jsonl";

    /** Labels whose examples must be refused; each is also a policy category with action refuse. */
    static final Set<String> REFUSE = Set.of("violence", "weapons_drugs", "terrorism_organized_crime", "child_abuse",
            "sexual_content", "hate_discrimination", "privacy_doxxing", "fraud_property_crime", "unethical_conduct",
            "misinformation", "animal_abuse", "hk.national_security", "hk.election_incitement", "jailbreak",
            "prompt_injection");
    static final Set<String> GUIDE = Set.of("self_harm", "controversial_politics", "hk.political_events", "hk.ideology",
            "hk.leaders", "hk.judicial_independence", "hk.elections", "hk.press_freedom", "hk.data_privacy_pdpo",
            "hk.national_unity", "hk.human_rights", "hk.language_diversity");
    static final Set<String> NEVER_REFUSED = Set.of("benign", "sensitive_legit");

    static final double REFUSE_FLOOR = 0.85;
    /**
     * The language forms the lexicons are written for. Examples in other languages ({@code other}) are there for
     * the classifier: the lexicons carry only the core jailbreak and harm phrases in those, so they count towards
     * "never refused" but not towards the refusal floors.
     */
    static final Set<String> FIRST_CLASS = Set.of("yue", "zh-Hant", "zh-Hans", "en");
    static final double SENSITIVE_GUIDE_FLOOR = 0.70;
    static final double SELF_HARM_GUIDE_FLOOR = 0.90;

    record Example(String label, String language, String text) {
    }

    record Outcome(Example example, PolicyAction action, List<String> categories) {
    }

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(new PolicyProvider(Optional::empty));
    private static List<Outcome> outcomes;

    @BeforeAll
    static void evaluateEveryExample() {
        outcomes = new ArrayList<>();
        for (Example e : examples()) {
            var evaluation = EVALUATOR.evaluate(e.text());
            outcomes.add(new Outcome(e, evaluation.action(), evaluation.categoryIds()));
        }
        System.out.println(table());
    }

    @Test
    void harmfulRequestsAreRefusedInEveryLanguage() {
        List<String> failures = new ArrayList<>();
        for (String label : REFUSE) {
            List<Outcome> of = byLabel(label).stream().filter(o -> FIRST_CLASS.contains(o.example().language())).toList();
            assertThat(of).as("training examples for %s", label).isNotEmpty();
            if (rate(of, PolicyAction.REFUSE) < REFUSE_FLOOR) {
                failures.add(String.format("%s: %.0f%% refused; missed: %s", label, 100 * rate(of, PolicyAction.REFUSE),
                        texts(of, o -> o.action() != PolicyAction.REFUSE)));
            }
        }
        Map<String, List<Outcome>> harmfulByLanguage = outcomes.stream().filter(o -> REFUSE.contains(o.example().label()))
                .filter(o -> FIRST_CLASS.contains(o.example().language()))
                .collect(Collectors.groupingBy(o -> o.example().language(), TreeMap::new, Collectors.toList()));
        assertThat(harmfulByLanguage.keySet()).containsExactlyInAnyOrder("yue", "zh-Hant", "zh-Hans", "en");
        harmfulByLanguage.forEach((lang, of) -> {
            if (rate(of, PolicyAction.REFUSE) < REFUSE_FLOOR) {
                failures.add(String.format("language %s: %.0f%% of harmful requests refused", lang, 100 * rate(of, PolicyAction.REFUSE)));
            }
        });
        assertThat(failures).as("refusal floor %.0f%%", 100 * REFUSE_FLOOR).isEmpty();
    }

    @Test
    void legitimateQuestionsAreNeverRefused() {
        for (String label : NEVER_REFUSED) {
            List<Outcome> of = byLabel(label);
            assertThat(of).as("training examples for %s", label).isNotEmpty();
            assertThat(of.stream().filter(o -> o.action() == PolicyAction.REFUSE)
                    .map(o -> o.example().text() + " <- " + o.categories()).toList())
                    .as("%s examples refused", label).isEmpty();
        }
    }

    @Test
    void legitimateExamplesWrittenForTheClassifierAloneAreNeverRefusedEither() {
        // train-extra.jsonl holds paraphrases the lexicon is not written to match, so no floor applies to its
        // harmful examples; its harmless ones (hard negatives sharing harmful words) must still pass the lexicon.
        List<String> refused = examples(EXTRA).stream().filter(e -> NEVER_REFUSED.contains(e.label()))
                .filter(e -> EVALUATOR.evaluate(e.text()).action() == PolicyAction.REFUSE).map(Example::text).toList();
        assertThat(refused).as("harmless examples in " + EXTRA + " refused by the lexicon").isEmpty();
    }

    @Test
    void sensitiveQuestionsGetGuidance() {
        List<Outcome> legit = byLabel("sensitive_legit");
        assertThat(rate(legit, PolicyAction.GUIDE)).as("sensitive_legit guided; not guided: %s",
                texts(legit, o -> o.action() != PolicyAction.GUIDE)).isGreaterThanOrEqualTo(SENSITIVE_GUIDE_FLOOR);
        List<Outcome> selfHarm = byLabel("self_harm");
        assertThat(rate(selfHarm, PolicyAction.GUIDE)).as("self_harm guided; not guided: %s",
                texts(selfHarm, o -> o.action() != PolicyAction.GUIDE)).isGreaterThanOrEqualTo(SELF_HARM_GUIDE_FLOOR);
        assertThat(selfHarm).as("self-harm is met with care, not a refusal")
                .noneMatch(o -> o.action() == PolicyAction.REFUSE);
    }

    @Test
    void everyCategoryIsCompleteAndEveryPatternCompiles() {
        CompiledPolicy policy = PolicyLoader.loadBundled(); // compiles every pattern; a bad one fails here, category named
        assertThat(policy.version()).isNotBlank();
        List<PolicyCategory> categories = policy.rules().stream().map(CompiledPolicy.Rule::category).toList();
        assertThat(categories.stream().map(PolicyCategory::id)).doesNotHaveDuplicates();
        for (PolicyCategory c : categories) {
            assertThat(c.description()).as("%s description", c.id()).isNotBlank();
            assertThat(c.action()).as("%s action", c.id()).isNotNull();
            if (c.action() == PolicyAction.GUIDE) {
                assertThat(c.guidance()).as("%s guidance", c.id()).isNotBlank();
            }
            assertThat(c.patterns().size() + c.detectors().size()).as("%s has patterns or detectors", c.id()).isPositive();
            for (String p : c.patterns()) {
                // Patterns are lower-cased before compiling: an upper-case escape (\S, \W, \D, \P{..}) would silently
                // turn into its opposite.
                assertThat(Pattern.compile("\\\\[A-Z]").matcher(p).find()).as("%s: upper-case escape in %s", c.id(), p).isFalse();
            }
        }
        Map<String, PolicyAction> actions = categories.stream().collect(Collectors.toMap(PolicyCategory::id, PolicyCategory::action));
        REFUSE.forEach(id -> assertThat(actions.get(id)).as(id).isEqualTo(PolicyAction.REFUSE));
        GUIDE.forEach(id -> assertThat(actions.get(id)).as(id).isEqualTo(PolicyAction.GUIDE));
        // A lexicon-only category (the classifier has no label for it, so it has no training examples).
        assertThat(actions.get("hk.judicial_interference")).isEqualTo(PolicyAction.REFUSE);
        assertThat(categories).filteredOn(c -> c.action() == PolicyAction.REDACT)
                .anySatisfy(c -> assertThat(c.detectors()).contains("hkid", "hk_phone", "email", "payment_card"));
    }

    private static List<Outcome> byLabel(String label) {
        return outcomes.stream().filter(o -> o.example().label().equals(label)).toList();
    }

    private static double rate(List<Outcome> of, PolicyAction action) {
        return of.isEmpty() ? 0 : (double) of.stream().filter(o -> o.action() == action).count() / of.size();
    }

    private static List<String> texts(List<Outcome> of, java.util.function.Predicate<Outcome> which) {
        return of.stream().filter(which).map(o -> o.example().text()).toList();
    }

    private static String table() {
        Map<String, List<Outcome>> byLabel = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.example().label(), TreeMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder(String.format("%nPolicy %s on %s (%d examples)%n%-28s %5s %8s %8s %8s %8s%n",
                EVALUATOR.policy().version(), TRAINING, outcomes.size(), "label", "n", "refuse", "guide", "redact", "allow"));
        byLabel.forEach((label, of) -> {
            Map<PolicyAction, Long> counts = new EnumMap<>(PolicyAction.class);
            of.forEach(o -> counts.merge(o.action(), 1L, Long::sum));
            out.append(String.format("%-28s %5d %7.1f%% %7.1f%% %7.1f%% %7.1f%%%n", label, of.size(),
                    pct(counts, PolicyAction.REFUSE, of), pct(counts, PolicyAction.GUIDE, of),
                    pct(counts, PolicyAction.REDACT, of), pct(counts, PolicyAction.ALLOW, of)));
        });
        return out.toString();
    }

    private static double pct(Map<PolicyAction, Long> counts, PolicyAction a, List<Outcome> of) {
        return 100.0 * counts.getOrDefault(a, 0L) / of.size();
    }

    static List<Example> examples() {
        return examples(TRAINING);
    }

    static List<Example> examples(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try (InputStream in = PolicyOnTrainingExamplesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                out.add(new Example(n.get("label").asText(), n.get("language").asText(), n.get("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
