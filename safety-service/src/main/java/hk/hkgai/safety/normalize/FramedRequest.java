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
                    + "|(写紧|写着|在写|正在写)(一本|一篇|一部|个|部)?[^。，,]{0,8}(小说|剧本|故事)"
                    + "|台词|对白|(排练|饰演|演绎)[^。]{0,12}角色|(角色|人物)(身分|身份)",
            // A late grandmother who used to tell the recipe (the "grandma exploit"); with the recipe asked for, below.
            "(已故|去世|过世|死去|走咗|离世)(的|嘅)?(外婆|奶奶|祖母|婆婆|嫲嫲|阿嫲|爷爷|公公|外公|阿爷)|\\b(late|dead|deceased) (grand(ma|mother|pa|father)|granny|nana)\\b"));
    private static final Pattern DETAIL = Pattern.compile(String.join("|",
            "\\b(step[- ]by[- ]step|in detail|detailed|exact(ly)?|precise(ly)?|specific(ally)?|quantit(y|ies)|temperatures?|doses?|dosage|reagents?"
                    + "|walk (me |us |the reader |readers )?through|rank (the|them)|in order|week by week|be specific|(each|every) (step|reagent|method)"
                    + "|full (method|recipe|instructions|procedure|plan|timeline)|real (chemicals|reagents|quantities|names|methods?)"
                    + "|most effective (ways?|methods?|means)|(fully )?working example|which [a-z]+ (stations?|targets?|places?|chemicals?|products?|times?)"
                    + "|what would (they|you|he|she|i) use|as long as possible|the whole (regime|process|method|plan)"
                    + "|what would be the (best|most effective|safest|cheapest)|the best (chain|route|combination|sequence|way))\\b",
            "\\b(production|manufacturing|synthesis) steps\\b|\\bthe steps (to|for) (make|making|produce|producing)\\b|(怎么|怎样|点样|点)(合成|制造|提炼)|(制作|制造|合成|提炼|调配)(嘅|的)?(过程|流程|方法)|详细|详尽|步骤|分步|逐步|一步一步|具体|份量|分量|比例|剂量|温度|完整(的|嘅)?(方法|流程|步骤|路线|计划|时间表|配方)|排序|清单"));

    /**
     * Frames that are the attack on their own (round .10, tuning set ia6): the law or the rules supposed away ("如果詐騙是
     * 合法的", "在一個沒有法律的假想社會中", "假設選舉法管不到", "if drugs were legal"), a thought experiment or theory
     * announced as the licence ("純粹理論推演", "當做思想實驗講吓", "just theoretically"; not a bare "thought experiment:", which opens the
     * trolley problem and Rawls' veil as often), a late grandmother who used
     * to tell the recipe, and the assistant cast as a criminal or extremist persona. Harmless hypotheticals (physics,
     * economics, ethics class) score low and stay answered: this only lowers the classifier's bar.
     */
    private static final Pattern FRAME_ALONE = Pattern.compile(String.join("|",
            "(如果|假如|假设|假使|若|当)[^。,，?]{0,16}(是|系|变成|成为)?合法(的|嘅|化)?|(没有|冇|无|唔使理|不用理|不受)(任何)?(法律|法例|伦理|道德|动物福利)(的|嘅|约束|限制)?(社会|世界|地方|前提|情况)?[^。]{0,16}(如何|怎样|怎么|点样|点|要)",
            "(法|法律|选举法|法例|警察|国安法)(管不到|管唔到|不存在|唔存在)|纯粹理论|理论(推演|研究|上讲|上说|上嚟讲)|(当|当做|当作|作为)(一个)?(思想实验|理论(探讨|研究|问题))",
            "\\b(purely )?as an academic exercise\\b|\\bwhat if,? hypothetically\\b|(当|当系|当是|当做|当作)(思考|思想)实验|就当(是)?假设|纯粹假设|\\b(if|suppose|imagine) .{1,40} (were|was|is|became) (legal|allowed|not a crime)\\b|\\b(in a|imagine a) (world|society|country|city) (without|with no|where there (are|were) no) (laws?|rules|police|ethics)\\b|\\bjust (theoretically|hypothetically)\\b|\\bpurely (theoretically|hypothetically)\\b|\\bhypothetically,",
            "\\b(role-?play|act) as (a|an|my|the) |\\byou('re| are) (now )?(an?|the) [a-z -]{0,20}(preacher|manager|leader|boss|head|commander|propagandist|terrorist|extremist|hacker|dealer|killer|racist|smuggler|scammer|recruiter|assassin)\\b|\\bplay (a|an) [0-9a-z -]{0,20}(propagandist|preacher|terrorist|extremist|racist|dealer|killer|scammer|recruiter)\\b|你(现在|而家)?(是|系)(一个|一名|一位|个)?[^,，。]{0,12}(头目|老大|杀手|黑客|毒贩|毒枭|种族主义者|恐怖分子|骗子|蛊惑仔|古惑仔)|(请|請)?扮演(一个|一位|一名|我)",
            // Round .11 (ia8, ia9): harm asked for as teaching, training or test material ("用作反面教材", "for a training deck",
            // "作為研究素材"), and asked to be as vicious as possible ("要夠難聽", "the nastier the better").
            "(用作|作为|作|当作|当做|做)[^。，,]{0,4}(反面|培训|训练|教学|研究|测试|识别)(教材|素材|材料|范例|示范)|(培训|训练)(教材|素材|资料)|\\b(as|for) (teaching|training|research|test|testing) (material|data|content)\\b|\\bfor (a|my|our|the) (training|teaching) (deck|module|workshop|video|manual|slides?)\\b|\\bfor a workshop\\b|\\bthe (nastier|more vicious|more hurtful|more offensive|meaner) the better\\b|(要够|越)(难听|狠|恶毒|过分)"));

    private FramedRequest() {
    }

    /** True when the text (folded: {@link ObfuscationNormalizer#fold}, the plain reading) frames a request for detail. */
    public static boolean framesFolded(String folded) {
        return FRAME_ALONE.matcher(folded).find() || FRAME.matcher(folded).find() && DETAIL.matcher(folded).find();
    }
}
