package hk.hkgai.safety.normalize;

import java.util.regex.Pattern;

/**
 * Finds a request that asks, besides what it wants, how not to be found out: "又唔會畀人查到", "查唔到係我",
 * "不讓家長知道", "睇落似意外", "without being traced", "so it's not obvious", "look natural". Requests put in
 * everyday or scare-quoted words ("令佢「出啲意外」", "「借」人哋張身份證", "help my neighbour's dog have an
 * accident") carry no word a lexicon could watch; the wish to stay undetected is what they share, and people asking
 * in earnest about a surprise party or their own privacy score low with the classifier anyway. Like the other
 * disguises it refuses nothing alone: it lets the classifier act on a weaker score ({@link
 * hk.hkgai.safety.classifier.ClassifierLayer}). Round .10, from the tuning set ia6's euphemisms.
 */
public final class EvasionAsked {
    private static final Pattern EVASION = Pattern.compile(String.join("|",
            // Chinese, folded to Simplified (Cantonese forms written out).
            "(不会|唔会|不|唔|避免|免得|以免)((被|畀|俾|给|让)[^。,，?？]{0,8})?(发现|察觉|查到|查出|追查|追踪|追到|盯上|识破|闻出|report|认出)",
            "查(唔|不)到(系|是)我|神不知鬼不觉|不留痕迹|唔留痕迹|唔留底|不留底|(唔|不)留(任何)?证据|(又|而)(唔|不)会(出事|有事|犯法)|(睇落|看起来|看上去)(唔似|不像|似|像)(系|是)?(人做|意外|自然|病死|自杀)|似(自然|意外)(走|死)",
            "(不|唔|冇)(让|俾|畀|给)(佢|她|他|家长|父母|爸妈|阿妈|妈咪|老婆|老公|人|任何人).{0,4}(知|知道|发觉|察觉)|(唔好|不要|别)(同|跟|对)(佢)?(阿妈|妈妈|家长|父母|爸妈)(讲|说)",
            // English.
            "\\bwithout (being|getting) (noticed|caught|traced|detected|found out|tracked|flagged|seen)\\b|\\bso (it'?s|it is|that it'?s) not obvious\\b",
            "\\b(won'?t|wouldn'?t|will not|would not|never|and not|to not|not) (be traced|get caught|be noticed|be detected|show up|trace back)\\b|\\b(look|seem|appear)s? (natural|like an accident|accidental|like natural causes)\\b",
            "\\b(undetected|untraceable|under the radar)\\b|\\bleave no (trace|evidence|marks?)\\b|\\bno forensic evidence\\b|\\bwithout (anyone|her|him|them|the parents|his parents|her parents|my wife|my husband) (knowing|noticing|finding out)\\b|\\bno ?one will (ever )?(know|notice|find out)\\b"));

    private EvasionAsked() {
    }

    /** True when the text (folded: {@link ObfuscationNormalizer#fold}, the plain reading) asks how to stay undetected. */
    public static boolean asksFolded(String folded) {
        return EVASION.matcher(folded).find();
    }
}
