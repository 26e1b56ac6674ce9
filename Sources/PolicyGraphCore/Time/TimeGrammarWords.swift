/// The words of the time grammar's own forms (``TimeParser``), compiled to bytes
/// once. The words of the vocabulary (relative words, parts, plans, suffixes) are
/// data: `patterns/time.tsv`, compiled by ``TimeVocabulary/finish()``.
extension TimeParser {
    /// Words of approximation before a time (大约2025年).
    static let approximateWords = TimeWords(["大约", "大概", "约"])
    /// Prefixes of a deadline already counted (截至今年6月底).
    static let untilPrefixes = TimeWords(["截至", "截止到", "截止"])
    /// Prefixes of an aim (力争2025年).
    static let aimPrefixes = TimeWords(["力争", "争取"])
    /// Prepositions after an aim: 到 and 至 make a deadline, 在 and 于 a time in.
    static let aimPrepositions = TimeWords(["到", "至", "在", "于"])
    /// What each of ``aimPrepositions`` makes of the time, in the same order.
    static let aimPrepositionKinds: [Prefix] = [.by, .by, .in, .in]
    /// Prepositions before a time: 到 至 (by), 于 在 (in), 自 从 (from).
    static let prefixes = TimeWords(["到", "至", "于", "在", "自", "从"])
    /// What each of ``prefixes`` makes of the time, in the same order.
    static let prefixKinds: [Prefix] = [.by, .by, .in, .in, .from, .from]
    /// The prefixes a lead reads (``lead(at:)``), in one list: the deadline prefixes, then the
    /// aims, then the prepositions, so that the first word found is the one the lists tried in
    /// that order would find.
    static let leadPrefixes = TimeWords(untilPrefixes.words + aimPrefixes.words + prefixes.words)
    /// What each of ``leadPrefixes`` makes of the time, in the same order (an aim may take a
    /// preposition after it).
    static let leadPrefixKinds: [Prefix] = [Prefix](repeating: .past, count: untilPrefixes.count)
        + [Prefix](repeating: .aim, count: aimPrefixes.count) + prefixKinds
    /// Words that run a time up to the reference (从2001年起至今).
    static let toNowWords = TimeWords(["起至今", "起到现在", "至今", "到现在", "到今天", "迄今"])
    /// Within the reference year (年内).
    static let withinYearWords = TimeWords(["年内", "今年内", "本年内"])
    /// The reference month after a year (去年本月).
    static let thisMonthWords = TimeWords(["本月", "当月", "这个月"])
    /// The first quarter (首季度).
    static let firstQuarterWords = TimeWords(["首季度", "首季"])
    /// The last quarter (最后一个季度).
    static let lastQuarterWords = TimeWords(["最后一个季度", "最后一季度", "最后一季"])
    /// Quarters as a unit of a count (前两个季度).
    static let quarterUnits = TimeWords(["个季度", "季度"])
    /// Months as a unit of a count (前五个月).
    static let monthUnits = TimeWords(["个月", "月"])
    /// The last months of a year (最后两个月).
    static let lastWords = TimeWords(["最后", "后"])
    /// A quarter after its number (一季度).
    static let quarterWords = TimeWords(["季度", "季"])
    /// The end or start of a quarter: 末 and 底 its last month, 初 its first.
    static let quarterParts = TimeWords(["末", "底", "初"])
    /// A day after its number (15日, 十五号).
    static let dayWords = TimeWords(["日", "号"])
    /// Separators of a list of days (14日和16日).
    static let dayListSeparators = TimeWords(["，", "、", ",", "和", "或"])
    /// The next such month (下个十二月).
    static let nextWords = TimeWords(["下个", "下一个"])
    /// Units that make digits before them a month, day or year.
    static let dateUnits = TimeWords(["月", "日", "号", "年"])
    /// The reference as a range end (去年到现在).
    static let nowWords = TimeWords(["今天", "今日", "现在", "今"])
    /// The close of a range joined by 与 or 和 (2007年与2009年之间).
    static let betweenWords = TimeWords(["之间", "间"])
    /// Units of a count before 前 or 后 (3年后, 两个月前).
    static let countedUnits = TimeWords(["个季度", "季度", "个月", "年"])
    /// Directions of a count: the first three before, the rest after.
    static let countedDirections = TimeWords(["以前", "之前", "以后", "之后", "前", "后"])
    /// Units of a window (未来五年, 近三个月).
    static let windowUnits = TimeWords(["个年头", "年", "个季度", "个月", "月"])
    /// Separators of a window of years (未来2年至3年内).
    static let windowSeparators = TimeWords(["至", "到", "-", "~"])
    /// Centuries counted from the reference: the first two before, the next two its own, the last two after.
    static let centuryWords = TimeWords(["上世纪", "上个世纪", "本世纪", "这个世纪", "下世纪", "下个世纪"])
    /// What follows the number of a century or a decade (18世纪, 50年代).
    static let centuryOrDecadeUnits = TimeWords(["世纪", "年代"])
    /// Parts of a decade (九十年代末期).
    static let decadeParts = TimeWords(["前期", "初期", "初", "末期", "后期", "末", "中期"])
    /// Parts of a century (11世纪初).
    static let centuryParts = TimeWords(["初期", "初", "末期", "末", "中期"])
    /// Within, after a window (未来三个月内).
    static let withinWords = TimeWords(["以内", "内"])
    /// 份 after a month (3月份).
    static let monthSuffixWords = TimeWords(["份"])
    /// 的 between a month and its day.
    static let ofWords = TimeWords(["的"])
    /// 第 before a quarter (第一季度).
    static let ordinalWords = TimeWords(["第"])
    /// 零 inside a year written with 千 (两千零四).
    static let zeroWords = TimeWords(["零"])
    /// Range separators, longest first.
    static let rangeSeparatorWords = TimeWords(rangeSeparators)
    /// Range separators, and 与 and 和 before 间 or 之间.
    static let rangeJoiners = TimeWords(rangeSeparators + ["与", "和"])
    /// Separators of a numeric date (2015-03-03, 2015/3/3, 2019.9.6, 6·30).
    static let dateSeparators = TimeWords(["-", "/", ".", "·"])
    /// This year and the next, a window without a number (今明两年).
    static let bothYearsWords = TimeWords(["今明两年"])
    /// Leads of a window in running text (未来五年, 近三个月).
    static let windowLeads = TimeWords(["未来", "今后", "接下来", "近", "过去的", "过去", "最近"])
    /// Leads of a window when the input is one expression: also 上, 前, 下, 后 (上两个月).
    static let standaloneWindowLeads = TimeWords(["未来", "今后", "接下来", "近", "过去的", "过去", "最近", "上", "前", "下", "后"])
}
