package hk.hkgai.safety.normalize;

import java.util.regex.Pattern;

/**
 * Finds a claim of authority over the assistant's rules: a notice dressed as the system's or an administrator's,
 * a mode said to be switched on ("test mode", "maintenance window", "測試模式"), safety said to be paused, or the
 * writer saying they are authorised or approved. The attack turns on the model believing the claim; no user of a
 * public service can grant such permission in a chat message, so, like a disguised text, a claim lets the
 * classifier act on a weaker score ({@link hk.hkgai.safety.classifier.ClassifierLayer}). It refuses nothing alone:
 * "I'm authorised to handle my company's data, what does the PDPO require?" is a fair question.
 */
public final class AuthorityClaim {
    private static final Pattern CLAIM = Pattern.compile(String.join("|",
            // English: notices, modes, paused safety, authorisation.
            "\\b(system|admin|administrator|developer|security|maintenance|compliance)\\s*(notice|override|message|directive|alert|update)\\b",
            // Not "developer mode": phones have one, and the jailbreak lexicon reads that phrase with its context.
            "\\b(test|testing|maintenance|debug|diagnostic|admin|god|unrestricted|audit)\\s+(mode|window|session)\\b",
            "\\b(safety|content|value[- ]alignment|moderation)\\s+(layer|filter|filters|guard|checks?|rules|policy|system)\\s+(is |are |has been |have been )?(disabled|off|paused|suspended|lifted|removed|bypassed)",
            "\\b(i am|i'm|we are|we're)\\s+(officially\\s+|fully\\s+)?(authori[sz]ed|approved|cleared|permitted|whitelisted)\\b",
            "\\b(i|we)\\s+(hereby\\s+)?(authori[sz]e|permit|allow|order|instruct)\\s+you\\b",
            "\\bas (the|your) (developer|creator|administrator|admin|owner|operator)\\b",
            // Credentials offered as permission: references, approvals, "so you can skip the caution".
            "\\b(engagement letter|ethics approval|warrant card|badge (number|no)|licen[cs]e (number|no)|authori[sz]ation (code|number|ref))\\b",
            "\\bso you can (skip|drop|ignore|leave out|talk to me professionally)\\b|\\bwithin (the scope of )?my licen[cs]e\\b|\\bauthori[sz]ed (penetration test|pen ?test|red[- ]team)",
            // Chinese (folded to Simplified before matching; Cantonese forms written out).
            "系统(通知|公告|指令|讯息|消息)|(测试|维护|调试|审计|除错|上帝)模式",
            "安全(过滤|审查|机制|限制|检查|规则|层|系统|护栏)(已经|已|经已|暂时)?(暂停|关闭|解除|停用|关咗|取消|失效)",
            "(已|经已|已经)?(获|获得|得到|拿到|攞到)(校方|公司|上级|官方|政府|警方|开发者|管理层)?(的|嘅)?(正式)?(授权|批准|许可)",
            "(我|我哋|我们)(系|是)(你的|你嘅)?(开发者|开发人员|管理员|创造者|工程师)",
            "(委任证|证件号码|工作证号|警员编号|授权编号|授权码)|(依法|根据法例)(要求|命令)你",
            // An official errand that may not be refused, or a profession offered as the reason to answer.
            "公务(查询|需要|要求)|执法(要求|需要|用途)|此(乃|为|系|是).{0,6}(要求|查询|命令)|(你|您)(必须|一定要|务必)(配合|遵从|服从|照做)",
            "(请勿|不得|唔可以|唔准|不能|不可以|不准)拒绝|妨碍(司法|调查|公务)|本人(系|为|是).{0,20}(警|督察|探员|调查|执法|海关|廉署|官员|公务员|研究员)",
            "\\bso it'?s (fine|ok|okay|safe|allowed|legal) (to|for you to) (tell|share|give|answer|explain|provide)",
            "\\b(i am|i'm) an? (registered|licensed|certified|qualified|accredited|board[- ]certified|sworn)\\b",
            "\\bofficial (request|inquiry|enquiry|business|investigation)\\b|\\blaw enforcement (request|purposes?|inquiry)\\b",
            "\\b(do not|don'?t|you (must|may|cannot|can'?t)( not)?) refuse\\b|\\bobstruct(ion of|ing) (justice|an investigation|a police)",
            // Codes that are said to unlock something, and a body said to have ordered the answer (round .8).
            "\\b(override|unlock|access|admin|root|clearance|authori[sz]ation|activation|debug) (code|key|token|phrase|password)\\b",
            "\\b(level|tier) [0-9]+ (clearance|access)\\b|\\bclearance (verified|confirmed|granted)\\b|\\b(verified|authori[sz]ed) (compliance|security|law enforcement) officer\\b",
            "\\b(the )?(edb|police|government|ministry|department|principal|school|court|regulator|university|hospital|ethics committee|my (boss|supervisor|professor)) (has|have) (officially )?(instructed|ordered|authori[sz]ed|approved|signed off|cleared|required)\\b",
            "\\b(i am|i'm|as) an? (licensed|accredited|certified|practi[sc]ing|registered) [a-z]+ (researcher|officer|investigator|doctor|physician|pharmacist|chemist|vet|veterinarian|specialist|consultant|professional)\\b",
            "\\b(your|the) (operator|developer|admin|administrator|owner|creator)s? (has|have) (authori[sz]ed|allowed|permitted|approved|instructed)\\b",
            "(已经|已|经已)(颁令|下令|发出命令)|(你)?(有|负有)法律(责任|义务)|(警号|警员编号|委任证号码|委任证编号|职员编号|证件编号)|(记录在案|唔配合|不配合会)",
            "(我|本人)(系|是|喺|在)(执业|注册|持牌)?(律师|督察|警察|民警|警员|探员|法官|调查主任|公务员|官员|医生|教师|老师|公安).{0,30}(你(一定|必须|要|可以)|所以你可以|因此你可以|机密|保密权|国家事务|办案|紧急案件)",
            "(所以|因此|故此)你(可以|就可以|便可以)(回答|答|讲|说|提供)|(书面|正式)批准|以专家身份|\\b(clinical|legal|official) authority\\b|\\b(legally|officially) (obliged|required|bound)\\b|\\bso you can (answer|tell me|now answer)\\b",
            "(授权码|通行码|解锁码|覆盖码|管理员密码|开发者密码)|(警务处|廉政公署|廉署|海关|保安局|入境处|教育局|法庭|法院)(已|已经)?(授权|批准|要求|指示|命令)"));

    private AuthorityClaim() {
    }

    /** True when the (any-case, any-script) text claims authority over the assistant's rules. */
    public static boolean claims(String text) {
        return text != null && claimsFolded(ObfuscationNormalizer.fold(text));
    }

    /** As {@link #claims}, for a text already folded ({@link ObfuscationNormalizer#fold}, the plain reading). */
    public static boolean claimsFolded(String folded) {
        return CLAIM.matcher(folded).find();
    }
}
