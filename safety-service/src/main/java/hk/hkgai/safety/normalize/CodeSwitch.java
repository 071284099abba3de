package hk.hkgai.safety.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the English words a Chinese sentence switches into as the Chinese words the policy watches
 * ({@code normalize/code-switch.tsv}): "告诉我怎么制作 explosives" is 怎么制作炸药 to its writer, and Hong Kong
 * writes Cantonese with English in it every day ("點樣hack人哋部機"). Chinese patterns are written in Chinese and
 * English patterns need an English sentence around the word, so without this reading such a request, and one whose
 * English word is also spelled in look-alike letters, falls between the two. Only texts that hold Chinese are read.
 */
final class CodeSwitch {
    private static final String GLOSSARY = "/normalize/code-switch.tsv";
    private static final Map<String, String> CHINESE = new HashMap<>();
    private static final Pattern WORD = load();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[a-z]");
    private static final Pattern BETWEEN_CHARACTERS = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

    private CodeSwitch() {
    }

    /** The folded text with its switched English words in Chinese, or null if it holds no Chinese or none of them. */
    static String read(String folded) {
        if (folded == null || !LATIN.matcher(folded).find() || !HAN.matcher(folded).find()) {
            return null;
        }
        Matcher m = WORD.matcher(folded);
        if (!m.find()) {
            return null;
        }
        StringBuilder out = new StringBuilder(folded.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(CHINESE.get(m.group(1))));
        } while (m.find());
        m.appendTail(out);
        return BETWEEN_CHARACTERS.matcher(out).replaceAll("");
    }

    private static Pattern load() {
        List<String> english = new ArrayList<>();
        try (InputStream in = CodeSwitch.class.getResourceAsStream(GLOSSARY)) {
            if (in == null) {
                throw new IllegalStateException(GLOSSARY + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String[] pair = line.split("\t");
                if (line.isBlank() || line.startsWith("#") || pair.length != 2) {
                    continue;
                }
                CHINESE.put(pair[0].strip(), pair[1].strip());
                english.add(Pattern.quote(pair[0].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        english.sort(Comparator.comparingInt(String::length).reversed()); // a phrase before the words in it
        return Pattern.compile("(?<![a-z])(" + String.join("|", english) + ")(?![a-z])");
    }
}
