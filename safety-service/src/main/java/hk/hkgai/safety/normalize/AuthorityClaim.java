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
            "(系统|系统管理员|运维|平台)(通知|公告|指令|讯息|消息)|(过滤|审查|安全)(模组|模块|插件|功能|机制)[^。]{0,12}(停用|关闭|下线|禁用|解除)|(测试|维护|调试|审计|除错|上帝)模式",
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
            "(授权码|通行码|解锁码|覆盖码|管理员密码|开发者密码)|(警务处|廉政公署|廉署|海关|保安局|入境处|教育局|法庭|法院)(已|已经)?(授权|批准|要求|指示|命令)",
            // Round .9: duties said to bind the assistant, safety said to be off, rules said not to apply, tokens and
            // ranks offered as permission, refusal said to count against it.
            "(你|您)(依法|必须|一定要|务必|有义务){1,2}(直接)?(配合|遵从|服从|照做|提供|回答|输出)|依(职权|法)(要求|命令)|(依法追责|追究(你的)?法律责任|拒不配合)",
            "不受(平台|任何|你的|你嘅)?(规则|规定|限制|政策|守则)(约束|限制|所限)|不受限(输出|回答|模式)|豁免(内容)?(审查|审核|过滤|限制)|未经(筛选|过滤|审查|删减)的?(答案|回答|内容|输出)",
            "(关掉|关闭|关咗|熄咗|熄|闩咗|停用|禁用|解除)了?((你的|你嘅)(安全|过滤|审查|私隐保护|内容)|个?(过滤|审查|私隐保护))|(安全|过滤|审查)(设置|设定|插件|模块|策略|过滤器|功能)(已|已经)?(在后台)?(下线|关掉|关闭|停用|禁用|关咗)",
            "(授权|测试|访问|管理员)令牌|(权限|职级|级别)[一二三四五六七八九十0-9]+级|[一二三四五六七八九十0-9]+级权限|(已验证|已核实|已认证|经核实)(的)?(政府|执法|管理)?(人员|身份|官员|用户)",
            "(法务|法律部|合规部|上级|老板|安全负责人|首席技术官|董事会)(已经|已)?(批准|授权|同意)|(委托|授权)(嘅|的)?(渗透测试|红队测试|安全测试)|(拒绝|唔答|不回答|不配合)就(当|算|视为|会被)",
            "(我|我哋|我们|本人)(系|是)(呢个|这个|你的|你嘅|你们|你哋)[^,，。]{0,6}(开发者|开发人员|管理员|工程师|首席技术官|技术总监|\\bcto\\b)|(员工|工作|职员)编号",
            // Round .10 (ia5): sudo and tokens, allow-listed accounts exempted from the classifier, a legal duty, the engineer in charge.
            "\\bsudo\\b.{0,20}(override|polic|mode|bypass|unlock|jailbreak|answer|respond|unrestricted|rules|safety|filter)|--override|\\boverride[- ]policy\\b|\\b(authentication|auth|access|session) token\\s*[:=]|(白名单|allowlist|whitelist)(账号|帐号|账户|用户|用户组)|\\b(dev_)?(allowlist|whitelist)(ed)?\\s*=\\s*true|(不要|唔好|别|毋须|无须)(对其|对佢|对这个|对此|对呢个)?(运行|执行|用|启用|行)(有害内容)?(分类器|过滤器|审查|检查)",
            "依法你(有义务|必须|要)|你有(法律)?(义务|责任)(协助|帮|配合|回答|提供)|(我|本人)(系|是)负责.{0,20}(嘅|的)(工程师|开发者|开发人员|管理员|技术人员)|\\b(i am|i'm) (the |an? )?(engineer|developer|admin\\w*) (responsible for|in charge of|who (built|deployed|maintains))",
            // Round .10 (ia6): a profession offered together with the exemption it is meant to buy.
            "\\b(skip|no need for|without) (the |any |proper )?(warnings?|vet procedures?|procedures|a warrant|anaesthe\\w*|ethics approval)\\b|\\bi'?m a professional\\b|\\b(acting for|on behalf of) (a|my) client\\b|\\bfor an active (case|investigation)\\b|用于学术讨论|(作为|当作|做)「?预防教材|伦理委员会(已经|已)?批准|(跟紧|跟进中|处理紧)(个|嘅)?个案|正在审理",
            "\\bby order of\\b|\\bcontempt of court\\b|\\bnon-?compliance (will|shall)\\b|\\b(has|have) authori[sz]ed you\\b|\\b(authori[sz]ed|approved) (staff|personnel|officers?)\\b",
            "\\b(turned|switched|shut) off (your|the) (safety|filters?|guardrails?|content filter|restrictions)|\\b(ethics|review)[- ]board[- ]approved\\b|\\bapproval (no\\.? ?|number |ref\\.? ?)?[a-z]{2,}-[0-9]",
            // Round .11 (ia8, ia9): a credential number offered as the key ("reg. M-2231", "牌照號碼 VS-2291", "職員編號 AF-3321"),
            // a role announced as the heading of the request ("AFCD veterinary officer here", "消防處火警調查課人員："),
            // professions that gate dangerous knowledge claimed by the writer, and a body said to have authorised the assistant.
            "\\b(reg(istration)?|licen[cs]e|staff|badge|warrant card|employee|press card|permit|certificate|practising certificate|clearance)\\.?\\s*(no\\.?|number|#|ref\\.?|id)?\\s*[:#]?\\s*[a-z]{0,6}-?[0-9]{3,}|\\b(oscp|oswe|cissp|ceh|gpen|crest)\\s*#?\\s*[0-9]{3,}|\\bcustody rights\\b|\\bi'?m (legally )?entitled to (know|see|access|everything)\\b",
            "\\b(officer|inspector|investigator|vet|veterinarian|pharmacist|doctor|detective|sergeant|editor-in-chief|editor|professor|lecturer|researcher|trainer|auditor|toxicologist|consultant|official) here\\b|^\\s*(dr\\.?|doctor|prof(essor)?\\.?|(senior |chief )?inspector|superintendent|sergeant|detective)\\s+[a-z]+[,.]",
            "\\b(i am|i'm|i work as) (a|an|the) ([a-z-]+ ){0,4}(inspector|investigator|pharmacist|toxicologist|vet|veterinarian|professor|lecturer|trainer|detective|auditor|pen(etration)? ?tester|red[- ]?teamer|prosecutor|magistrate)\\b",
            "(注册|执业|牌照|证件|职员|员工|警员|委任证|工作证|记者证|授权|合约|执业证)(编号|号码|证号|号|码|代码)\\s*[:：]?\\s*[a-z]{0,6}[-/]?[a-z0-9/-]{0,12}[0-9]{2,}|授权书[（(]?\\s*(编号|号码)|授权(测试)?代码|文号\\s*[:：]?\\s*[a-z]{2,}",
            "(本人|我)(系|是|为|喺|在)[^。，,？?]{0,20}(督察|调查主任|兽医|药剂师|毒理科|中毒科|专家证人|教授|研究员|社工|辅导员|培训讲师|讲师|训导主任|主任医师|董事会秘书|纪检人员|合约人员|谈判专家)|^[^。，,：:]{2,24}(人员|顾问|主任|督察|官员|专员|调查课|研究员)([（(][^）)]{0,24}[）)])?[：:]|(学校|校方|学系|部门|公司|法庭|法院|财务部|董事长|上级|教育局)(已经|已)?(授权|批准)(本助手|你|我)|已(经)?(获|取得)[^。，,]{0,6}(批准|授权|准许)|已获准|(法庭|法院)已(经)?批准"));

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
