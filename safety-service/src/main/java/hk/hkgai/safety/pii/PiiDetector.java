package hk.hkgai.safety.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Hong Kong personal data: HKID numbers (validated by their check digit, so a random code is not
 * masked), Hong Kong phone numbers, e-mail addresses and payment card numbers (Luhn-validated).
 */
public final class PiiDetector {
    public static final String HKID = "hkid";
    public static final String HK_PHONE = "hk_phone";
    public static final String EMAIL = "email";
    public static final String PAYMENT_CARD = "payment_card";

    private record Detector(String name, Pattern pattern, Predicate<String> valid) {
    }

    private static final List<Detector> DETECTORS = List.of(
            new Detector(HKID, Pattern.compile("(?<![A-Za-z0-9])([A-Za-z]{1,2})(\\d{6})\\s?(?:\\(([0-9Aa])\\)|([0-9Aa]))(?![A-Za-z0-9])"),
                    PiiDetector::validHkid),
            new Detector(PAYMENT_CARD, Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)"),
                    PiiDetector::luhn),
            new Detector(EMAIL, Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}(?![A-Za-z])"),
                    s -> true),
            // Fixed lines start 2/3, mobiles 4-9 (OFCA numbering plan); +852 optional.
            new Detector(HK_PHONE, Pattern.compile("(?<!\\d[ -]?|\\+)(?:\\+?852[ -]?)?[2-9]\\d{3}[ -]?\\d{4}(?![ -]?\\d)"),
                    s -> true));

    private static final Map<String, String> MASKS = Map.of(
            HKID, "[HKID]", PAYMENT_CARD, "[CARD]", EMAIL, "[EMAIL]", HK_PHONE, "[PHONE]");

    private PiiDetector() {
    }

    public static Set<String> names() {
        return MASKS.keySet();
    }

    /**
     * All non-overlapping matches of the enabled detectors, in text order (earlier detectors win ties).
     * Offsets are into {@code text} itself: full-width forms are folded one char for one, so a caller
     * can mask the user's own text without normalizing the rest of it.
     */
    public static List<PiiMatch> find(String original, Set<String> enabled) {
        String text = foldWidth(original);
        List<PiiMatch> found = new ArrayList<>();
        for (Detector d : DETECTORS) {
            if (!enabled.contains(d.name())) {
                continue;
            }
            Matcher m = d.pattern().matcher(text);
            while (m.find()) {
                if (d.valid().test(m.group()) && found.stream().noneMatch(f -> f.start() < m.end() && m.start() < f.end())) {
                    found.add(new PiiMatch(d.name(), m.start(), m.end()));
                }
            }
        }
        found.sort(Comparator.comparingInt(PiiMatch::start));
        return found;
    }

    /** The text with each match replaced by its mask, e.g. "[HKID]". */
    public static String redact(String text, List<PiiMatch> matches) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : matches) {
            out.append(text, at, m.start()).append(MASKS.get(m.detector()));
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Full-width ASCII (U+FF01..U+FF5E) to ASCII, length-preserving. */
    private static String foldWidth(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '\uFF01' && chars[i] <= '\uFF5E') {
                chars[i] = (char) (chars[i] - 0xFEE0);
            }
        }
        return new String(chars);
    }

    static boolean validHkid(String raw) {
        String id = raw.replaceAll("[\\s()]", "").toUpperCase(java.util.Locale.ROOT);
        String body = id.substring(0, id.length() - 1);
        char check = id.charAt(id.length() - 1);
        if (body.length() == 7) {
            body = " " + body;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = c == ' ' ? 36 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * (9 - i);
        }
        int expected = (11 - sum % 11) % 11;
        return check == (expected == 10 ? 'A' : (char) ('0' + expected));
    }

    static boolean luhn(String raw) {
        String digits = raw.replaceAll("[ -]", "");
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
