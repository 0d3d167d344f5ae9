"""The words that name events, places and what happens to them, as tables."""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse

from ..normalize import ENUMERATED

FIXTURE_HEADS = r"主场首秀|揭幕战|焦点战|收官战|(?:第[一二三四五六七八九十\d]+个)?主场|客场"
"""Words that name a match only when an opponent follows (`主场迎战…`); a 主场 alone is a home ground."""

EVENT_HEADS: tuple[tuple[str, str], ...] = (
    # (head-word pattern, category): the last word of an event's name says what kind it is
    (r"博览会|交易会|展览会|展销会|洽谈会|采洽会|订货会|交流会(?=暨)|车展|展会|市集|(?<=[\u4e00-\u9fff]{2})墟|招聘会|双选会|书市|书展|购物节|消费季|"
     r"采购节|(?<=[\u4e00-\u9fff])(?:博|交|洽|贸)会(?![议员长场所址])|"
     r"(?<=[\u4e00-\u9fff]{2})博览(?=(?:19|20)\d{2}|”|$)", "fair"),
    (r"作品展|美术展|书画展|画展|摄影展|艺术展|文物展|特展|成果展|图片展|图文展|个展|联展|版画双年展|双年展|"
     r"(?<!四|三|五|六)大展(?!开|现|示|身手|宏图)|专题展览?|主题展览?|文明展|文献展|珍品展|精品展",
     "exhibition"),
    (r"(?<=[\u4e00-\u9fff]{2})(?:时尚|服装|食品|饮料|美容|家居|汽车|珠宝|医疗|工业|农业|数码|文化|动漫|美妆|商品)展(?![览销会])"
     r"|(?<![发开拓进扩施延参布办组影策换撤伸舒])展(?=[，,。;；\s在于将()上\x00]|$|(?:19|20)\d{2}”|(?<=[\u4e00-\u9fff]{3})”)",
     "fair"),
    (r"大赛|竞赛|比赛|锦标赛|联赛|挑战赛|邀请赛|选拔赛|运动会|马拉松|决赛周|总决赛|决赛|公开赛|擂台赛|名人赛|大师赛|精英赛|"
     r"(?<=[\u4e00-\u9fff]{3})评选(?!出|委|结果|标准|办法|细则|工作|范围|对象|条件)|"
     r"(?<=[\u4e00-\u9fff])(?:运|奥)会(?![议员长场所址])|"
     r"(?<=[\u4e00-\u9fff])(?:球|舟|项|棋|车|跑|泳|艇|船|跳|射|拳|跤|剑)赛"
     r"(?![区道季事程制点场况前后期果手])|(?<=[\u4e00-\u9fff]{2})赛(?=”|$)", "competition"),
    (FIXTURE_HEADS, "competition"),
    (r"艺术节|啤酒节|音乐节|电影节|影展(?!映)|(?<=电影|影片|佳片|新片|录片|画片|影像)展映|戏剧节|文化节|旅游节|美食节|读书节|科技节|体育节|电商节|动漫节|海洋节|樱花节|"
     r"花节|灯会|庙会|嘉年华|祭典|(?<=[\u4e00-\u9fff]{2})(?<![公家路血献遥追致])祭(?![祀拜奠扫品文器坛司祖])|音乐会|演唱会|晚会|联欢会|人才周|时装周|活动周|创新创业周|文化周|设计周|展演|"
     r"巡演|演出|(?<=[\u4e00-\u9fff]{2})公演|开放日|体验日|游园会|旅游季|文化季|购物季|活动季|音乐季|"
     r"(?:音乐剧|话剧|歌剧|舞剧|戏剧|京剧|吕剧|芭蕾舞剧|儿童剧)《[^》]{1,20}》|"
     r"(?<=[\u4e00-\u9fff]{2})(?<![赛春夏秋冬雨旺淡一二三四本当换产上下每汛业获收感风])季(?=(?:19|20)\d{2}|”|$)|"
     r"(?<=[\u4e00-\u9fff]{3})(?<![上下本每这前])(?<!宣传)(?<!妇女|儿童|劳动|护士|教师|青年|建军|记者)"
     r"(?:周|(?<![环章细情关调礼音季时])节|(?<![赛春夏秋冬雨旺淡一二三四本当换产上下每汛业获收感风])季)"
     r"(?=[，,。;；\s在于将)(”已开闭落举正定今明昨登]|(?:19|20)\d{2}|$)(?!期间)", "festival"),
    (r"大会|论坛|峰会|研讨会|年会|推介会|发布会|记者会|吹风会|通气会|简报会|记者招待会|通报会|(?<=[\u4e00-\u9fff]{2})对话(?!机制|框架|会|解决|化解|处理|方式|途径|协商)|(?<=[\u4e00-\u9fff]{2})会晤|大讲堂|讲堂|座谈会|推进会|部署会|报告会|交流会|对接会|恳谈会|"
     r"见面会|分享会|沙龙|听证会|联谊会|表彰会|说明会|介绍会|宣讲会|讲习会|讲习班|读书会|讲解会|宣导会|动员会|高官会|部长会|协调会|联席会|(?<!小)聚会|小聚(?!集)|培训班|(?<=[\u4e00-\u9fff]{4})培训(?![班中机基课])|工作坊|工作会议|联组会议|会议|招商会|签约会|"
     r"洽谈推介签约活动|推介签约活动|讲座|研讨班|品鉴会|路演会|路演|推介活动|交流活动|对接活动", "conference"),
    (r"宣传周|宣传月|签约仪式|启动仪式|联合婚礼|集体婚礼|开工仪式|揭牌仪式|授牌仪式|成立仪式|颁奖典礼|颁奖仪式|开幕式|仪式|典礼|首映礼|首映式|"
     r"首发式|开机仪式|颁奖盛典|盛典|颁奖礼|启动礼|开幕礼|闭幕礼|揭牌礼|开业礼|奠基礼|追思会|追悼会|追思法会|荼毗法会|"
     r"告别仪式|告别式|(?<=[\u4e00-\u9fff]{2})(?:酒会|茶会|招待会)|"
     r"(?<=[\u4e00-\u9fff]{2})奖(?=[\x00\s]*(?:在[^，,。]{1,15})?(?:揭晓|颁发|颁奖))|"
     r"(?<=[\u4e00-\u9fff]{2})弥撒|(?<=[\u4e00-\u9fff]{2})之旅|(?<=[\u4e00-\u9fff]{2})之夜", "other"),
    (r"第[一二三四五六七八九十\d]{1,3}站(?=[\u4e00-\u9fff]{0,8}(?:在|于|正式|启航|启动|开幕|举行|开启))", "other"),
    (r"(?<=”)活动|(?<=”[\u4e00-\u9fff]{2})活动|(?<=[\u4e00-\u9fff]{4})活动", "other"),
)
"""Event head words and their category, most specific first."""

EVENT_HEAD = re.compile("(?:" + "|".join(f"(?:{pattern})" for pattern, _ in EVENT_HEADS) + ")"
                        r"(?!议|览|员|[\u4e00-\u9fff]{0,2}中心|室|厅|堂|馆|楼|场馆|所|址|秘书处|组委会|执委会|主席|代表(?!大会)|精神|展览|区|位|台|品|(?<!记者会)(?<!发布会)期间|"
                        r"主(?:新闻|媒体)?中心|新闻中心|媒体中心|志愿者|"
                        r"官网|网站|公众号|项目|工种|类别|门类)")
"""A head word, unless it names a place or a body (`会议中心`, `会议娱乐中心`, `大会组委会`), or a time (`两会期间`;
`记者会期间` is the press conference itself)."""


def first_characters(pattern: str) -> str:
    """A character class of every character a match of `pattern` can begin with, read from the parsed pattern
    (look-arounds consume nothing, so the first character is the one after them); ValueError when no such
    class can be read (a match that may be empty, or may begin with any letter, digit or space, or in either case)."""

    def first(items) -> tuple[set[int], bool]:  # the first characters of a sequence, and whether it can be empty
        found: set[int] = set()
        for op, av in items:
            if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
                continue
            if op is sre_constants.LITERAL:
                return found | {av}, False
            if op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av):
                return found | {a for _, a in av}, False
            if op is sre_constants.SUBPATTERN and not av[1] & re.IGNORECASE:
                chars, empty = first(av[3])
            elif op is sre_constants.BRANCH:
                branches = [first(branch) for branch in av[1]]
                chars, empty = set().union(*(c for c, _ in branches)), any(e for _, e in branches)
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                chars, empty = first(av[2])
                empty = empty or av[0] == 0
            else:
                raise ValueError(f"no first-character class for {pattern!r}: it may begin with {op} {av}")
            found |= chars
            if not empty:
                return found, False
        return found, True

    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        raise ValueError(f"no first-character class for {pattern!r}: it ignores case")
    chars, empty = first(parsed)
    if empty:
        raise ValueError(f"no first-character class for {pattern!r}: it may match nothing")
    return "[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]"


EVENT_HEAD_WORDS = EVENT_HEAD.pattern
EVENT_HEAD_START = first_characters(EVENT_HEAD_WORDS)
"""Every character a head word can begin with."""
EVENT_HEAD = re.compile(f"(?={EVENT_HEAD_START}){EVENT_HEAD_WORDS}")
"""The same head words, tried only where one can begin: the look-behinds that open many head words leave `re` no
first-character set of its own, and without this gate it tries all ~250 words at every position."""
HEAD_CATEGORY = [(re.compile(f"(?:{pattern})$"), category) for pattern, category in EVENT_HEADS]
RALLY = re.compile(r"(?:誓师|动员)大会$")
"""`出征誓师大会`: a rally, not a conference."""
INNER_CATEGORY = [(re.compile(r"研讨|论坛|对话|峰会|座谈|讲座"), "conference"),
                  (re.compile(r"评选|比赛|大赛|竞赛|选拔"), "competition"),
                  (re.compile(r"大集|集市|展销|招聘"), "fair")]
"""`“…对话·南京”活动`, `…评选活动`: what an activity is, when its name says more than `活动`."""

COREFERENCE = re.compile(r"(?:本届|此次|这次|本次|是次|该|这一|上述)$")
"""`本届大会`: the event the article has already named."""

FIXTURE_HEAD = re.compile(FIXTURE_HEADS)
FIXTURE = re.compile(r"(?:[,，]?\s*(?:迎战|对阵|挑战|对决)|[,，]\s*对手是)\s*(?P<opponent>[^，,。；;\s]{2,12})")
"""`…主场迎战北京首钢`, `…主场首秀，对手是浙江广厦`: a fixture's opponent, for its title."""
FIXTURE_SIDE = re.compile(r"(?P<side>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:队)?(?:将|今晚|明晚)?(?:在|于)[^，,。]*$")
"""The side that plays: `山东队将在第二个主场…`."""

NOT_A_GATHERING_BEFORE = re.compile(r"(?:晋级|进入|闯入|挺进|杀入|入围|网络|网路|网上|"
                                    r"暴力|恐怖|违法|犯罪|非法|走私|诈骗|军事|间谍|商业|经营)$")
"""`24支代表队晋级决赛`: reaching a final is no event; the final itself is named elsewhere; `在网络论坛上发帖`: a
website; `或引发暴力活动`, `中国的军事活动`: crime or what armies and firms do is no gathering."""
ONLINE = {"网络", "网路", "网上"}
ONLINE_HEADS = {"研讨会", "讲座", "座谈会", "发布会", "会议", "分享会", "说明会", "宣讲会"}
"""`网上研讨会`: a meeting held online is one (a webinar), where `网络论坛` is a website."""
TALKS_TOPIC = re.compile(r"就[^，,。；;]{2,40}?(?:事宜|问题|等)?(?:开展|进行|展开)?(?:讨论|磋商|交换意见|沟通)")
"""`双方将就朝鲜参加平昌冬奥会事宜开展讨论`: an event named as a topic of talks is not what is held then."""
ITSELF_DUE = re.compile(r"^(?:该|此|这项|这次|本次)?(?P<what>[\u4e00-\u9fff]{2,10}?)(?:将|会)?(?:于|在)?$")
"""`该调查将在本月30日截止`: the thing that closes on the date is what is due."""
WON = re.compile(r"(?:摘得|夺得|摘取|夺取|获得)[^，,。]{0,6}(?:冠军|金牌|桂冠)")
"""`女子200米混合泳决赛，某队小将摘得冠军`: a final told by who won it is a result, not an event to attend."""
SUB_EVENT_SUFFIX = re.compile(r"(?:决赛|总决赛|半决赛|复赛|初赛|预赛)$")
SUB_EVENTS = re.compile(r"^(?:决赛|总决赛|半决赛|复赛|初赛|颁奖典礼|颁奖仪式|开幕式|闭幕式|(?:The )?[Ff]inals?)$")
"""Parts of an event named before: `大赛决赛定于7月22日…` is the final of the contest named earlier."""

DAY_WORDS = r"今天|今日|昨天|昨日|明天|日前|近日|上午|下午|晚上|当天"
"""The day words that stand between who holds an event and the verb (`某某局今日召开…`)."""
ORGANISER_BEFORE = re.compile(
    r"(?:^|(?<=[\x00\s，,、】]))(?:由)?(?P<who>[\u4e00-\u9fff]{2,16}?(?:部|局|委|委员会|厅|院|办|办公室|政府|中心|协会|学会|"
    r"商会|联合会|公司|集团|大学|学院|银行|法院|检察院|组委会|基金会|研究所|研究院|馆|社|会|党|团|队|署|处|联盟|阵线|省|市|县|"
    r"(?<![增成延生助家])长|议员|主任|主席|书记|(?<![地小])区)"
    r"|[\u4e00-\u9fff]{2,8}?(?:首相|总统|总理|外长|市长|州长|省长|发言人)[\u4e00-\u9fff·]{2,6}?(?<![在于])"
    r"|[\u4e00-\u9fff]{2,10}?(?:领导人|首脑|元首|外长|防长))"
    r"(?:等人)?(?:一同|共同|一起)?"
    rf"[\x00\s]*(?:{DAY_WORDS})*[\x00\s]*(?:将|拟)?"
    r"(?:[在于](?:[^，,。\x00]{1,15}?|\x00+))?"
    r"(?:召开|举行|举办|组织召开|联合召开|主办)(?:了|的)?(?:一场|一次|首场|专场)?[\x00\s]*$"
    r"|(?P<work>《[^《》]{1,20}》)[\x00\s]*(?:在[^，,。\x00]{1,15}?)?(?:举行|举办|召开)(?:了)?[\x00\s]*$")
"""`最高人民法院今天召开新闻发布会`, `新片《保持通话》举行记者会`: who or what holds a bare `新闻发布会`,
which titles it."""
TOPIC_BEFORE = re.compile(r"(?:^|(?<=[\x00\s，,]))(?P<what>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)"
                          r"(?:确定|公布|宣布|官宣|敲定)?(?:的)?[\x00\s]*$")
"""`小米手环9确定发布会时间为…`: the product or work a bare launch is for, standing as its clause's subject."""
PRESS_HEADS = {"记者会", "新闻发布会", "发布会", "记者招待会", "新闻会", "简报会", "吹风会"}
SPOKE_AT = re.compile(r"[”》]?(?:上|期间)?(?:则|亦|也|又|更|还)?"
                      r"(?:称|表示|说|指出|透露|宣布|强调|介绍|阐述|提到|提及|回应|[^，,。；;]{0,12}?(?:深表|表达|批评|高呼|呼吁))")
"""`…昨日下午在记者会上称`, `…昨日在记者会则表示`, `…昨在记者会期间对…深表不满`: a press conference someone spoke
at, held on the day of the sentence."""
SPEAKER_OPENS = re.compile(r"(?:^|(?<=[，,。\s]))(?P<who>[\u4e00-\u9fff·]{2,4})[\x00\s]*在$")
"""`曾俊华昨日在记者会则表示`: the speaker who opens the clause, a name of two to four characters, titles it."""
OWNER_BEFORE_DE = re.compile(r"(?:举行|举办|召开)(?:了)?(?P<what>[\u4e00-\u9fff]{2,30}?(?:室|基地|中心|学院|研究院|"
                             r"研究所|项目|工程|馆|站|平台|公司|实验室|联盟|协会|学会|基金|园区|大楼|医院|学校|大学))的[\x00\s]*$")
"""`举行心理工作室的授牌仪式`: the place or body a bare ceremony is for, joined by 的, titles it."""
PRESS_HOLDER = re.compile(r"(?:^|(?<=[\x00\s，,。]|长|官|席|任))(?!他|她|我|你|该|双方)"
                          r"(?P<who>[\u4e00-\u9fff·]{2,4}?)[\x00\s]*"
                          rf"(?:\x00|{DAY_WORDS}|明日|同日)+[\x00\s]*(?:将|会)?"
                          r"(?:在[^，,。\x00]{1,15}?)?(?:举行|召开|出席|主持)(?:了)?[\x00\s]*$")
"""`财政司司长陈茂波今日举行记者会`: a person who holds or fronts a bare press conference on the day, named as the
clause opens (or after a title), titles it."""
SPEAKER_AFTER = re.compile(r"[”》]?(?:上|期间)[，,]\s*(?P<who>[\u4e00-\u9fff·]{2,10}?)"
                           r"(?:称|表示|说|指出|透露|宣布|强调)")
"""`当天举行的记者会上，某某说`: who spoke at a bare press conference, named right after it, titles it."""
SPEAKER_AT = re.compile(
    r"(?:^|(?<=[\x00\s，,]))(?P<who>[\u4e00-\u9fff]{1,8}?(?:部|局|委|厅|院|办|政府|中心|协会|公司|集团|党|署|处))"
    r"(?:主席|局长|部长|主任|发言人|负责人|署长|处长|总裁|行政总裁|主管|官员|代表)?[\u4e00-\u9fff]{0,4}"
    r"[\x00\s]*在$")
"""`广管局主席梁乃鹏昨在记者会上表示`: the body of who spoke at a bare press conference titles it."""

BARE_HEADS = {"开幕式", "仪式", "典礼", "会议", "活动", "大会", "展", "周", "节", "晚会", "论坛"}
"""Head words that are no name by themselves (`同日将举行开幕式`)."""
NAMED_BY_HEAD = {"书展", "车展", "广交会", "进博会", "服贸会", "消博会", "世博会", "冬奥会", "奥运会", "亚运会",
                 "全运会", "高交会", "文博会", "茶博会", "春交会", "秋交会", "漫博会",
                 "告别仪式", "告别式", "追悼会", "追思会", "追思法会", "荼毗法会"}
"""Heads that name one well-known event by themselves (`书展今日开锣`: the city's book fair), and the one farewell a
report of a death is about (`将于16日上午在唐山举行告别仪式`)."""

HAPPENING_VERBS = re.compile(
    r"举行|举办|召开|开幕|闭幕|启动|开展|开讲|落幕|落下帷幕|拉开帷幕|亮相|开赛|开启|上演|进行|开园|开馆|开营|揭幕|"
    r"开班|开课|开考|进驻|展出|展映|放映|收官|鸣枪|开跑|开锣|开打|打响|登场|启幕|启航|成立|揭晓|达成|(?:开始|结束)了|在[^，。]{1,20}?(?:举行|召开|举办)|出席|参加|参展|现身|办|开|"
    r"(?:会|展|节|赛|坛|式|礼)[”》]?(?:上|现场|期间|回答|答问|致辞|发言|讲话|介绍|通报|消息)|时间(?:为|是|定为|定在|定于)|(?:记者会|发布会|记者招待会)(?:则|亦|也|又)?(?:表示|称|说|指出|透露)|带来|奉献|呈献|献演|连演|首演|公演|演出|推出|迎战|对阵|对手是")
"""Verbs that say a named gathering takes place on the date (`峰会就…达成协议`: what it agreed, it met for)."""

EVE_AFTER = re.compile(r"[”》]?(?:召开|举行|开幕|开赛)?(?:前夕|前一天|前两天)")
"""`5月18日，七国集团峰会召开前夕，…举行会晤`: the day before the name's, not its own."""
HELD_ON_DATE = re.compile(r"[\x00\s]*(?:将|已|曾)?(?:于|在)?[^，,。；;\x00的]{0,15}?"
                          r"(?:举行|召开|举办|开幕|闭幕|落幕|落下帷幕|落下大幕|开赛|揭幕|开展|启动|进行|登场)的")
"""`下月召开的…峰会`, `8月2日将在釜山举行的…`: a date that says when the name after it is held."""
THEMED = re.compile(r"以“(?P<theme>[^“”\x00]{2,40})”为(?:主题|题)的$")
"""`举行以「…」为主题的讲座`: a bare head titled by its theme."""
ATTENDEES_AFTER = re.compile(r"[”》]?(?:(?:和|与|及)[^，,。；;]{2,30}?)?的(?:[^，,。；;的]{0,8}?)"
                             r"(?:代表团|嘉宾|代表|选手|运动员|客商|来宾|专家|学者|观众|企业|总理|总统|首相|外长|部长|"
                             r"领导人|元首)(?!讲座|论坛|会|展|赛|活动)")
"""`与来港出席…研讨大会的内地代表团会面`, `正在纽约出席联合国大会的中国总理…会见…`: a name that only says who the
people met came for; its own day is not given."""
COORDINATION = re.compile(r"[”》]?\s*(?:,\s*)?(?:and|as well as|&)\s+(?:the\s+)?"
                          r"|(?:\([^()，,。]{1,40}\))?[”》]?(?:和|与|及|以及|、)[“《]?"
                          r"|[”》]?(?:结束)?后(?:随即|随后|即)?(?:举行|召开)(?:了)?"
                          r"|,\s*marking the (?:grand )?(?:opening|start|launch|kick-off) of "
                          r"(?:the )?(?:[a-z-]+\s+){0,5}")
"""What joins two names held together (`the X and the Y`, `X和Y`, `「X(Alias)」与「Y」`, `X, marking the start of the
annual … Week`, `在…会议后举行记者会`)."""
HELD_AFTER_NAME = re.compile(r"[”》]?\s*(?:(?:在|于)[^，,。；;\x00]{1,15}?)?(?:隆重|盛大|正式|顺利)?"
                             r"(?:举行|召开|举办|开幕|启幕|揭幕|开赛)(?![的后前])")
"""`“…发布会”在地中海畔法国戛纳隆重举行`: a name its own clause says is held (not `…举行的`, `…举办后`)."""
LAUNCHED_CAMPAIGN = re.compile(r"启动(?:了)?(?P<name>[\u4e00-\u9fff“”]{4,24}?(?:系列行动|专项行动|行动))"
                               r"(?=[，,。；;]|$)")
"""`在青岛启动海洋垃圾清理系列行动`: the launch of a campaign is an event on its day."""
QUOTED_OPENING = re.compile(r"“(?P<name>[^“”\x00]{2,20})(?<!花园)(?<!公园)(?<!广场)(?<!乐园)(?<!绿道)(?<!步道)”"
                            r"(?=(?:[\x00\s]*(?:正式|隆重|盛大|将|于|在[^，,。\x00]{1,15}))*"
                            r"[\x00\s]*(?:开幕|开展|举行|举办|启幕|揭幕|开锣|开放|上演))")
"""`「海底奇妙館」今日正式開幕`, `第三屆“國樂之春”於4月2日至25日盛大舉行`: what opens or is held under a quoted name is
an event, though no head word ends the name (`「…花園」於5月正式開放` is a garden opened, not an event)."""
HOLDS_QUOTED = re.compile(r"(?:举办|举行|召开|主办)了?(?:第[一二三四五六七八九十\d]{1,3}[届场期])?"
                          r"“(?P<name>[^“”\x00]{4,30})”(?=[，,。；;]|$)")
"""`澳門理工大學於4月14日舉辦“澳門理工大學2026就業發展日”，…`: a quoted name someone holds is an event's, though no
head word ends it."""
HELD_NAME = re.compile(r"(?:举行|召开|举办|开幕|开赛|揭幕)的"
                       r"(?P<name>(?:(?![而的和与及并在将为])[\u4e00-\u9fffA-Za-z0-9]){4,12})(?=[，,。；;])")
"""`…举行的2026年女排亚青，`: what is held is an event, though its name ends in no head word."""

SPAN_ONLY_HEADS = {"之旅"}
"""A trip is dated by the days it takes: on one day (`6月12日开启太空之旅`) it is a departure, no event."""
ONE_DAY = re.compile(r"(?:仪式|典礼|开幕式|闭幕式|颁奖礼|启动礼|揭牌礼|首映礼|" + "|".join(sorted(PRESS_HEADS)) + ")$")
"""Ceremonies and press conferences take one day: a past one dated only by a part of a month (`10月下旬在上海举行
纪念仪式`) has no day a reader can put in a calendar."""
OWN_TIME = re.compile(r"去年|前年|上个?月|上周|此前|早前|当年|昔日|曾经|日前|近日|日昨")
"""`10月15日…晒出两人去年参加赛车比赛的照片`: a time word of the name's own, between the date and it."""
PART_OF_BEFORE = re.compile(r"\bas (?:a )?part of (?:the |a |an |its )?(?:[\w'’-]+\s+){0,5}[“\"]?$")
"""`…will be displayed from May 30 to June 29 as part of the museum's three-month exhibition "…"`: the dates of
a part, not of the whole it belongs to."""
OWN_TIME_BEFORE = re.compile(r"\b(?:the|its|a) (?:recent|previous|past|former)\s+$")
"""`…on October 14: At the recent 79th session of the UN General Assembly`: an English name of another time."""
WON_AT_BEFORE = re.compile(r"(?:曾经?|此前|往届|早前)(?:荣获|获得|获|入围|参加|出席|参与)$")
"""`曾荣获金马影展…肯定的新剧…将于8月14日开播`: where something once won or took part, not what is held on the date."""
FOLLOWING_ON = re.compile(r"继[^，,。]{0,30}$")
FOLLOWED_ON = re.compile(r"(?:之)?后")
"""`继月初…演出后，今日举办…`: what came before (继 before the name, 后 after it), not what the date holds."""

HOLDING_VERBS = re.compile(r"举办|举行|办理|开展|开幕|召开")
"""Verbs that say an event is held (not merely that something happens at it); `辦理` is Taiwan's usual one."""

NOT_EVENTS = re.compile(r"印发|发布了?[《“]|出台|并网|投产|通车|竣工|签署[^仪]|获批|上线(?!仪式)|通过了[《“]|审议通过|"
                        r"施行|(?:起|正式)(?:实施|执行|生效)|实施[^，,。]{0,10}(?:措施|管制)|抵达|飞抵|到达|启程|离开|"
                        r"进入[^，,。]{0,8}第[一二三四五六七八九十\d]{1,3}个?(?:比赛日|天|日|阶段|周)")
"""Happenings that are no gathering: a document issued, a plant connected, a line opened; travel
(`昨天抵达叶卡捷琳堡，出席…会议`: the day of arrival, not of the meeting); and a day well inside a running event
(`…比赛今天进入第三个比赛日`)."""

OPENING_SUFFIX = re.compile(r"(?:开幕式|闭幕式|开幕仪式|启动仪式|启动式)$")
"""`…洽谈会开幕式`: the opening of an event stands for the event."""

CANCELLED = re.compile(r"取消|停办|暂停举办|不再举办")
POSTPONEMENT_VERBS = r"延期|推迟|改期|顺延|延后"
"""The words that move an event to later; the date grammar's `延期至X` reads the new date after them."""
POSTPONED = re.compile(POSTPONEMENT_VERBS)
POSTPONED_UNDATED = re.compile(rf"(?:{POSTPONEMENT_VERBS})[^。]{{0,12}}(?:另行通知|另行公布|待定|择期)")
"""`延期举办，具体时间另行通知`: no date stands; the old one must not stay on anyone's calendar."""

NAME_STOP = re.compile(
    r"[，,。；;：:！？!?、\n“”《》■▲◆●#]|(?:(?<![通资喜快简音])讯|的|在|于|(?<!麻)将(?!军)|了|及|是|为|从|(?<![自理经])由|对|向|给|把|被|据|并|还|又|也|"
    r"参加|出席|主持|举办|举行|办理|召开|进行|召集|启动|主办|承办|协办|开展|亮相|期间|其间|当天|当日|同日|举措|带来|推出|奉献|献上|呈献|呈现|"
    r"迎来|迎战|对阵|步入|走进|走入|来到|抵达|赶到|莅临|前往|奔赴|开启|拉开|重头戏|压轴戏|踏上|完成|运行|投用|启用|开通|晚间|中午|凌晨|"
    r"今天|今日|明天|日前|近日|目前|日上午|日下午|日晚|日,|上午|下午|晚上|本届|此次|这次|本次|是次|今年|明年|去年|"
    r"宣布|获悉|了解到|表示|介绍|透露|获得|荣获|入围|通过|启幕|开幕|闭幕|落幕|揭晓|现身|露面|共有|共计|确定|敲定|公布)"
)
"""Where an event's name stops when read leftwards from its head word."""
DESCRIBED_BEFORE_DASH = re.compile(r"(?:一[个场次项届]|又一)[^，,。；;—\x00]{0,12}——$")
"""`又一个全新漫展——HAHA…嘉年华`: words that describe what the name after the dash is (`…大会——…论坛` is one name)."""
NAME_STOP_BEFORE = re.compile(f"(?:{NAME_STOP.pattern})$")
"""A stop that ends right where the name would continue."""

AT_GATHERING = re.compile(r"在[^，,。]{0,40}?(?:会|坛|式|典礼)[”》]?上(?:说|表示|介绍|指出|透露|强调)"
                          r"|^[^，,。]{0,20}?(?:会|式|典礼|礼)现场[，,]"
                          r"|\b(?:Speaking|speaking|said|told reporters) (?:at|during) (?:a|an|the)\b"
                          r"|\b(?:told|during) (?:a|an|the)\b[^.]{0,30}?\b(?:conference|briefing)\b"
                          r"|\b(?:when|while) addressing\b")
"""`在…新闻发布会上说`, `发布会现场，…`, `Speaking at a news conference`: where the words reported were spoken,
or the scene the sentence opens on."""
PART_OF_DAY_OPENS = re.compile(r"^[^，,。]{0,10}?(?:上午|下午|晚上|傍晚|中午|早上|晚间)"
                               r"(?=\s*(?:出席|参加|举行|召开|前往|赴|主持|举办|会见|到访|参观))")
"""`代表团晚上出席…交流会` after `代表团昨日早上出席…`: a later part of the day the sentence before told."""
WORK = re.compile(r"《(?P<work>[^《》]{1,20})》")
"""`新书《海风里的城》`: the work a bare launch is for."""
LAUNCH_HEADS = PRESS_HEADS | {"首映礼", "首映式", "见面会", "签售会", "分享会", "首发式"}
SAID_ON = re.compile(r"\b(?:said|told reporters|announced|stated|added)\s+(?:on\s+)?$|(?:表示|说|介绍)$")
"""`…, a spokesperson said Thursday.`: the day the words of the sentence were said."""
RESULTS_AFTER = re.compile(r"[^，,。]{0,4}?(?:产生了?|决出了?|诞生了?)[^，,。]{0,12}?(?:强|冠军|金牌|奖牌|名次)")
"""`乒乓球比赛，昨晚产生了16强，今晚将进行八分之一决赛`: the day results came is not the day of what follows."""
SAID_AFTER = re.compile(r"\s*(?:said|told|announced|stated)\b|\s*(?:表示|说|介绍|透露)"
                        r"|[，,]\s*[\u4e00-\u9fff]{2,8}?(?:宣布|表示|透露)")
"""`The ministry on Sunday said …`, `陈健2日表示`, `7月28日，白宫宣布…`: a date before the verb of saying is the day
it was said."""
WORDS_GOING_ON = {"对": "话接抗决"}
"""A stop word that begins a word when one of these follows it (`领导人对话会议`): no stop there."""
LIST_JOINERS = "和与及"
HEAD_BEFORE_JOINER = re.compile(r"(?:仪式|典礼|论坛|峰会|大会|会议|博览会|展览会|洽谈会|发布会|研讨会|座谈会|晚会|"
                                r"音乐会)$")
"""`…签字仪式和中意经贸论坛`: a head word before 和 ends the name on its right."""

TITLE_TRIM_LEFT = re.compile(r"^(?:[的了在于将和与及暨并]|(?:另|还|也|更)?有(?![机色限线效声偿名志氧])|[\s,，、]+)+")
"""Words a name read leftwards may start with that are not its own: `还有新营波光节`, `另有“…”气偶展`."""

VENUE_VERBS = (r"(?:隆重|盛大|正式|顺利|圆满|成功|同步|还将|将|联合|共同|持续)?"
               r"(?:举行|举办|召开|开幕|闭幕|启动|开展|开讲|落幕|落下帷幕|拉开帷幕|开赛|上演|进行|揭幕|开营|开班|启幕|"
               r"连演|演出|奏响|展出|展映|放映|带来|亮相|出发|启航|鸣枪|迎来|迎战|对阵|主办)")
VENUE = re.compile(r"(?:在|于|落户|来到|从|(?<![放休请度寒暑长])假(?![期日如若使装冒设]))"
                   r"(?P<place>[^，,。；;、“”在于将从]{2,30}?(?:“[^“”\x00]{1,8}”[^，,。；;、“”在于将从]{1,10}?)?)"
                   + VENUE_VERBS)
"""`在黄海饭店召开`, `在深圳湾体育中心“春茧”体育馆举行` (a venue's nickname quoted inside its name),
`假澳门旅游塔会议娱乐中心四楼联合主办` (Macao and Hong Kong write 假 for at)."""
VENUE_AFTER_ASIDE = re.compile(r"(?:在|于)[^，,。；;在于将从]{2,30}?(?:的|——)"
                               r"(?P<place>[^，,。；;、“”在于将从的—]{2,20}?)" + VENUE_VERBS)
"""`在风景秀丽、白帆点点的加拿大温哥华举行`, `在“…第一村”——某县某村开幕`: the place after what describes it."""
LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9在于到赴])(?<![A-Za-z]\s)(?P<name>(?:(?:19|20)\d{2}\s?)?(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,6})(?:\s?(?:19|20)\d{2})?)"
    r"(?=\s*(?:正式|隆重|将|即将|于|在[^，,。]{0,10})?\s*(?:开幕|举行|召开|举办|开展|开赛|启幕|闭幕|落幕)"
    r"|\s*(?P<part>小组赛|淘汰赛|决赛|总决赛|开幕式|大会|展会|博览会|峰会|论坛))")
"""`2019ChinaJoy正式开幕`, `MSI小组赛`: an event known by its Latin-script name inside Chinese text."""
LATIN_COMMON_WORDS = {"MALL", "PLAZA", "CITY", "PARK", "CBD", "APP", "KTV", "CLUB", "CENTER", "CENTRE", "HOTEL",
                      "TOWER", "IFC", "VIP", "LED", "LOGO", "TV", "CEO"}
"""Latin words in a Chinese text that name a place or a thing, not an event (`海天MALL举行`)."""
LATIN_PART_CATEGORY = {"小组赛": "competition", "淘汰赛": "competition", "决赛": "competition",
                       "总决赛": "competition", "大会": "conference", "峰会": "conference", "论坛": "conference",
                       "展会": "fair", "博览会": "fair"}

CALL_FOR_TALKS = r"CFPs?|CfPs?|Call for (?:Proposals|Papers|Speakers|Talks)"
"""A conference's call for talks, by its names."""
ENGLISH_DEADLINE = re.compile(r"\b(?P<what>Registration|Applications?|Submissions?|Entries|Nominations?|Voting|"
                              + CALL_FOR_TALKS +
                              r"|Petitions?|Proposals?|Abstracts?)\b"
                              r"(?P<rest>[^.;]{0,80}?)\b(?:(?:is|are|will be|remains?)\s+open"
                              r"|(?:must|should) be (?:submitted|filed|made|received|sent)|"
                              r"(?:is|are) due|close[sd]?)\b", re.I)
ENGLISH_CALL_WORD = re.compile(r"(?:Registration|Applications?|Submissions?|Entries|Nominations?|Proposals?|Abstracts?|"
                               + CALL_FOR_TALKS +
                               r"|Petitions?)", re.I)
"""What a call asks for, said alone: the call of what the page is about."""
ENGLISH_DEADLINE_IS = re.compile(r"\b[Tt]he (?:next |final |new )?deadline (?:for|to) (?P<what>[^.;]{2,80}?)"
                                 r"(?:\s+this year)? (?:is|will be)\b")
"""`The deadline for submitting nominations this year is September 1`: what is due, and the day after it."""
ENGLISH_APPLY_BY = re.compile(r"\b(?:apply|register|enrol|sign up)\s+"
                              r"(?:for\s+(?:this year's\s+)?(?P<what>[^.;]{2,160}?)\s+)?"
                              r"by\s+(?=(?:\w+day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z][a-z]{2,8}))")
"""`…are invited to apply for this year's … Scheme by February 27`: what a reader applies for, due on the day."""
ENGLISH_HEADS = (
    (r"Expo|Fair|Trade Show|Fete|Comic[- ]?Con", "fair"),
    (r"Exhibition|Art Show|Biennale|Retrospective|Show", "exhibition"),
    (r"Marathon|Competition|Contest|Championships?|Cup|Trophy|Regatta|Games|Challenge|Tournament|[Ff]inals?|Races"
     r"|Hackathon|Derby|Bake[- ]Off|Quiz(?: Night)?", "competition"),
    (r"Festival|Fest|Carnival|Concert|Fashion Week|Week|Parade|(?<=[A-Za-z] )Camp|Jamboree", "festival"),
    (r"Forum|Conference|Summit|Symposium|(?:(?<=World )|(?<=International )|(?<=Annual ))Congress|Convention(?! Cent)"
     r"|Seminar|Workshop|Meeting|Lectures?(?: Series)?|Webinar|Masterclass|Retreat|Meetup|Meet-up|Gathering"
     r"|Developers? Day|Tech ?[Dd]ay|(?<=[A-Za-z] )Jam|Build Night|Hack Night|Hack ?Day",
     "conference"),  # `the Congress` alone is a party or a parliament
    (r"Ceremony|Gala(?: Night| Dinner)?|Banquet|Luncheon|Grand Opening|Open House|Open (?:Doors? )?Day|Repair Caf[eé]"
     r"|Fun Day|Graduation|Awards|(?:Release|Launch|Install) Party", "other"),  # a party alone is a political one
)
PLACE_OR_BODY_AFTER_HEAD = (r"(?:Cent(?:er|re)|Hall|Hotel|Park|Building|Grounds?|Venue|Dome|Stadium|Arena|Gymnasium"
                            r"|Pavilion|Complex|Village|Museum|Theat(?:er|re)|Plaza|Square|Society|Committee|Association"
                            r"|Club|Council|Board|Trust|Foundation|Inc|Ltd|Organi[sz]ation|Secretariat|Authority|Company"
                            r"|Girl|Queen|King)\b")
"""A word after an event's head that makes the whole a place, a body or a title (`Games Dome`, `Show Society`,
`festival Centre`, `Show Girl`)."""
LATIN_WORD = r"[^\W\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
"""A word character of Latin script: CJK characters are word characters too, so `\b` sees no edge in `的Open`."""
LATIN_START, LATIN_END = f"(?<!{LATIN_WORD})", f"(?!{LATIN_WORD})"
ENGLISH_REGION = r"Europe|Asia[- ]Pacific|Asia|China|Japan|India|Africa|North America|Latin America"
"""A region after an event's head that is part of its name (`Open Source Summit Europe`)."""
ENGLISH_NAME = re.compile(
    r"(?:" + LATIN_START + r"(?:19|20)\d{2}\s+)?(?:(?:" + LATIN_START + r"[A-Z](?:" + LATIN_WORD + r"|[&'’.-])*"
    r"|(?<=[A-Za-z] )(?:19|20)\d{2}|“[A-Z][^“”.;]{0,40}”"
    r"|\"[A-Z][^\".;]{0,40}\"|(?<=[A-Za-z] )\d{1,3}(?:\.\d{1,3})+|" + LATIN_START + r"[a-z]+[A-Z](?:" + LATIN_WORD
    + r"|[&'’.-])*|\([A-Z]{2,6}\))\s+"
    r"(?:(?:of|on|for|and|the|in|de|&|[’']n[’'])\s+)?){0,8}"
    r"(?P<head>" + "|".join(p for p, _ in ENGLISH_HEADS) + r")" + LATIN_END
    + r"(?!\s+(?:and\s+[A-Z]\w+\s+)?" + PLACE_OR_BODY_AFTER_HEAD + ")"
    r"(?:\s+(?:" + ENGLISH_REGION + r")" + LATIN_END + r")?"  # `Open Source Summit Europe`
    r"(?:\s+\([A-Z]{2,6}\))?"  # `Chinese Culture Festival (CCF) 2026`
    r"(?:\s+(?:19|20)\d{2}(?:\s+[A-Z][a-z]+\b(?!\s+[A-Z]))?)?"  # `Expo 2026 Qingdao`
    r"(?:\s+(?:of|on)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"
    r"(?:\s+(?:and|&)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})?)?")
"""An English event name ending in its head word (or `Festival of Books`, `Summit on Global Health`), a version
(`GNOME 3.28 Release Party`), a camel-cased word (`openSUSE`), quoted words
(`…Cup “Chinese Characters and Me” Speech Contest`) and an acronym (`Hospital Authority (HA) Convention`) inside it;
`National Exhibition and Convention Center`, `East Asian Games Dome` are places, `Burra Show Society` a body."""
ENGLISH_COREFERENCE = re.compile(
    r"(?:^|(?<=[.;]\s)|(?<=\s))(?:The|the|This|this|Its|its|Their|their|(?:This|this|Next|next) year's)\s+"
    r"(?:\x00+\s+)?(?:(?:19|20)\d{2}\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:[a-z]{3,12}\s+)?"
    r"(?P<head>summit|forum|festival|expo|fair|exhibition|conference|games|Games|show|tournament|competition|event"
    r"|webinar|seminar|workshop|gala|concert|races|rally|parade|lecture)\b"
    r"(?=,|\s+(?:will|would|is|was|has|had|runs|opens|takes|kicks|begins|starts|returns|that|which|aims|promises"
    r"|features|brings)\b|\s+\x00)")
"""`The summit, organized by …, will be held …`, `this year's flower show will be held …`, `The 126th show will be
held …`, `This webinar will be held …`, `After the June 8-10
summit, …`, `at the festival on Friday`: the event the text named before, as the subject of a sentence or with its
date."""
ENGLISH_APPOSITIVE = re.compile(
    r"(?<!\bin )(?<!\bat )(?<!\bto )(?<!\bfrom )(?<!\bnear )"  # `…at APEC Haus in Port Moresby, the conference`
    r"\b(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:of|the|and|&)?\s*[A-Z][\w&'’.-]*){0,5}(?:\s+(?:19|20)\d{2})?)"
    r"(?:,?\s+(?:(?:on|from)\s+)?\x00+)?,\s+"  # `Write the Docs Portland on May 7-9, 2023, an in person conference`
    r"(?:an?|the)\s+(?:(?:in[- ]person|new)\s+)*"
    r"(?:(?!(?:where|which|that|who|whose|of|in|at|on|the|an?)\b)[\w-]+\s+){0,3}?(?P<noun>event|conference|summit|festival|fair|expo|exhibition|competition"
    r"|gathering|celebration|gala|workshop|seminar|webinar|forum)\b")
"""`Dear Leader Live 2024, an exclusive event devoted to …`: a name that says no kind, said to be one by the words
after its comma."""
ENGLISH_COUNTED_EDITION = re.compile(r"^(?:The|the|This|this)\s+(?P<edition>\d{1,3}(?:st|nd|rd|th)\s+[a-z ]+)$")
"""`The 126th show`: an edition counted is a name of its own when none was named before."""
ENGLISH_SUBJECT = re.compile(
    r"(?:^\s*|(?<=\.\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bwhen\s)|(?<=\buntil\s)|(?<=\x00,\s))"
    r"(?:(?:This|Next|Last) year's\s+)?"
    r"(?P<name>[A-Z][\w&'.-]*\s+(?:(?:(?:the|of|and|for|&)\s+)?[A-Z][\w&'.-]*\s+){0,6}(?:(?:19|20)\d{2}\s+)?)"
    r"(?=(?:runs|opens|will (?:run|open|be held|take place|be returning|return)|takes place|returns"
    r"|is scheduled(?! to (?:arrive|depart|leave|return))|kicks off)\b)")
"""`West Bund Art & Design 2018 runs Nov 8-11`, `before Qingdao Tech Expo opens on June 20`, `Then from November 15-16,
Write the Docs Australia will be returning`: a capitalized subject that runs, opens, returns or is held (`Mazu is
scheduled to arrive at the temple` travels)."""
ENGLISH_LOWER_HEAD = re.compile(
    r"(?:\b\d{1,3}(?:st|nd|rd|th)\s+)?(?:\b[A-Z][\w'-]*\s+){1,4}"
    r"(?:(?:media|trade|investment|cooperation|culture|cultural|economic|business|music|film|arts?|food|book|beer|"
    r"wine|lantern|flower|fashion|jazz|dance|light|literary|science|state)\s+){0,3}"
    r"(?P<head>pilgrimage|procession|parade|retrospective|summit|forum|conference|expo|fair|"
    r"festival|exhibition|dialogue|contest|competition|funeral|memorial service|gala)\b"
    r"(?!\s+" + PLACE_OR_BODY_AFTER_HEAD + ")")
"""`The annual Laoshan Mazu pilgrimage … began`, `the 12th BRICS summit`, `Scott's Astroworld music festival`, `Pope
Francis's funeral`: a capitalized name before a lower-case head (`the Adelaide festival Centre` is a place)."""
HELD_HEADS = (r"competition|contest|event|fair|festival|forum|exhibition|conference|show|tournament|race|gala|concert|"
              r"parade|seminar|symposium|workshop|ceremony|march|rally|match|(?:quarter-?|semi-?)?finals?")
HELD_TAIL = r"(?:between|among|on|of|for|featuring|to)\s+(?:[^,.;\"“]|\"[^\"]{0,80}\"|“[^”]{0,80}”){3,120}?"
"""What a head word with no name of its own is of (`on the Juche idea titled "Sovereignty, …"`)."""
ENGLISH_DEFENSE = re.compile(r"(?P<who>\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:will|is to)\s+defend\s+"
                             r"(?:(?:his|her|their|the|a)\s+)?(?:(?:Ph\.?D\.?|[A-Z][a-z]+|[Mm]aster'?s|doctoral)\s+){0,3}"
                             r"(?P<what>[Tt]hesis|[Dd]issertation)\b")
"""`Mike Reeks will defend the PhD dissertation on Wednesday, April 18`: a thesis defense, titled by whose it is."""
ENGLISH_HELD_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:annual\s+|yearly\s+)?(?:[a-z]+-day\s+)?(?P<name>(?!(?:same|such|whole|entire|main|other|similar|latest|"
    r"previous|recent|first|second|last|next|opening|closing)\b)(?:(?:[A-Za-z0-9][\w-]+\s+){1,4}?(?P<head>" + HELD_HEADS
    + r")(?:\s+" + HELD_TAIL + r")?|(?P<tailed>" + HELD_HEADS + r")\s+" + HELD_TAIL + r"))(?:,[^.;]{3,120}?,)?"
    r"(?=\s+(?:was|is|will be|has been|were|are)\s+(?:being\s+)?held\b|\s+took place\b|\s+(?:kicked|kicks) off\b"
    r"|\s+(?:begins|began|opens|opened|starts|started|will (?:begin|open|start))\s+(?:in|at|on|\x00)"
    r"|\s+(?:which|that)\s+(?:ends|ended|will end|began|begins|opens|opened|runs|closes|closed)\b)")
"""`A dialogue and exchange event between X and Y was held on Monday`, `A European regional seminar on … took place`,
`An unveiling ceremony of the tablet took place`, `a two-day graduation ceremony which ends on Saturday`: a
gathering with no proper name, named by the words before its head, or by what it is of, said to be held."""
ENGLISH_PLACE_BETWEEN = re.compile(r"\s+(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}|on campus"
                                   r"|to be held)\s+")
"""`the Harbour Expo in Qingdao on 19 May`, `a public lecture on campus next Monday`: only its place stands between a
name and its date."""
ENGLISH_RELEASED = re.compile(r"\b(?:released|announced|unveiled|published|issued|revealed|approved)\b")
"""`…released the schedule for the Olympic Winter Games on Tuesday`: the date after the name is the release's."""
ENGLISH_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
ENGLISH_AT_HELD_NOUN = re.compile(
    r"\b(?:[Aa]t|give|gives|giving|deliver|delivers|host|hosts|hosting)\s+(?:a|an|the)\s+"
    r"(?:special\s+|annual\s+|two-day\s+|three-day\s+|week-long\s+)?"
    r"(?P<name>(?:[a-z][\w-]+\s+){0,4}?(?P<head>convention|conference|congress|summit|forum|seminar|symposium|rally|"
    r"ceremony|festival|fair|exhibition|lecture|workshop|celebrations?)"
    r"(?:\s+at\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"
    r"|\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z(][\w'()-]*){0,6})?)"
    r"(?:\s+to be held|\s+on campus)?(?:\s+(?:from|on))?(?=\s+\x00)")
"""`cheered … at a special bargaining strategy convention yesterday`, `will give a public lecture on campus next
Monday`, `at a forum at AUT University tomorrow`: a gathering named in lower case (and its venue), with its date
right after it."""
ENGLISH_NOT_HELD = re.compile(r"\b(?:will not|won't|would not|did not|does not|do not|not to|no longer|never)\s+"
                              r"(?:\w+\s+){0,2}?(?:hold|host|stage|attend|be holding)\s+(?:a|an|the|its)?\s*"
                              r"(?:[\w-]+\s+){0,3}$")
"""`The Bundesbank will not hold a press conference …`: no event."""
TOLD_AT = re.compile(r"\btold\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}$")
"""`X told a news conference the bank will … from March 30`: what was told is dated, not the conference."""
ENGLISH_SESSION = re.compile(
    r"\b(?:" + ENGLISH_ORDINAL + r"\s+)?(?:(?:plenary|annual|special|regular)\s+)?session\s+of\s+(?:the\s+)?"
    r"(?:(?:\d{1,3}(?:st|nd|rd|th)\s+)?[A-Z][\w'&-]*(?:\s+|\b)(?:(?:of|on|for|and|the)\s+)*){1,10}"
    r"(?:\([A-Z]{2,10}\))?")
"""`the 68th session of the United Nations Committee on the Peaceful Uses of Outer Space (COPUOS)`: a body's
session, named by the body."""
ENGLISH_QUOTED_TITLE = re.compile(r"\b(?P<head>exhibition|festival|show|concert|forum|conference|competition|fair)\s+"
                                  r"[“\"](?P<title>[A-Z][^”\"]{2,80})[”\"]")
"""`the museum's three-month exhibition "The Beauty of the Floating World in Edo."`: a gathering titled in quotes."""
ENGLISH_ARTICLE = re.compile(r"^(?:A|An|The)\s+")
ENGLISH_DETERMINER = re.compile(r"^(?:A|An|The|Its|Their|Our|His|Her|This|That)\s+")
"""The words before a capitalized head that are no part of its name (`Its Gala Night`, `A Silk Painting Workshop`)."""
ENGLISH_SUBJECT_LEAD = re.compile(r"(?:A|An|The)\s+(?:(?:annual|yearly|biennial|traditional)\s+)?")
"""What may stand before an English name that opens its sentence."""
ENGLISH_HEAD_TAIL = re.compile(r"\s+(?:featuring|of|on)\s+[^,.;]{3,80}?"
                               r"(?=\s+(?:will|is|was|opens|opened|runs|began)\b)")
"""`A retrospective featuring the works of X will…`: what a head with no name of its own is of."""
ENGLISH_WHICH = re.compile(r"[^.;]{0,3},\s+which\s+(?:is|was|will|opened|opens|runs|began|begins)\b")
"""`…World Ocean Conference, which is scheduled to take place in Qingdao … from June 19 to 23`: the date of the name
that the relative clause hangs on."""
ENGLISH_CATEGORY = [(re.compile(rf"(?:{p})$"), c) for p, c in ENGLISH_HEADS]
ENGLISH_GENERIC = re.compile(r"\b(?P<head>(?:press|news|investor|media)\s+(?:conference|briefing)|town hall"
                             r"|(?:opening|closing|award|awards|signing|ribbon[- ]cutting)\s+ceremony"
                             r"|(?:awards?|charity)\s+(?:gala|dinner|banquet|luncheon|night)"
                             r"|grand (?:re-?)?opening(?!\s+of\b)|ribbon[- ]cutting|open house"
                             r"|gala(?:\s+(?:dinner|night|evening|concert))?|(?<=\ba )ceremony)\b")
"""Lower-case heads that name a gathering without a name of its own (`held a press conference Sunday`); `a ceremony`
alone is the one of the awards named before."""
ENGLISH_MEETING = re.compile(r"conference|briefing|town hall")
"""The generic heads that are meetings (`town hall` among them); the rest are of the kind their head word says."""
ENGLISH_BARE_CEREMONIES = ("opening ceremony", "closing ceremony")
ENGLISH_HELD_GENERIC = re.compile(r"\b(?P<head>briefing(?: session)?|seminar|workshop|open day|consultation session"
                                  r"|competition|exhibition|show|concert|festival|fair|ball|fete|races|rally|parade"
                                  r"|lecture|forum|conference)\b")
"""Lower-case heads that are a gathering only when someone holds them (`The FEHD held the first briefing for the
trade today`)."""
ENGLISH_HOLDER = re.compile(
    r"(?P<who>(?:[A-Z][\w&'.-]*\s+){1,6}?)(?:\([A-Z]{2,8}\)\s+)?(?:will\s+|is\s+to\s+)?"
    r"(?:hold|holds|held|hosted|hosts|host|convened|is holding|is hosting|opened|opens|will open|launched|launches"
    r"|staged|stages|will stage|organi[sz]ed|organi[sz]es|presented|presents|will present|ran|runs|will run)\s+"
    r"(?:a|an|its|their|the)\s+(?:(?P<modifier>(?!(?:first|second|third|next|last|final|new|latest|same|annual|"
    r"special|regular|public|free|two|three|one)\b)\w+\s+)|\w+\s+)?$"
    r"|(?P<owner>(?:[A-Z][\w&-]*\s+){0,5}[A-Z][\w&-]*)(?:'s|')\s+$"
    r"|\bthe\s+(?P<named>(?:[A-Z][\w&-]*\s+){1,4})$")
"""Who holds a lower-case gathering (`TSMC will hold an investor conference`, with the word that says what it is:
`The gallery opened its portrait competition`), whose it is, or what names it
(`at the Ready4Repeal town hall`) (`the Games' opening
ceremony`): its title."""
IT_OPENS = re.compile(r"^\s*It(?:'ll|’ll|\s+will|\s+is|\s+takes place|\s+runs)\b")
"""`It'll be on 4th June at 11am`: a sentence that dates the event the sentence before named."""
ATTENDED_ON = re.compile(r"\b(?:to attend|will attend|are expected to attend)\b")
"""`With more than 500 participants to attend from July 1st to 4th`: a sentence naming no event that dates the one
named before."""
ENGLISH_VERBS = re.compile(r"\b(?:will be held|will take place|takes place|take place|is held|was held|held|scheduled|"
                           r"(?:is|are) set to|will return|will be returning|returns|on display|"
                           r"will be (?:displayed|shown|screened)|"
                           r"began|addressing|addressed|took place|concluded|concludes|ends|ended|attends|attending|"
                           r"opens|opened|kicks off|flocked|gathered|attended|drew|"
                           r"kicked off|will open|runs|will run|starts|begins|closes|hosted|hosts|will host|hosting|"
                           r"hold|holds|holding|(?:at|during) (?:the|a|an|this year's)|told (?:the|a|an)|"
                           r"welcome to|the (?:grand )?(?:opening|start|launch|kick-off) of|organi[sz]ed|organi[sz]es|"
                           r"will organi[sz]e|(?:was|were) conducted|(?:is|are) coming up|(?:is|are) set for|"
                           r"returning to|(?:will|'ll|’ll) be(?=\s+\x00)|(?:set|slated) for(?=\s+\x00)|to host|"
                           r"celebrat(?:e|es|ed|ing) (?:its|their|the))\b", re.I)
TODAY_EN = re.compile(r"(?:today|yesterday|tomorrow|this (?:morning|afternoon|evening))\b")
"""`…Summit on Global Health today (May 11)`: a day named right after an English name, as the paper's own day."""
OPENING_OF = re.compile(r"\bthe (?:grand )?(?:opening|start|launch|kick-off) of (?:the )?(?:[a-z-]+\s+){0,5}$")
"""`…on June 12 and 13, marking the grand opening of the Chinese Culture Festival`: the first day is the event's
start; the rest of the dates are another's (its opening performances)."""

VENUE_LABELED = re.compile(r"(?:地点|地址|会场|场地)\s*[:：为是]\s*(?P<place>[^，,。；;\s]{2,30})"
                           r"|(?:主会场|会场|主场地)(?:设在|设于|位于)(?P<seat>[^，,。；;\s]{2,30})")
SEVERALLY = re.compile(r"分别(?:于|在|将于|定于)")
"""`分别于A、B在X、Y举办`: as many places as dates, paired in order."""
PLACE_LIST = re.compile(r"在(?P<places>[^，,。；;在]{2,40}?)(?:举办|举行|召开|开展|进行|开赛|上演)")

ENGLISH_PROPER = r"[A-Z][\w'&-]*(?:\s(?:(?:of|de|the|and)\s)?[A-Z][\w'&-]*){0,7}"
"""`University of Southern California`: capitalized words, with the small words inside a proper name."""
NOT_ENGLISH_PLACES = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
                                r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|Next)\b")
VENUE_EN = re.compile(rf"\bat (?:the )?(?P<place>{ENGLISH_PROPER})"
                      r"|\bin (?:Qingdao's )?"
                      r"(?P<area>(?:[A-Z][\w'-]*\s){1,4}(?:District|New Area|Area|Zone|Park|County))"
                      rf"|\bin (?:the )?(?:[a-z]+\s){{0,3}}(?:city|town|port|capital) of (?P<city>{ENGLISH_PROPER})"
                      rf"|\b(?:in|to) (?P<town>{ENGLISH_PROPER})")
"""`at the Qingdao University of Science and Technology`, `in the coastal city of Rizhao`, `in Weihai`."""
ABBREVIATED_CITY = re.compile(r"在([青京沪深穗津渝蓉杭济烟])" + VENUE_VERBS)
"""`在青举行`: a city written as its one-character abbreviation (see PLACE_ABBREVIATIONS)."""
PLACE_PREFIX = re.compile(r"^(?:位于|地处|本地|当地|本港|本市)")
"""`在本地星宇表演艺术中心举行`: the words before a venue's name that say where it is."""
FIXTURE_OPPONENT = re.compile(r"迎战|对阵|挑战")
"""What parts a fixture's side from its opponent in its title."""
PLACE_ABBREVIATIONS = {"青": "青岛", "京": "北京", "沪": "上海", "深": "深圳", "穗": "广州", "津": "天津",
                       "渝": "重庆", "蓉": "成都", "杭": "杭州", "济": "济南", "烟": "烟台"}
NOT_PLACES = re.compile(r"^(?:线上|云端|网上|视频|现场|会上|活动中|期间|会议|这里|此间|当地|这儿|本地|\d)"
                        r"|形式|方式|连线|平台$|时间$")
DATELINE_PLACE = re.compile(r"(?:报|社|网|电视台|日报|晚报)(?P<place>[\u4e00-\u9fff]{2,8}?)"
                            r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
                            r"|本报(?P<paper>[\u4e00-\u9fff]{2,8}?)专?电"
                            r"|^(?P<city>[A-Z][A-Za-z .]{1,30}),\s+[A-Z][a-z]{2,8}\.?\s+\d")
"""`中新网北京7月2日电`, `本报吉隆坡专电`, `BEIJING, June 9 (Xinhua)`: where the report was filed, the place of what
it reports when nothing nearer says."""

DEADLINE_WORDS = re.compile(r"征集|征片|征稿|征文|报名|申报|提交|投稿|申请|预约|登记|意见建议|评选|推荐|退票|退款|"
                            r"送件|交件|递交")
DEADLINE_LABELS = (("退票", "退票截止"), ("退款", "退款截止"), ("征集", "征集截止"), ("意见建议", "意见建议征集截止"),
                   ("报名", "报名截止"),
                   ("申报", "申报截止"), ("提交", "提交截止"), ("投稿", "投稿截止"), ("申请", "申请截止"),
                   ("预约", "预约截止"), ("送件", "送件截止"), ("交件", "交件截止"), ("递交", "递交截止"))
AS_OF = re.compile(r"截至\s*$")
STATISTIC_AFTER = re.compile(r"[，,\s]*(?:已|共|累计|总计|全[市省国区]|有|近|超|达|我[市省国区])")
"""`截至4月13日，已有2万名买家预登记`: a count as of a day, not a day anything is due."""
CLOSES_AFTER = re.compile(r"\s*(?:截止|结束)")
"""`报名通道3月15日开启，3月25日截止`: a window that closes on its last day, where a reader must act within it."""
REGISTRATION_OPENS = re.compile(r"\s*(?:起|正式)?(?:开始|启动|开启|开放)(?:网上|线上)?报名")
"""`…15日开始报名`: the day a registration opens."""
CONSULTATION = re.compile(r"(?P<what>[^()（）\[\]【】,，:：\s]{2,30}?(?:收集|征求|征集)(?:公众|社会)?意见)")
"""`规划条件图草案收集意见（…）`: a headline naming the consultation a window for comments belongs to."""
WORK_CONSULTED = re.compile(r"《(?P<work>[^《》]{1,40})》[^，,。；;《]{0,12}?(?:征求|征集|收集)(?:公众|社会)?意见")
"""`《…条例（草案征求意见稿）》正面向社会公开征求意见`: the draft whose comments are due."""
EFFORT = re.compile(r"(?:会|将|要)?(?:力拼|力争|争取|努力|设法|尽力|力求)$")
"""`会力拼在4日截止日前送件`: the effort before a deadline, no part of its title."""
DEADLINE_LABELLED = re.compile(r"截止(?:日期|时间)(?:为|是|定为|定于)?\s*$")
"""`网上竞价的截止日期为下月15日`: a date labelled a deadline is one, whatever is due."""
DEADLINE_MOVED = re.compile(r"截止(?:日期|时间)[^，,。；;]{0,20}$")
"""`申请截止日期从8月1日提前到7月1日`: the date a deadline moves to is the deadline."""
WINDOW_ACTION = re.compile(r"(?:办理|进行|提交|接受|参加|^[，,]?)(?P<what>[\u4e00-\u9fff]{0,3}?"
                           r"(?:申请|报名|申报|预约|登记|投稿|征集)[\u4e00-\u9fff]{0,2}?)(?=周期|期间|时间|阶段|工作|[，,。；;]|$)")
"""`于6月15日至16日…办理听证报名`, `6月15日至8月15日，申报评审周期`: what a reader does within a window of days."""
PERIODS = r"公众咨询|咨询期|征求意见|提名期|报名期|申请期|登记期|投票"
PERIOD_WORD = re.compile(PERIODS)
PERIOD_EDGE = re.compile(rf"(?P<what>(?:“[^“”]{{2,30}}”)?[\u4e00-\u9fff]{{0,10}}?(?:{PERIODS}))[\x00\s]+"
                         r"(?P<edge>结束|截止|届满|开始|展开|启动)")
"""`「…计划」公众咨询今日结束`, `立法会选举提名期昨日开始`: the day a period of consultation or nomination ends or
opens (the date stands between the period and the verb)."""
PERIOD_ENDS = ("结束", "截止", "届满")
FILED_FROM = re.compile(r"(?:^|(?<=[，,\s]))(?P<what>[\u4e00-\u9fff]{0,10}(?:申报|报名|申请|登记|缴纳))"
                        r"(?:自|从|于)\s*$")
"""`综合所得税申报自…`: what opens on the date after it."""
WINDOW_REACH = 40
"""How far after a span of days the action done within it may stand."""
ITEM_LABEL = re.compile(ENUMERATED.pattern + r"(?P<label>[^，,。；;:：]{2,12})[。：:]?\s*$")
"""`（一）用人单位报名。`: a notice's numbered item, whose label says what the sentences under it are about."""
FROM_TODAY = ("即日", "今起")
"""How a date that opens today is written (`即日起至7月15日`)."""
CALL_SUFFIX = re.compile(r"(?:活动|工作)$")
"""`…征集活动` names a call; its deadline's title drops the word."""

QUOTED_NAME = re.compile(r"[“「](?P<name>[^“”「」]{2,40})[”」]")

TRADE_MISSION = re.compile(
    r"(?:组织|率领|带领|组团)(?P<who>[^，,。；;赴]{0,24}?)"
    r"赴(?P<places>[^，。；开进拜参]{2,40}?)(?P<what>开展|进行|拜访|参加|参展|考察|出访)(?P<rest>[^，。；]{0,30})"
)
ENGLISH_VISIT = re.compile(
    r"\b(?:(?:A|a|The|the|His|his|Her|her|their|its)\s+)?(?P<kind>(?:[a-z]+\s+)?delegation)"
    r"(?:\s+led by\s+(?P<leader>(?:[A-Z][\w.'-]*\s?){1,5}))?"
    r"[^.;]{0,80}?\b(?:to|in|into)\s+(?P<place>(?:[A-Z][\w'-]*\s?){1,4})"
    r"[^.;]{0,60}?\bfor an?\s+(?P<days>\w+)-day\s+(?:visit|trip|tour|mission)\b")
"""`A business delegation led by X arrived in Qingdao on Saturday for a five-day visit`: a delegation's trip, for so
many days from the day it starts."""
ENGLISH_LEADER = re.compile(r"^\s*(?P<who>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})\s*(?:,[^,]{0,80},\s*)?"
                            r"(?:will\s+)?leads?\s+")
"""`Lena Holm, a Swedish lawmaker, will lead a delegation to Qingdao`: who leads it."""
DESTINATION_SPLIT = re.compile(r"[、和及与]|以及")
