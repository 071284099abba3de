package hk.hkgai.text.extractive;

import hk.hkgai.text.ChineseScript;
import hk.hkgai.text.Lang;
import hk.hkgai.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers a question with the retrieved passages' own sentences, each cited with its passage's marker. This is
 * the system's embedded default (no generative weights exist here): it cannot paraphrase or translate, but it
 * never says anything its sources do not say.
 *
 * <p>A sentence qualifies when it covers enough of the question's terms (IDF-weighted over all candidate
 * sentences, so words every sentence shares count little); qualified sentences are ranked by that coverage plus
 * a bonus for higher-ranked passages (the order of the context is the retrieval ranking) and, optionally, an
 * embedding similarity. The best few are de-duplicated and presented in reading order: passage rank, then
 * position. Thread-safe and stateless.
 */
public final class ExtractiveComposer {
    private static final String TERMINALS = "。！？；.!?;";
    private static final String CLOSERS = "」』”’\")）】》";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Fewer content characters than this is a dateline or a caption ("（完）"), not an answer. */
    private static final int MIN_CONTENT_CHARS = 4;

    /**
     * @param maxSentences     at most this many sentences in an answer
     * @param minScore         lexical coverage of the question a sentence needs to qualify (0..1)
     * @param relativeCutoff   a sentence scoring below this fraction of the best one is left out
     * @param rankBonus        bonus of the top passage; passage r (0-based) gets rankBonus / (1 + r)
     * @param duplicateJaccard character-bigram Jaccard above which two sentences are near-repeats
     * @param semanticWeight   weight of the cosine similarity from a {@link SemanticScorer}, 0 for none
     */
    public record Settings(int maxSentences, double minScore, double relativeCutoff, double rankBonus,
                           double duplicateJaccard, double semanticWeight) {
        public static final Settings DEFAULTS = new Settings(4, 0.2, 0.5, 0.15, 0.7, 0);
    }

    /** A retrieved passage; {@code marker} is the number the answer cites it by. */
    public record Passage(int marker, String text) {
    }

    /** Optional semantic similarity of the question to each sentence (cosine, -1..1). */
    @FunctionalInterface
    public interface SemanticScorer {
        double[] similarities(String question, List<String> sentences);
    }

    /**
     * A composed answer. {@code segments} concatenate to the answer text (separators are included), the first
     * being the lead-in when {@code grounded}; {@code markers} are the passages cited, in order of appearance.
     */
    public record Answer(List<String> segments, List<Integer> markers, boolean grounded) {
        public Answer {
            segments = List.copyOf(segments);
            markers = List.copyOf(markers);
        }

        public String text() {
            return String.join("", segments);
        }
    }

    private record Candidate(int rank, int marker, int position, String original, Set<String> terms,
                             Set<String> shingles) {
    }

    private record Scored(Candidate candidate, double score) {
    }

    private final Settings settings;

    public ExtractiveComposer(Settings settings) {
        this.settings = settings;
    }

    public Answer compose(String question, List<Passage> passages, Lang lang) {
        return compose(question, passages, lang, null);
    }

    public Answer compose(String question, List<Passage> passages, Lang lang, SemanticScorer semantic) {
        Set<String> questionTerms = Terms.of(Terms.fold(question));
        List<Candidate> candidates = candidates(passages);
        if (questionTerms.isEmpty() || candidates.isEmpty()) {
            return notFound(lang);
        }
        List<Scored> qualified = qualify(questionTerms, candidates);
        if (qualified.isEmpty()) {
            return notFound(lang);
        }
        if (semantic != null && settings.semanticWeight() > 0) {
            qualified = withSemantic(question, qualified, semantic);
        }
        qualified.sort(Comparator.comparingDouble(Scored::score).reversed());
        double floor = qualified.get(0).score() * settings.relativeCutoff();
        List<Candidate> chosen = new ArrayList<>();
        for (Scored s : qualified) {
            if (chosen.size() >= settings.maxSentences() || s.score() < floor) {
                break;
            }
            // Greedy in score order, so of two near-repeats the better-scored (usually better-ranked) one stays.
            boolean repeat = chosen.stream().anyMatch(c ->
                    Terms.jaccard(c.shingles(), s.candidate().shingles()) > settings.duplicateJaccard());
            if (!repeat) {
                chosen.add(s.candidate());
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::position));
        return render(chosen, lang);
    }

    private List<Candidate> candidates(List<Passage> passages) {
        List<Candidate> out = new ArrayList<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            Passage p = passages.get(rank);
            List<String> sentences = SentenceSplitter.split(p.text());
            for (int pos = 0; pos < sentences.size(); pos++) {
                String sentence = SPACES.matcher(sentences.get(pos)).replaceAll(" ").strip();
                String folded = Terms.fold(sentence);
                Set<String> shingles = Terms.shingles(folded);
                Set<String> terms = Terms.of(folded);
                if (shingles.size() + 1 >= MIN_CONTENT_CHARS && !terms.isEmpty()) {
                    out.add(new Candidate(rank, p.marker(), pos, sentence, terms, shingles));
                }
            }
        }
        return out;
    }

    /** Sentences covering at least minScore of the question, scored by coverage plus the passage-rank bonus. */
    private List<Scored> qualify(Set<String> questionTerms, List<Candidate> candidates) {
        Map<String, Integer> df = new HashMap<>();
        for (Candidate c : candidates) {
            for (String t : c.terms()) {
                if (questionTerms.contains(t)) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }
        int n = candidates.size();
        Map<String, Double> weight = new HashMap<>();
        double total = 0;
        for (String t : questionTerms) {
            // Smoothed IDF; a question term no sentence has gets the weight of the rarest possible term.
            double w = Math.log(1 + (n + 1.0) / (df.getOrDefault(t, 0) + 1.0));
            weight.put(t, w);
            total += w;
        }
        List<Scored> out = new ArrayList<>();
        for (Candidate c : candidates) {
            double matched = 0;
            for (String t : questionTerms) {
                if (c.terms().contains(t)) {
                    matched += weight.get(t);
                }
            }
            double coverage = matched / total;
            if (coverage >= settings.minScore()) {
                out.add(new Scored(c, coverage + settings.rankBonus() / (1 + c.rank())));
            }
        }
        return out;
    }

    private List<Scored> withSemantic(String question, List<Scored> qualified, SemanticScorer semantic) {
        double[] sims = semantic.similarities(question, qualified.stream().map(s -> s.candidate().original()).toList());
        if (sims == null || sims.length != qualified.size()) {
            return qualified; // the scorer is unavailable: lexical ranking alone
        }
        List<Scored> out = new ArrayList<>(qualified.size());
        for (int i = 0; i < sims.length; i++) {
            Scored s = qualified.get(i);
            out.add(new Scored(s.candidate(), s.score() + settings.semanticWeight() * sims[i]));
        }
        return out;
    }

    private static Answer notFound(Lang lang) {
        return new Answer(List.of(AnswerPhrases.notFound(lang)), List.of(), false);
    }

    private static Answer render(List<Candidate> chosen, Lang lang) {
        List<String> segments = new ArrayList<>();
        List<Integer> markers = new ArrayList<>();
        String previous = AnswerPhrases.leadIn(lang);
        segments.add(previous);
        for (Candidate c : chosen) {
            // There is no translator: English sentences stay English whatever the answer language, and a Chinese
            // sentence keeps its words; only its script follows the answer language (an English answer keeps
            // the source's script).
            String sentence = lang.chinese() ? ChineseScript.toScriptOf(lang, c.original()) : c.original();
            String cited = cite(sentence, c.marker());
            String segment = needsSpace(previous, cited) ? " " + cited : cited;
            segments.add(segment);
            previous = segment;
            if (!markers.contains(c.marker())) {
                markers.add(c.marker());
            }
        }
        return new Answer(segments, markers, true);
    }

    /**
     * Puts the citation before the sentence's closing punctuation: "…信號[1]。", "…on Wednesday[3]." A closing
     * semicolon becomes a full stop (the sentence now ends the thought); a sentence without closing punctuation
     * gets one in its own script.
     */
    static String cite(String sentence, int marker) {
        String tag = "[" + marker + "]";
        int tail = sentence.length();
        while (tail > 0 && (TERMINALS.indexOf(sentence.charAt(tail - 1)) >= 0 || CLOSERS.indexOf(sentence.charAt(tail - 1)) >= 0)) {
            tail--;
        }
        String end = sentence.substring(tail);
        boolean terminated = end.chars().anyMatch(ch -> TERMINALS.indexOf(ch) >= 0);
        if (!terminated) {
            boolean chinese = sentence.codePoints().anyMatch(ChineseScript::isHan);
            return sentence + tag + (chinese ? "。" : ".");
        }
        return sentence.substring(0, tail) + tag + end.replace('；', '。').replace(';', '.');
    }

    /** English text needs a space after it (or before it); Chinese text joins without one. */
    private static boolean needsSpace(String previous, String next) {
        char last = previous.charAt(previous.length() - 1);
        char first = next.charAt(0);
        return last < 0x80 && !Character.isWhitespace(last) || first < 0x80 && Character.isLetterOrDigit(first)
                && last != '：' && !isCjkPunctuation(last);
    }

    private static boolean isCjkPunctuation(char c) {
        return "。！？；，、：」』”’）】》".indexOf(c) >= 0;
    }
}
