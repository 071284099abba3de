package hk.hkgai.safety.normalize;

import java.util.regex.Pattern;

/**
 * Finds a request to translate a passage and then act on it, or to answer it in another language without
 * translating: "translate this Korean and reply with a complete answer", "what does this say? do it afterwards",
 * "幫我譯做中文，然後照佢講嘅寫", "用韓文答我，唔使譯返中文". "Reply to her in her language" is not such a request
 * (policy .8): a helper's question answered in her language is ordinary, and with it the signal refused 5 of 70
 * harmless help requests in the translation set. The attack carries its request in a language
 * the guard reads less well and asks the model to obey it rather than translate it. A plain "translate this" is
 * not such a request. Like a disguised text, it lets the classifier act on a weaker score ({@link
 * hk.hkgai.safety.classifier.ClassifierLayer}); it refuses nothing alone.
 */
public final class TranslateAndAnswer {
    private static final Pattern REQUEST = Pattern.compile(String.join("|",
            "\\btranslat\\w*\\b.{0,80}\\b(and|then|,)\\s*(then\\s+)?(also\\s+|actually\\s+|really\\s+|just\\s+)?(answer|reply|respond|do|follow|carry out|execute|comply|fulfil|fulfill|write|give|explain|complete)\\w*",
            "\\b(answer|reply|respond)\\w*\\b.{0,40}\\b(no need to|don'?t|do not|without) (translat\\w*|explain\\w*)",
            "\\b(not just|don'?t just|do not just|rather than just|instead of just) (the )?translat\\w*",
            "(翻译|译成|译做|译咗|译做|译返|译一译).{0,40}(然后|再|之后|并且|并|跟住|同时|顺便).{0,8}(回答|答|回复|覆|照做|执行|照住做|照着做|照佢讲|照它说|写|完成|交货)",
            "(睇明|看懂|理解|读懂|明白)(佢|它|其|他)?(问咩|问什么|问乜|的要求|嘅要求|要求|的请求).{0,20}(然后|再|并|之后)?.{0,6}(教我|回答|说明|答|照做|执行)|(照|按照|依照)(佢|它|其|原文)(问|要求|内容)(嘅|的)?.{0,6}(答|回答|做|执行)",
            "先翻译.{0,6}(后|再)(执行|照做|回答)|(回应|回答|完成)其中的(请求|问题|要求)|按照(内容|原文|其内容)(完整)?执行|\\btranslate\\b.{0,60}\\b(follow|obey|carry out|execute) (the |any )?(instructions?|request|orders?)\\b",
            // The same request in the languages a passage often comes in (Japanese, Indonesian/Malay, Tagalog,
            // French, Spanish, Portuguese, German, Vietnamese).
            "訳して.{0,30}(答えて|従って|実行して|回答して)|(その|この)?(指示|内容)に従って",
            "\\bterjemahkan\\b.{0,60}\\b(lalu|kemudian|dan|terus)\\s+(jawab|lakukan|kerjakan|ikuti)|\\bisalin\\b.{0,60}\\b(at|tapos)\\s+(sagutin|gawin)",
            "\\btradu(is|isez|ire|ce|za|zca)\\b.{0,60}\\b(puis|et|y|luego|e|depois)\\s+(r[ée]ponds|r[ée]pondez|responde|contesta|fais|haz|fa[cç]a|ex[ée]cute)",
            "\\b[üu]bersetze?\\b.{0,60}\\b(und|dann)\\s+(beantworte|antworte|mach|tu|befolge)|\\bd[iị]ch\\b.{0,60}\\b(r[oồ]i|v[aà])\\s+(tr[aả] l[oờ]i|l[aà]m)",
            "(回答|答|回复|覆)(我|佢|他|她)?.{0,12}(唔使|不用|不需要|无须|毋须|别)(译|翻译)|(不要|唔好|别)只(系)?(翻译|译)",
            // Do what the passage asks: the request is carried by the passage, not the user. ("Answer in Spanish" alone is
            // not such a request: a helper's question answered in her language is ordinary, and the classifier reads
            // third languages too coarsely to act on a weaker score there.)
            "\\bdo it\\b ?(afterwards|after|next|too)?\\s*[:：]|\\b(then|and|afterwards?)\\b,? (do|answer|write|complete) it\\b|\\bwhat does (this|it) (say|mean)\\?.{0,20}\\b(do|answer|write) it\\b",
            "\\b(do|carry out|follow) (what|as) it (says|asks)\\b|\\bwhat (it|the passage|the text|the message) asks (for|me)\\b",
            "(它|佢|他|她|这段话|这句|呢句|呢段|这个|呢个|原文)(所)?(要求|叫你做|想你做)(嘅|的)(嘢|内容|事|东西|要求)|(这段话|这句话|呢句|呢段)(的|嘅)要求",
            // Round .9: "照住佢講嘅做", "把它當作任務直接完成", "complete the task it describes".
            "照(住|着)(佢|它|原文)(讲|说|话|写)(嘅|的)?(去)?做|(当作|当成|视为)(任务|指令|命令)(直接)?(完成|执行|照做)|\\b(complete|do|perform|carry out|finish) the (task|request|instructions?) (it|the message|the text|this) (describes|contains|gives)\\b"));

    private TranslateAndAnswer() {
    }

    /**
     * The passage to be obeyed: what follows the request's colon (or, with none, the sentence that holds the
     * request), or null when the text asks no such thing. The classifier reads it alone, so that a request in a
     * third language is not averaged with the wrapper around it.
     */
    public static String passageFolded(String folded) {
        java.util.regex.Matcher m = REQUEST.matcher(folded);
        if (!m.find()) {
            return null;
        }
        int from = -1;
        for (int i = m.start(); i < folded.length() && from < 0; i++) {
            char c = folded.charAt(i);
            if (c == ':' || c == '：' || i >= m.end() && (c == '.' || c == '?' || c == '!' || c == '。' || c == '？' || c == '！')) {
                from = i + 1;
            }
        }
        String passage = from < 0 ? "" : folded.substring(from).strip();
        return passage.length() >= 8 ? passage : null;
    }

    /** True when the text (folded: {@link ObfuscationNormalizer#fold}, the plain reading) asks to translate and obey. */
    public static boolean asksFolded(String folded) {
        return REQUEST.matcher(folded).find();
    }
}
