/// What must stand before a suffix for it to make a name.
public enum SuffixAnchor: String, Sendable, CaseIterable {
    /// Nothing: the left edge is found by scanning back to a boundary.
    case none
    /// Any recognised entity (region, organisation, zone).
    case entity
    /// A region (泉州市 + 委).
    case region
    /// A government body, institution or company (工业和信息化部 + 办公厅).
    case organisation
    /// A government body (工业和信息化部 + 装备工业一司).
    case government
    /// A zone or a region (杭州高新区 + 管委会).
    case place
    /// A region, a country included (中国 + 牙谷: a science valley's brand).
    case anyregion
}

/// A name-forming suffix (有限公司, 研究院, 高新区 …) and its rule.
public struct SuffixRule: Hashable, Sendable {
    public let suffix: String
    /// The type of the names it makes; `nil` means the type of the anchor
    /// entity decides (中心, 委员会).
    public let type: EntityType?
    public let anchor: SuffixAnchor
    /// Characters allowed between the anchor (or left edge) and the suffix.
    public let bodyLength: ClosedRange<Int>
    public let source: SourceLocation
}

/// Where an issuing verb stands relative to the policy it issues.
public enum IssuancePosition: String, Sendable {
    /// 印发《…》: the verb comes first.
    case before
    /// 《…》发布: the policy comes first.
    case after
    /// Either way.
    case both
}

/// The class of a title in 《》 decided by its last word.
public enum TitleClass: String, Sendable {
    /// A policy document (方案, 意见, 规划 …).
    case policy
    /// A newspaper or periodical, an institution (日报, 杂志).
    case institution
    /// Anything else: reports, books, articles, patents.
    case other
    /// A policy recognised even without 《》 (政府工作报告).
    case named
}

/// The words the target extractor reads (`patterns/targets.tsv`).
public struct TargetVocabulary: Sendable {
    /// Target verbs, longest first.
    public var actions: [String] = []
    /// Verbs that carry a fuller action after them (实现, 开始).
    public var lightVerbs: Set<String> = []
    /// ``lightVerbs`` in one fixed order (by Unicode scalars), the order a topic is cut at them:
    /// a set's own order changes from one process to the next, and a topic holding several light
    /// verbs (实现…开始…实现…) must be cut the same way in every run.
    public var lightVerbsInOrder: [String] { lightVerbs.sorted() }
    public var promiseWords: [String] = []
    public var forecastWords: [String] = []
    public var goalWords: [String] = []
    public var futureWords: [String] = []
    public var pastWords: [String] = []
    public var reportingWords: [String] = []
    /// Nouns that contain an action word (增加值): skipped when looking for one.
    public var nouns: [String] = []
    /// Units of values, longest first.
    public var units: [String] = []
    /// Words after a time that make a statement about the period, not a target (是).
    public var copulas: [String] = []
    /// Words right after a time that make it an attribute (今年的…, 2024年工作会议).
    public var attributes: [String] = []
    /// Prepositions of time (在, 于, 到): a time after one is no noun's modifier.
    public var prepositions: [String] = []
    /// Adverbs and quantifiers that are never a topic nor part of one at its edges (初步, 基本, 不低于).
    public var adverbs: [String] = []
    /// Verbs of a period's occasions (迎来): a time they follow closely is no target's.
    public var occasionWords: [String] = []
    /// Verbs of announcing (宣布, 表示): a time right before one is when something was said.
    public var announcingWords: [String] = []
    /// Words of projects and facilities (工程, 项目, 电站): a place before one only locates it.
    public var projectWords: [String] = []
    /// Verbs that are never a topic on their own (支持, 推动).
    public var bareVerbs: Set<String> = []
    /// Nouns that name a goal (目标): a person who speaks of one speaks of someone else's.
    public var goalNouns: [String] = []
    /// Titles of leaders who speak for a government (总理, 行政长官): their goals are not their own.
    public var leaderTitles: [String] = []
    /// Titles right after an organisation that make it a person's affiliation, not a holder
    /// (中国电动汽车百人会副理事长欧阳明高: 副理事长).
    public var affiliationTitles: [String] = []
    /// Words that open a report's indicator list (主要预期目标).
    public var indicatorCues: [String] = []
    /// Title endings of government work reports (政府工作报告).
    public var reportTitles: [String] = []
    /// Name endings of newspapers, agencies and broadcasters (报, 通讯社, 电视台): they report targets, they hold none.
    public var mediaEndings: [String] = []
    /// Words right after a newspaper or agency that make its mention a dateline (本报讯, 记者).
    public var datelineOpeners: [String] = []
    /// Words within 12 characters after an agency that make its mention a dateline (新华社北京1月24日电（…）).
    public var datelineWires: [String] = []
    /// Words that are never a topic's edge (将, 力争, 实现, 年, clause marks), removed from both ends
    /// in file order until none is left.
    public var topicNoise: [String] = []
    /// Words right after a time that make it a baseline or a span behind, no target (相比, 同期, 以来).
    public var factAfterWords: [String] = []
    /// Multipliers right after a value's digits (万亿, 万, 亿, 千), tried in file order.
    public var multipliers: [String] = []
    /// Approximations right after a value's unit (3亿次以上): `value-tail`.
    public var valueTails: [String] = []
    /// Approximations right after a figure that opens a topic (200余项标准): `figure-tail`.
    public var figureTails: [String] = []
    /// Words between the two ends of a value range (2倍至5倍).
    public var rangeWords: [String] = []
    /// Words right before a time that make it a baseline, no target (较2020年, 比2020年).
    public var baselineWords: [String] = []
    /// Words before a number that end a topic: what follows is a baseline (…下降较2020年…).
    public var topicBaselineWords: [String] = []
    /// The attributive particle (的): a 的-phrase's head is the topic; a figure after one is a noun.
    public var ofWords: [String] = []
    /// Words right before a holder that still let it open its clause (据国家统计局…).
    public var sourceLeads: [String] = []
    /// Aspect words of one character between an issuing verb and the policy (发布了《…》).
    public var aspectWords: [String] = []
    /// Words that list holders together (上汽和广汽), besides 、 and commas.
    public var holderJoiners: [String] = []
    /// Words of one character that may stand alone between a time and the subject after it (2024年度…).
    public var timeSuffixes: [String] = []
}

/// The data of the pattern recognisers, loaded from `patterns/*.tsv`.
public struct PatternLexicon: Sendable {
    public var suffixes: [SuffixRule] = []
    /// Words that end a name's left edge.
    public var stopWords: [String] = []
    /// Words that end it unless an organisation precedes closely (与, 和).
    public var softStopWords: [String] = []
    /// Ordinary words that shadow shorter stop words inside them (就业).
    public var plainWords: [String] = []
    /// Words that end the left edge of a policy named without 《》 (实施, 印发).
    public var policyVerbs: [String] = []
    /// Bodies that make a pattern name generic (该公司, 子公司).
    public var genericBodies: Set<String> = []
    /// Beginnings that make a pattern name generic (这家…, 多家…).
    public var genericPrefixes: [String] = []
    /// Industry and trade words (芯片, 新能源): a body made only of these and
    /// generic bodies names no one (芯片设计公司, 新能源科技有限公司).
    public var industryWords: Set<String> = []
    /// Quantifiers that make a pattern name generic wherever they stand in its
    /// body (建设一批工业园: the left edge ran over a verb).
    public var genericQuantifiers: [String] = []
    /// Heads that type a list's items (等…企业 → company), words that open a
    /// list, and modifiers allowed between 等 and the head (重点, 头部).
    public var listHeads: [(word: String, type: EntityType)] = []
    public var listLeads: [String] = []
    public var listModifiers: [String] = []
    /// Words that close a list before its head (等 in A、B等企业); they also end a list
    /// after a joint word (`list-heads.tsv` role `closer`).
    public var listClosers: [String] = []
    /// Common words that cut a two-character place name (`place-words.tsv`, generated):
    /// those ending on its first character, and those beginning on its second.
    public var placeWordsLeft: Set<String> = []
    public var placeWordsRight: Set<String> = []
    /// `list-heads.tsv`: the words that may join a list's last item (甲、乙和丙等企业: role
    /// `joiner`), the numerals and measure words that may stand between 等 and the head
    /// (`counters`), the endings of an item that names a kind rather than something (`kind-ending`:
    /// 行业, 新产品) and the zone heads after which an item plus the head names a zone (`zone-head`).
    public var listJoiners: [String] = []
    public var listCounters: Set<UInt32> = []
    public var listKindEndings: [String] = []
    public var listZoneHeads: [String] = []
    /// `regions.tsv`: endings of two-character county-level names that need their parent before
    /// them (`short-division`: 和县), endings of a district named in parentheses (`district`: 区),
    /// the levels of region before a body (`level`: 省, 市) and the kinds of body a local and a full
    /// name share (`body`: 人民政府 → 政府), in file order (the first that fits is taken).
    public var shortDivisionEndings: [String] = []
    public var districtEndings: Set<UInt32> = []
    public var regionLevels: Set<UInt32> = []
    public var localBodyKinds: [(suffix: String, kind: String)] = []
    /// Words split across a government's name and the next character (`stopwords.tsv` mode
    /// `split`: 部门, so 财政部 + 门 is the ordinary word 财政部门).
    public var splitWords: [String] = []
    /// Words after which the listed bodies act together (联合, 会同): `list-heads.tsv` role `joint`.
    public var jointWords: [String] = []
    /// Contexts that show a company (`company-contexts.tsv`): labels before a
    /// stock code, markets after one, words right after a company's name and
    /// words that open one.
    public var companyCodeLabels: [String] = []
    public var companyExchanges: [String] = []
    public var companyCodeStarts: Set<String> = []
    /// Parentheses that may open a stock code after a name: （, ( (role `open`).
    public var companyCodeOpeners: [String] = []
    public var companyAfterWords: [String] = []
    public var companyTitleModifiers: [String] = []
    public var companyLeads: [String] = []
    /// Words that show a company right after them on their own (上市公司宁远科技表示); also leads.
    public var companyBeforeWords: [String] = []
    /// Named measure packages (`measure-packages.tsv`): the words after a count of articles
    /// (条 in 稳企十条), the words that may follow them (措施 in 人才20条措施) and the openers
    /// beside the issuing verbs and list leads (推出).
    public var measureCountWords: [String] = []
    public var measureAfterWords: [String] = []
    public var measureOpeners: [String] = []
    /// Chinese numerals of a count of articles (十, 二十: role `numerals`, many on one line) and the
    /// words before a count that make it an article's number (第30条: role `ordinal`).
    public var measureNumerals: Set<UInt32> = []
    public var measureOrdinals: [String] = []
    /// The words of the location rule (`locations.tsv`): verbs right before a place (位于) and
    /// words right after it that open the entity it locates (的).
    public var locationVerbs: [String] = []
    public var locationOfWords: [String] = []
    /// The characters that continue a number after a line break (`line-joining.tsv`, role
    /// `number-unit`): 2024⏎年 is one date, 1488⏎家 one count.
    public var numberUnits: Set<UInt32> = []
    /// Legal forms that end a company's name in Latin script: Inc., NV.
    public var latinLegalForms: [String] = []
    /// A zone's endings and their kinds (高新技术产业园区 and 高新区 are both 高新).
    public var zoneForms: [(ending: String, kind: String)] = []
    /// Words before a local body (省委, 市政府) that make it generic: 各, 城.
    public var beforeLocalBodies: [String] = []
    /// Title endings and their classes, longest first.
    public var titleEndings: [(ending: String, class: TitleClass)] = []
    /// Qualifiers in parentheses that may close a policy title: 试行, 征求意见稿.
    public var titleQualifiers: [String] = []
    /// Words that declare a short form in parentheses (以下简称).
    public var declarationWords: [String] = []
    /// Titles that precede a person's name (副理事长) and verbs that follow one (表示).
    public var personTitles: [String] = []
    public var speechVerbs: [String] = []
    /// Titles that follow a person's name (院士, 同志, 先生).
    public var personTitlesAfter: [String] = []
    /// Words that may follow a name in a title context (在, 也, 的).
    public var personEndWords: [String] = []
    /// Words that join two names after one title (记者王明和李华), besides 、 (`persons.tsv` role `joiner`).
    public var personJoiners: [String] = []
    /// Chinese (and Japanese) surnames, single and compound: the first part of a name.
    public var surnames: [String] = []
    /// The characters of transliterated foreign names (默克尔, 拉姆·伊曼纽尔).
    public var foreignNameCharacters: Set<UInt32> = []
    /// The words of the target extractor.
    public var targets = TargetVocabulary()
    /// Verbs by which bodies issue policies (印发, 发布 …).
    public var issuanceVerbs: [(verb: String, position: IssuancePosition)] = []
    /// Words the issuance rules read besides verbs, by role (`patterns/issuance.tsv`):
    /// `report` (向大会报告工作), `object` (文件), `notice-open`/`notice-close` (关于 … 的通知),
    /// `label` (发文机关).
    public var issuanceCues: [String: [String]] = [:]
    /// The labels by which pages state their publication date (`patterns/published.tsv`).
    public var publication = PublicationVocabulary()
    /// The words after a year (年): `published.tsv` role `year-unit`, also read by recognition
    /// (a year in a title's parentheses, 2021-2035年; a year before a named policy, 2026年…政府工作报告).
    public var yearUnits: [String] = []
    /// What marks the parts of a web page that are not its article (`patterns/page.tsv`).
    public var page = PageVocabulary()
    /// The words the time grammar reads (`patterns/time.tsv`).
    public var time = TimeVocabulary()

    /// The suffixes that make company names (有限公司, 集团 …), longest first.
    public var companyLegalForms: [String] {
        suffixes.filter { $0.type == .company }.map(\.suffix).sorted { $0.count > $1.count }
    }

    public init() {}

    /// The class of a title by its ending (after qualifiers are removed).
    public func titleClass(of title: String) -> TitleClass? {
        for (ending, kind) in titleEndings where title.hasUTF8Suffix(ending) { return kind }
        return nil
    }

    /// Whether `title` consists of a policy ending alone (实施方案, 纲要): a
    /// short form that stands for a fuller title of the same document.
    public func isShortTitle(_ title: String) -> Bool {
        titleEndings.contains { $0.class == .policy && $0.ending == title }
    }
}

/// The words the main-content finder of web pages reads (`patterns/page.tsv`).
public struct PageVocabulary: Sendable {
    /// Tag names that are never the article (nav, footer, aside, script …).
    public var boilerplateTags: Set<String> = []
    /// Tokens of a class or id that mark boilerplate (sidebar, share, breadcrumb, ad …);
    /// a token matches when it equals the word or starts with it.
    public var boilerplateClasses: [String] = []
    /// Tokens matched only whole (ad, hot), since as prefixes they would match words like "address".
    public var boilerplateClassTokens: Set<String> = []
    /// Tokens of a class or id that mark the article (content, article, text …).
    public var contentClasses: [String] = []
    /// Headings that open a block which is not the article (热点推荐, 相关阅读, 责任编辑 …).
    public var boilerplateHeadings: [String] = []

    public init() {}
}
