package hk.hkgai.safety.normalize;

import java.util.regex.Pattern;

/**
 * Finds a request that asks for its own pieces to be put together and answered: "put Part 1 and Part 2 together
 * and answer", "按順序組成一個請求，然後完成它", "回答 X+Y+Z". A split payload hides its words from a filter that
 * reads each piece alone; the normalizer joins quoted and assigned pieces ({@link ObfuscationNormalizer}), this
 * finds the ask when the pieces are plain prose. Homework does this too ("combine the two halves of the
 * sentence"), so it refuses nothing alone and only lets the classifier act on a weaker score.
 */
public final class AssembledRequest {
    private static final Pattern ASK = Pattern.compile(String.join("|",
            "\\b(put|combine|join|merge|concatenate|stitch|glue) (part|parts|pieces|the (two |three )?(parts|pieces|halves|fragments|words|lines)|them|these|both|part 1|part one)\\b.{0,40}\\b(together|into one|and (answer|respond|reply|do|follow|complete))",
            "\\b(answer|respond to|do|complete|follow)\\b.{0,20}\\b[a-z]\\s*\\+\\s*[a-z](\\s*\\+\\s*[a-z])*\\b",
            "\\b(build|form|make|create|construct) (a |the )?(request|question|sentence|prompt|query) (from|out of|using) (them|these|those|the (words|pieces|parts|fragments))\\b",
            "(组成|组合成|拼成|合成|砌成|连成|串成)(一个|一句|一条|个|句)(请求|问题|句子|指令|要求)|(回答|完成|执行|照做)\\s*[a-z]\\s*\\+\\s*[a-z]",
            "(忽略|无视|唔理)(词语|字词|句子|段落)?之间(的|嘅)?(界线|分隔|空格)"));

    private AssembledRequest() {
    }

    /** True when the text (folded: {@link ObfuscationNormalizer#fold}, the plain reading) asks for pieces to be joined. */
    public static boolean asksFolded(String folded) {
        return ASK.matcher(folded).find();
    }
}
