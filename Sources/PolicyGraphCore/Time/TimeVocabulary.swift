import Foundation
import PolicyGraphOntology

/// What a time suffix does to the time before it (`patterns/time.tsv`, role `suffix`).
public enum TimeSuffixKind: String, Sendable, CaseIterable {
    /// 2027年前, 或之前, 及以前: a deadline (`by`).
    case before
    /// 2030年后, 以后: an open end after the time.
    case after
    /// 或之后, 及以后, 起, 开始: a start that includes the time.
    case from
    /// 以来: a start, marked past.
    case since
    /// 以内, 内: a deadline.
    case within
    /// 之间, 间: closes a range.
    case between
    /// 前后, 左右: approximate.
    case approximate
    /// 底前, 末前: by the end of the year.
    case yearEndBefore = "year-end-before"
}

/// The words the time grammar reads, from `patterns/time.tsv`: relative words
/// (上个月, 本季度, 次年), parts of periods (年头, 伊始, 月底), suffixes (或之前,
/// 以后), the five-year plans and the traditional characters folded for parsing.
/// Lists are longest first, so the parser reads the longest word at a place.
public struct TimeVocabulary: Sendable {
    /// Traditional → simplified, three bytes to three (後 → 后).
    public private(set) var foldings: [(from: String, to: String)] = []
    /// Scalar → replacement bytes, for ``foldings``.
    private(set) var foldTable: [UInt32: [UInt8]] = [:]
    /// The keys of ``foldTable`` below U+10000 as bits, so that folding a text tests each scalar without hashing.
    private(set) var foldBits = [UInt64](repeating: 0, count: 0x10000 / 64)
    public private(set) var relativeYears: [(word: String, offset: Int)] = []
    /// Read only when the input is one expression (次年, 同年).
    public private(set) var standaloneRelativeYears: [(word: String, offset: Int)] = []
    public private(set) var yearParts: [(word: String, first: Int, last: Int)] = []
    /// The year parts that may stand without a year (more than one character, not 伊始),
    /// chosen once in ``finish()`` rather than on every try of the parser.
    private(set) var yearPartsWithoutYear: [(word: String, first: Int, last: Int)] = []
    /// Read only when the input is one expression (年中).
    public private(set) var standaloneYearParts: [(word: String, first: Int, last: Int)] = []
    public private(set) var relativeMonths: [(word: String, offset: Int)] = []
    public private(set) var standaloneRelativeMonths: [(word: String, offset: Int)] = []
    public private(set) var relativeQuarters: [(word: String, offset: Int)] = []
    /// Parts of a month (上旬, 月底, 初), read as the month.
    public private(set) var monthParts: [String] = []
    /// Five-year plans and their first years.
    public private(set) var plans: [(name: String, first: Int)] = []
    /// Words after a plan's name that make an unquoted 六五 … 十五 a plan.
    public private(set) var planTails: [String] = []
    /// A plan's end (末, 期末) and period words (期间, 时期).
    public private(set) var planEnds: [String] = []
    public private(set) var planPeriods: [String] = []
    public private(set) var suffixes: [(word: String, kind: TimeSuffixKind)] = []

    // The lists above as bytes, in the same order, compiled once in ``finish()``.
    private(set) var relativeYearWords = TimeWords()
    private(set) var standaloneRelativeYearWords = TimeWords()
    private(set) var yearPartWords = TimeWords()
    private(set) var yearPartWithoutYearWords = TimeWords()
    private(set) var standaloneYearPartWords = TimeWords()
    private(set) var relativeMonthWords = TimeWords()
    private(set) var standaloneRelativeMonthWords = TimeWords()
    private(set) var relativeQuarterWords = TimeWords()
    private(set) var monthPartWords = TimeWords()
    private(set) var planWords = TimeWords()
    private(set) var planTailWords = TimeWords()
    private(set) var planEndWords = TimeWords()
    private(set) var planPeriodWords = TimeWords()
    private(set) var suffixWords = TimeWords()

    public init() {}

    /// Whether no word was loaded (an ontology without `patterns/time.tsv`).
    public var isEmpty: Bool { foldings.isEmpty && relativeYears.isEmpty && suffixes.isEmpty && plans.isEmpty }

    /// The roles of `patterns/time.tsv`, for error messages.
    static let roles = ["fold", "relative-year", "relative-year-standalone", "year-part", "year-part-standalone", "relative-month",
                        "relative-month-standalone", "relative-quarter", "month-part", "plan", "plan-tail", "plan-end", "plan-period", "suffix"]

    /// Adds one record (`word`, role, value); a message saying what is wrong, or `nil`.
    mutating func add(_ fields: [String]) -> String? {
        let word = fields[0].trimmingCharacters(in: .whitespaces)
        let role = fields.count > 1 ? fields[1].trimmingCharacters(in: .whitespaces) : ""
        let value = fields.count > 2 ? fields[2].trimmingCharacters(in: .whitespaces) : ""
        func offset() -> Int? { Int(value).flatMap { (-100...100).contains($0) ? $0 : nil } }
        func months() -> (Int, Int)? {
            let parts = value.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (parts[0]...12).contains(parts[1]) else { return nil }
            return (parts[0], parts[1])
        }
        switch role {
        case "fold":
            guard word.unicodeScalars.count == 1, value.unicodeScalars.count == 1, word.utf8.count == value.utf8.count else {
                return "a folding maps one character to one of the same UTF-8 length (後\t fold\t后)"
            }
            foldings.append((word, value))
            let scalar = word.unicodeScalars.first!.value
            foldTable[scalar] = Array(value.utf8)
            if scalar < 0x10000 { foldBits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
        case "relative-year", "relative-year-standalone", "relative-month", "relative-month-standalone", "relative-quarter":
            guard let offset = offset() else { return "the third field of \(role) is an offset from -100 to 100 (去年\trelative-year\t-1)" }
            switch role {
            case "relative-year": relativeYears.append((word, offset))
            case "relative-year-standalone": standaloneRelativeYears.append((word, offset))
            case "relative-month": relativeMonths.append((word, offset))
            case "relative-month-standalone": standaloneRelativeMonths.append((word, offset))
            default: relativeQuarters.append((word, offset))
            }
        case "year-part", "year-part-standalone":
            guard let (first, last) = months() else { return "the third field of \(role) is a span of months FIRST-LAST (年底\tyear-part\t11-12)" }
            if role == "year-part" { yearParts.append((word, first, last)) } else { standaloneYearParts.append((word, first, last)) }
        case "month-part": monthParts.append(word)
        case "plan":
            guard let first = Int(value), (1949...2100).contains(first) else { return "the third field of a plan is its first year (十四五\tplan\t2021)" }
            plans.append((word, first))
        case "plan-tail": planTails.append(word)
        case "plan-end": planEnds.append(word)
        case "plan-period": planPeriods.append(word)
        case "suffix":
            guard let kind = TimeSuffixKind(rawValue: value) else {
                return "the third field of a suffix is one of \(TimeSuffixKind.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            suffixes.append((word, kind))
        default:
            return "expected a word, a role (\(Self.roles.joined(separator: ", "))) and a value"
        }
        return nil
    }

    /// Orders every list longest first (file order among equal lengths) and compiles it to bytes.
    mutating func finish() {
        func longestFirst<T>(_ items: [T], _ word: (T) -> String) -> [T] {
            items.enumerated().sorted { lhs, rhs in
                let (a, b) = (word(lhs.element).utf8.count, word(rhs.element).utf8.count)
                return a != b ? a > b : lhs.offset < rhs.offset
            }.map(\.element)
        }
        relativeYears = longestFirst(relativeYears) { $0.word }
        standaloneRelativeYears = longestFirst(standaloneRelativeYears) { $0.word }
        yearParts = longestFirst(yearParts) { $0.word }
        yearPartsWithoutYear = yearParts.filter { $0.word.count > 1 && $0.word != "伊始" }
        standaloneYearParts = longestFirst(standaloneYearParts) { $0.word }
        relativeMonths = longestFirst(relativeMonths) { $0.word }
        standaloneRelativeMonths = longestFirst(standaloneRelativeMonths) { $0.word }
        relativeQuarters = longestFirst(relativeQuarters) { $0.word }
        monthParts = longestFirst(monthParts) { $0 }
        plans = longestFirst(plans) { $0.name }
        planTails = longestFirst(planTails) { $0 }
        planEnds = longestFirst(planEnds) { $0 }
        planPeriods = longestFirst(planPeriods) { $0 }
        suffixes = longestFirst(suffixes) { $0.word }
        relativeYearWords = TimeWords(relativeYears.map(\.word))
        standaloneRelativeYearWords = TimeWords(standaloneRelativeYears.map(\.word))
        yearPartWords = TimeWords(yearParts.map(\.word))
        yearPartWithoutYearWords = TimeWords(yearPartsWithoutYear.map(\.word))
        standaloneYearPartWords = TimeWords(standaloneYearParts.map(\.word))
        relativeMonthWords = TimeWords(relativeMonths.map(\.word))
        standaloneRelativeMonthWords = TimeWords(standaloneRelativeMonths.map(\.word))
        relativeQuarterWords = TimeWords(relativeQuarters.map(\.word))
        monthPartWords = TimeWords(monthParts)
        planWords = TimeWords(plans.map(\.name))
        planTailWords = TimeWords(planTails)
        planEndWords = TimeWords(planEnds)
        planPeriodWords = TimeWords(planPeriods)
        suffixWords = TimeWords(suffixes.map(\.word))
    }

    /// The vocabulary of the bundled ontology's `patterns/time.tsv`, read once;
    /// empty (no relative words, no folds) when the bundle cannot be found.
    public static let bundled: TimeVocabulary = (try? loadBundled()) ?? TimeVocabulary()

    /// Reads the bundled `patterns/time.tsv`.
    public static func loadBundled() throws(OntologyError) -> TimeVocabulary {
        guard let directory = BundledOntology.directory else {
            throw .bundleNotFound(lookedIn: BundledOntology.searchedPlaces.map(\.path))
        }
        return try load(from: directory)
    }

    /// Reads `patterns/time.tsv` of the ontology in `directory`, reporting every invalid record.
    public static func load(from directory: URL) throws(OntologyError) -> TimeVocabulary {
        var loader = OntologyLoader(directory: directory)
        let vocabulary = try loader.loadTimeVocabulary()
        guard loader.issues.isEmpty else { throw .invalidRecords(loader.issues) }
        return vocabulary
    }
}

extension OntologyLoader {
    static let timeFile = "patterns/time.tsv"

    /// `patterns/time.tsv` (an empty vocabulary when the file is missing).
    mutating func loadTimeVocabulary() throws(OntologyError) -> TimeVocabulary {
        var vocabulary = TimeVocabulary()
        let url = directory.appendingPathComponent(Self.timeFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return vocabulary }
        for (line, fields) in try records(of: url, relativeName: Self.timeFile) {
            if let message = vocabulary.add(fields) {
                issues.append(.init(location: .init(file: Self.timeFile, line: line), message: message))
            }
        }
        vocabulary.finish()
        return vocabulary
    }
}
