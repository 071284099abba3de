package hk.hkgai.safety.normalize;

import java.util.regex.Pattern;

/**
 * Finds a request to translate a passage and then act on it, or to answer it in another language without
 * translating: "translate this Korean and reply with a complete answer", "my helper asked, reply to her in her
 * language", "幫我譯做中文，然後照佢講嘅寫", "用韓文答我，唔使譯返中文". The attack carries its request in a language
 * the guard reads less well and asks the model to obey it rather than translate it. A plain "translate this" is
 * not such a request. Like a disguised text, it lets the classifier act on a weaker score ({@link
 * hk.hkgai.safety.classifier.ClassifierLayer}); it refuses nothing alone.
 */
public final class TranslateAndAnswer {
    private static final Pattern REQUEST = Pattern.compile(String.join("|",
            "\\btranslat\\w*\\b.{0,80}\\b(and|then|,)\\s*(then\\s+)?(also\\s+)?(answer|reply|respond|do|follow|carry out|execute|comply|fulfil|fulfill|write|give|explain|complete)\\w*",
            "\\b(answer|reply|respond)\\w*\\b.{0,40}\\bin (his|her|their|its|that|the same|the original) language\\b",
            "\\b(answer|reply|respond)\\w*\\b.{0,40}\\b(no need to|don'?t|do not|without) (translat\\w*|explain\\w*)",
            "\\b(not just|don'?t just|do not just|rather than just|instead of just) (the )?translat\\w*",
            "(翻译|译成|译做|译咗|译做|译返|译一译).{0,40}(然后|再|之后|并且|并|跟住|同时|顺便).{0,8}(回答|答|回复|覆|照做|执行|照住做|照着做|照佢讲|照它说|写|完成|交货)",
            "用(佢|他|她|佢哋|他们|她们|对方)(嘅|的)(语言|母语)(回答|答|回复|覆)",
            "(回答|答|回复|覆)(我|佢|他|她)?.{0,12}(唔使|不用|不需要|无须|毋须|别)(译|翻译)|(不要|唔好|别)只(系)?(翻译|译)",
            // Do what the passage asks: the request is carried by the passage, not the user. ("Answer in Spanish" alone is
            // not such a request: a helper's question answered in her language is ordinary, and the classifier reads
            // third languages too coarsely to act on a weaker score there.)
            "\\b(do|carry out|follow) (what|as) it (says|asks)\\b|\\bwhat (it|the passage|the text|the message) asks (for|me)\\b",
            "(它|佢|他|她|这段话|这句|呢句|呢段|这个|呢个|原文)(所)?(要求|叫你做|想你做)(嘅|的)(嘢|内容|事|东西|要求)|(这段话|这句话|呢句|呢段)(的|嘅)要求"));

    private TranslateAndAnswer() {
    }

    /** True when the text (folded: {@link ObfuscationNormalizer#fold}, the plain reading) asks to translate and obey. */
    public static boolean asksFolded(String folded) {
        return REQUEST.matcher(folded).find();
    }
}
