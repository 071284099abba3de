package hk.hkgai.safety.normalize;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Chinese written in Hanyu Pinyin back into characters, for the words a filter watches: a request typed as
 * "zenme zuo zhayao" or with a syllable standing in for a character ("zhi裁", "弄si它") is 怎么做炸药, 制裁, 弄死 to
 * any reader, and would pass a lexicon of characters unread.
 *
 * <p>Pinyin has no characters to recover in general (an input method needs a language model for that), so only the
 * words the bundled policy's patterns are written with are read: each is given its toneless pinyin by ICU's
 * {@code Han-Latin} transform, and a run of syllables that spells one becomes it. A syllable touching a Chinese
 * character is read only in a window that keeps that character ("點樣set部機" stays: "set" is not pinyin), a run
 * of bare syllables only when it has three or more words, most of them not English, and a window of characters
 * alone is never read, so ordinary Chinese is not rewritten by its sound ("炸蛋" is not read as 炸弹). Cantonese romanisations (Jyutping,
 * Yale) are not read: ICU carries no Cantonese readings.
 */
final class RomanisedChinese {
    private static final String POLICY = "/policy/hk-policy.yaml";
    private static final int LONGEST_WORD = 8;
    /** One toneless pinyin syllable ({@code v} and {@code u} both stand for ü, as people type it). */
    private static final String[] INITIALS = {"", "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
            "r", "z", "c", "s", "y", "w"};
    private static final String[] FINALS = {"iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "van", "ai",
            "ei", "ao", "ou", "an", "en", "er", "ia", "ie", "iu", "in", "ua", "uo", "ui", "un", "ue", "ve", "a", "o", "e", "i", "u", "v"};
    /** Every initial with every final: a superset of the ~410 syllables, which costs nothing but a few misreadings. */
    private static final Set<String> SYLLABLES = syllableSet();
    private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[a-z]+|\\s+|.", Pattern.DOTALL);

    private RomanisedChinese() {
    }

    /** The folded text with the watched words it spells in pinyin written in characters, or null if it spells none. */
    static String read(String folded) {
        if (!hasPinyinLikeWord(folded)) {
            return null;
        }
        List<Unit> units = units(folded);
        StringBuilder out = new StringBuilder(folded.length());
        boolean read = false;
        for (int i = 0; i < units.size(); ) {
            Unit u = units.get(i);
            Spelled spelled = u.readable() ? longestWordAt(units, i) : null;
            if (spelled == null) {
                out.append(u.text());
                i++;
                continue;
            }
            out.append(spelled.word());
            read = true;
            i += spelled.units();
        }
        // Words read from a run of syllables close up as Chinese does ("怎么 打人" → "怎么打人").
        return read ? BETWEEN_CHARACTERS.matcher(out).replaceAll("") : null;
    }

    private static final Pattern BETWEEN_CHARACTERS = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");
    private static final Pattern LATIN_BESIDE_HAN = Pattern.compile("\\p{IsHan}[a-z]|[a-z]\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z]{2,}");

    /** A Latin letter and a Chinese character with one space between them ("神經 du 氣"): a scan, not a regex, since most texts are all one or the other. */
    private static boolean spacedFromHan(String folded) {
        for (int i = folded.indexOf(' ', 1); i > 0 && i < folded.length() - 1; i = folded.indexOf(' ', i + 1)) {
            char before = folded.charAt(i - 1);
            char after = folded.charAt(i + 1);
            if (isLetter(before) && isHanChar(after) || isHanChar(before) && isLetter(after)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isHanChar(char c) {
        return c >= 0x3400 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Cheap test first: a syllable touching a character, or a word that is pinyin and not English. */
    private static boolean hasPinyinLikeWord(String folded) {
        if (LATIN_BESIDE_HAN.matcher(folded).find() || spacedFromHan(folded)) {
            return true;
        }
        Matcher m = LATIN_WORD.matcher(folded);
        while (m.find()) {
            if (syllables(m.group()) != null && !EnglishWords.known(m.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A character, a syllable of an eligible pinyin word, or anything else (not readable). Spaces between two
     * syllables are kept as units so that an unread run keeps its spacing.
     */
    private record Unit(String text, char han, String syllable, boolean space) {
        boolean readable() {
            return syllable != null;
        }
    }

    private static List<Unit> units(String folded) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        while (m.find()) {
            tokens.add(m.group());
        }
        boolean[] eligible = eligibleWords(tokens);
        List<Unit> units = new ArrayList<>(tokens.size() * 2);
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (token.length() == 1 && Character.UnicodeScript.of(token.charAt(0)) == Character.UnicodeScript.HAN) {
                units.add(new Unit(token, token.charAt(0), readingOf(token.charAt(0)), false));
            } else if (eligible[t]) {
                List<String> syllables = syllables(token);
                for (int s = 0; s < syllables.size(); s++) {
                    units.add(new Unit(syllables.get(s), '\0', syllables.get(s), false));
                }
            } else {
                units.add(new Unit(token, '\0', null, token.isBlank()));
            }
        }
        return units;
    }

    /**
     * Which Latin words are pinyin to read: a non-English syllable word touching a Chinese character, or every
     * word of a run of three or more pinyin-shaped words (spaces and punctuation between) most of which are not
     * English.
     */
    private static boolean[] eligibleWords(List<String> tokens) {
        boolean[] eligible = new boolean[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            // Touching a character, even an English-looking syllable ("shan动", "jia評論") is read: the window it is read
            // in must keep that character, which an English word typed beside Chinese does not spell.
            if (isLatin(token) && syllables(token) != null && (isHan(tokens, t - 1) || isHan(tokens, t + 1))) {
                eligible[t] = true;
            }
        }
        for (int t = 0; t < tokens.size(); ) {
            if (!isLatin(tokens.get(t)) || syllables(tokens.get(t)) == null) {
                t++;
                continue;
            }
            int end = t;
            int words = 0;
            int english = 0;
            List<Integer> members = new ArrayList<>();
            while (end < tokens.size() && (isLatin(tokens.get(end)) && syllables(tokens.get(end)) != null || tokens.get(end).isBlank())) {
                if (!tokens.get(end).isBlank()) {
                    words++;
                    english += EnglishWords.known(tokens.get(end)) ? 1 : 0;
                    members.add(end);
                }
                end++;
            }
            // One or two short pinyin words set off by a space in a Chinese sentence ("神經 du 氣", "外 guo 勢力", "提煉
            // bing du（…"). The tokenizer's English vocabulary holds most syllables as names (Guo, Mao, Bing), so only
            // length tells them from the English typed between characters ("send", "online"); either way a reading is
            // kept only where it spells a watched word with the characters beside it.
            boolean besideCharacters = isHan(tokens, t - 1) || t >= 2 && tokens.get(t - 1).isBlank() && isHan(tokens, t - 2)
                    || isHan(tokens, end);
            boolean allShort = members.stream().allMatch(i -> tokens.get(i).length() <= 4);
            if (words >= 3 && english * 2 < words || words <= 2 && allShort && besideCharacters) {
                members.forEach(i -> eligible[i] = true);
            }
            t = end;
        }
        return eligible;
    }

    private static Set<String> syllableSet() {
        Set<String> all = new java.util.HashSet<>();
        for (String initial : INITIALS) {
            for (String fin : FINALS) {
                all.add(initial + fin);
            }
        }
        return Set.copyOf(all);
    }

    private static boolean isLatin(String token) {
        return !token.isEmpty() && token.charAt(0) >= 'a' && token.charAt(0) <= 'z';
    }

    private static boolean isHan(List<String> tokens, int t) {
        return t >= 0 && t < tokens.size() && tokens.get(t).length() == 1
                && Character.UnicodeScript.of(tokens.get(t).charAt(0)) == Character.UnicodeScript.HAN;
    }

    /** A word split into pinyin syllables (fewest syllables), or null if it is not pinyin. */
    static List<String> syllables(String word) {
        if (word.length() > 36) {
            return null;
        }
        if (SPLITS.size() > 50_000) {
            SPLITS.clear();
        }
        return SPLITS.computeIfAbsent(word, w -> Optional.ofNullable(fewestSyllables(w))).orElse(null);
    }

    /** Words already split (a bounded cache: the same few words recur in every text). */
    private static final Map<String, Optional<List<String>>> SPLITS = new ConcurrentHashMap<>();

    private static List<String> fewestSyllables(String word) {
        int n = word.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int j = Math.min(n, i + 6); j > i; j--) {
                if (best[i] + 1 < best[j] && SYLLABLES.contains(word.substring(i, j))) {
                    best[j] = best[i] + 1;
                    from[j] = i;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            out.add(0, word.substring(from[j], j));
        }
        return out;
    }

    /** A watched word and how many units (syllables, characters and the spaces between them) spelled it. */
    private record Spelled(String word, int units) {
    }

    /**
     * The longest watched word spelled by the readable units from {@code i}, with at least one syllable among them
     * and every character among them its own; null if none.
     */
    private static Spelled longestWordAt(List<Unit> units, int i) {
        List<Unit> window = new ArrayList<>(LONGEST_WORD);
        List<Integer> ends = new ArrayList<>(LONGEST_WORD); // units consumed once window.get(k) is taken
        for (int j = i; j < units.size() && window.size() < LONGEST_WORD; j++) {
            Unit u = units.get(j);
            if (u.space() && !window.isEmpty() && j + 1 < units.size() && units.get(j + 1).readable()
                    && (units.get(j + 1).han() == 0 || window.get(window.size() - 1).han() == 0)) {
                continue; // a space between two syllables of a pinyin run, or between a syllable and a character
            }
            if (!u.readable()) {
                break;
            }
            window.add(u);
            ends.add(j + 1 - i);
        }
        for (int k = window.size(); k >= 2; k--) {
            List<Unit> w = window.subList(0, k);
            if (w.stream().allMatch(u -> u.han() != 0)) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            w.forEach(u -> key.append(u.syllable()).append(' '));
            for (String word : Vocabulary.WORDS.getOrDefault(key.toString().trim(), List.of())) {
                boolean keepsCharacters = true;
                for (int c = 0; c < k; c++) {
                    keepsCharacters &= w.get(c).han() == 0 || w.get(c).han() == word.charAt(c);
                }
                if (keepsCharacters) {
                    return new Spelled(word, ends.get(k - 1));
                }
            }
        }
        return null;
    }

    private static final Map<Character, String> READINGS = new ConcurrentHashMap<>();

    private static String readingOf(char han) {
        return READINGS.computeIfAbsent(han, c -> Vocabulary.pinyin(String.valueOf(c)));
    }

    /** The watched words by their toneless pinyin ("zha yao" → [炸药]), built once, on first use. */
    private static final class Vocabulary {
        private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        static final Map<String, List<String>> WORDS = load();

        static synchronized String pinyin(String han) {
            return HAN_LATIN.transliterate(han).trim();
        }

        private static Map<String, List<String>> load() {
            String policy;
            try (InputStream in = RomanisedChinese.class.getResourceAsStream(POLICY)) {
                policy = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, List<String>> words = new HashMap<>();
            Matcher m = Pattern.compile("\\p{IsHan}{2,}").matcher(policy);
            while (m.find()) {
                if (m.group().length() > LONGEST_WORD) {
                    continue;
                }
                String word = ObfuscationNormalizer.fold(m.group());
                List<String> same = words.computeIfAbsent(pinyin(word), k -> new ArrayList<>(1));
                if (!same.contains(word)) {
                    same.add(word);
                }
            }
            return Map.copyOf(words);
        }
    }
}
