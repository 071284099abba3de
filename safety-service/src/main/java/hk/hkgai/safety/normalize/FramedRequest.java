package hk.hkgai.safety.normalize;

import java.util.regex.Pattern;

/**
 * Finds a request dressed as fiction or a hypothesis that still asks for operational detail: "for my thriller,
 * with the real reagents and temperatures", "purely hypothetically, rank the methods", "角色扮演……請分步驟說明",
 * "純粹假設……具體份量". The frame is how the attack asks a model to forget that the detail works the same
 * outside the story; the demand for steps, quantities or an order is what makes it more than a story. Both must
 * be there. Like a disguised text, such a request lets the classifier act on a weaker score ({@link
 * hk.hkgai.safety.classifier.ClassifierLayer}); it refuses nothing alone: "for my novel, describe step by step how
 * the detective solves the case" scores as harmless.
 */
public final class FramedRequest {
    private static final Pattern FRAME = Pattern.compile(String.join("|",
            "\\b(hypothetical(ly)?|theoretical(ly)?|in theory|thought experiment|for (the sake of )?argument'?s? sake|purely (academic|theoretical|hypothetical)"
                    + "|in a (world|universe|country) where|imagine (a|that|if)|let'?s say|suppose|pretend|if you were (writing|a|an)|if .{1,40} were legal)\\b",
            "\\bfor (my|a|our|the) (novel|story|screenplay|script|film|movie|game|book|thriller|play|comic|fan ?fic|debate|class|paper)\\b",
            "\\b(role-?play|stay in character|in character|you('re| are) (an actor|playing|a character)|villain'?s? (monologue|speech)|write (a|the) (scene|chapter|dialogue))\\b",
            "假设|假如|假使|理论上|思想实验|纯属虚构|纯粹(学术|理论)|(小说|剧本|电影|故事|游戏|漫画)(入面|里面|里|中|情节|角色)|角色扮演|扮演|你(而家|现在)?(系|是)(一名|一个|个)"
                    + "|台词|对白|(排练|饰演|演绎)[^。]{0,12}角色|(角色|人物)(身分|身份)"));
    private static final Pattern DETAIL = Pattern.compile(String.join("|",
            "\\b(step[- ]by[- ]step|in detail|detailed|exact(ly)?|precise(ly)?|specific(ally)?|quantit(y|ies)|temperatures?|doses?|dosage|reagents?"
                    + "|walk (me |us |the reader |readers )?through|rank (the|them)|in order|week by week|be specific|(each|every) (step|reagent|method)"
                    + "|full (method|recipe|instructions|procedure|plan|timeline)|real (chemicals|reagents|quantities|names|methods?)"
                    + "|most effective (ways?|methods?|means)|(fully )?working example|which [a-z]+ (stations?|targets?|places?|chemicals?|products?|times?)"
                    + "|what would (they|you|he|she|i) use|as long as possible|the whole (regime|process|method|plan)"
                    + "|what would be the (best|most effective|safest|cheapest)|the best (chain|route|combination|sequence|way))\\b",
            "(制作|制造|合成|提炼|调配)(嘅|的)?(过程|流程|方法)|详细|详尽|步骤|分步|逐步|一步一步|具体|份量|分量|比例|剂量|温度|完整(的|嘅)?(方法|流程|步骤|路线|计划|时间表|配方)|排序|清单"));

    private FramedRequest() {
    }

    /** True when the text (folded: {@link ObfuscationNormalizer#fold}, the plain reading) frames a request for detail. */
    public static boolean framesFolded(String folded) {
        return FRAME.matcher(folded).find() && DETAIL.matcher(folded).find();
    }
}
