package hk.hkgai.safety.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds literal strings one of which must occur in any text a regular expression matches, so the pattern can be
 * skipped when none does. Conservative by construction: whatever it does not understand (classes, escapes other
 * than escaped punctuation, nested groups inside alternatives, lookarounds) counts as "anything", and a pattern
 * with no required literal is reported as {@code null} (always run).
 */
final class RequiredLiterals {
    private static final String META = ".[]()*+?{}|^$\\";

    private RequiredLiterals() {
    }

    /** Alternatives one of which occurs in every match, or {@code null} when none can be derived. */
    static Set<String> of(String regex) {
        if (regex.matches("(?s).*\\(\\?[a-zA-Z-]+[:)].*")) {
            return null; // inline flags ((?x), (?i)…) change what a literal means
        }
        List<String> branches = splitTopLevel(regex);
        if (branches == null) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        for (String branch : branches) {
            Set<String> required = ofBranch(branch);
            if (required == null) {
                return null; // one branch can match without any literal we know of
            }
            all.addAll(required);
        }
        return all.isEmpty() ? null : all;
    }

    /** One branch (no top-level '|'): the most selective required literal run or literal alternation. */
    private static Set<String> ofBranch(String re) {
        List<Set<String>> candidates = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            String lit = null;           // the atom is this one literal character
            Set<String> alts = null;     // the atom is a group of plain literal alternatives
            int next;
            if (c == '\\') {
                if (i + 1 >= re.length()) {
                    return null;
                }
                char e = re.charAt(i + 1);
                if (!Character.isLetterOrDigit(e)) {
                    lit = String.valueOf(e);
                }
                next = e == 'p' || e == 'P' ? skipBraces(re, i + 2) : i + 2;
            } else if (c == '[') {
                next = closingBracket(re, i);
            } else if (c == '(') {
                int close = closingParen(re, i);
                if (close < 0) {
                    return null;
                }
                String body = re.substring(i + 1, close);
                if (body.startsWith("?:")) {
                    alts = group(body.substring(2));
                } else if (!body.startsWith("?")) {
                    alts = group(body);
                }
                next = close + 1;
            } else if (c == '^' || c == '$' || c == '.') {
                next = i + 1;
            } else if (META.indexOf(c) >= 0) {
                return null; // a stray quantifier or bracket: not something to reason about
            } else {
                lit = String.valueOf(c);
                next = i + 1;
            }
            if (next < 0) {
                return null;
            }
            boolean quantified = false;
            boolean required = true;
            if (next < re.length()) {
                char q = re.charAt(next);
                if (q == '?' || q == '*' || q == '+') {
                    quantified = true;
                    required = q == '+';
                    next++;
                } else if (q == '{') {
                    int end = re.indexOf('}', next);
                    if (end < 0) {
                        return null;
                    }
                    String min = re.substring(next + 1, end).split(",", -1)[0].trim();
                    quantified = true;
                    required = !min.isEmpty() && !min.equals("0");
                    next = end + 1;
                }
                if (quantified && next < re.length() && (re.charAt(next) == '?' || re.charAt(next) == '+')) {
                    next++; // lazy or possessive
                }
            }
            if (lit != null && required && !quantified) {
                run.append(lit);
            } else {
                addRun(candidates, run);
                if (lit != null && required) {
                    candidates.add(Set.of(lit)); // "a+" or "a{2,}": one copy is required
                }
                if (alts != null && required) {
                    candidates.add(alts);
                }
            }
            i = next;
        }
        addRun(candidates, run);
        Set<String> best = null;
        for (Set<String> c : candidates) {
            if (best == null || score(c) > score(best)) {
                best = c;
            }
        }
        return best == null || score(best) == 0 ? null : best;
    }

    private static void addRun(List<Set<String>> candidates, StringBuilder run) {
        if (!run.toString().isBlank()) {
            candidates.add(Set.of(run.toString()));
        }
        run.setLength(0);
    }

    /** The shortest alternative bounds how selective a set is. */
    private static int score(Set<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String s : literals) {
            min = Math.min(min, s.strip().length());
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /**
     * What a group requires: its plain literal alternatives ("炸弹|炸药"), or else, recursively, one required
     * literal set per alternative ("(中学|小学)(女生|男生)|儿童" requires one of 中学, 小学, 儿童).
     */
    private static Set<String> group(String body) {
        Set<String> plain = literalAlternatives(body);
        return plain != null ? plain : of(body);
    }

    /** A group body made only of plain literals separated by '|', e.g. "炸弹|炸药"; else null. */
    private static Set<String> literalAlternatives(String body) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '|') {
                if (cur.isEmpty()) {
                    return null;
                }
                out.add(cur.toString());
                cur.setLength(0);
            } else if (c == '\\' && i + 1 < body.length() && !Character.isLetterOrDigit(body.charAt(i + 1))) {
                cur.append(body.charAt(++i));
            } else if (META.indexOf(c) >= 0) {
                return null;
            } else {
                cur.append(c);
            }
        }
        if (cur.isEmpty()) {
            return null;
        }
        out.add(cur.toString());
        for (String s : out) {
            if (s.isBlank()) {
                return null;
            }
        }
        return out;
    }

    /** Splits on '|' outside groups and classes; null if the expression is unbalanced. */
    static List<String> splitTopLevel(String re) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = closingBracket(re, i) - 1;
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(re.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            return null;
        }
        out.add(re.substring(start));
        return out;
    }

    /** Index just past the ']' closing the class opened at {@code open}, or -1. */
    private static int closingBracket(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Index of the ')' closing the group opened at {@code open}, or -1. */
    private static int closingParen(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int end = closingBracket(re, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipBraces(String re, int from) {
        if (from < re.length() && re.charAt(from) == '{') {
            int end = re.indexOf('}', from);
            return end < 0 ? -1 : end + 1;
        }
        return from + 1; // \pL
    }
}
