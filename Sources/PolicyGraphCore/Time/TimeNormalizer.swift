/// Reads Chinese time expressions and resolves them against a reference date.
///
/// ```swift
/// let normalizer = TimeNormalizer()
/// normalizer.parse("2027年前", reference: nil)          // by 2027
/// normalizer.parse("未来2年至3年内", reference: ReferenceDate(year: 2025, month: 3))  // between 2027 and 2028
/// ```
///
/// The conventions (inclusive ranges and deadlines, the months of 年底 and 一季度,
/// how relative times count, where peers disagree) are listed in `docs/time.md`.
public struct TimeNormalizer: Sendable {
    /// The words the grammar reads (`patterns/time.tsv`).
    public let vocabulary: TimeVocabulary
    /// Scalars an expression can start with.
    let startScalars: Set<UInt32>
    /// ``startScalars`` below U+10000 as bits, so that the scan tests each scalar without hashing,
    /// and after them the block ``stopBlock``.
    private let startBits: [UInt64]
    /// ``startBits`` with the vocabulary's folded scalars (``TimeVocabulary/foldBits``): what the
    /// scan of a text read in place stops at, a start or a character that folding would change.
    private let startOrFoldBits: [UInt64]
    /// The core forms that can start at each place (``TimeFormTable``): where an expression's
    /// start (在, 大, 力 …) is followed by none, no form is tried, else only those that can match.
    /// `nil` when the vocabulary leaves the starts unknown, or `prefilter` was off.
    let formTable: TimeFormTable?
    /// The first scalars of the words the parser may read before a core (approximations and
    /// prefixes: 大约, 截至, 力争, 在 …), one bit each below U+10000: at a place whose scalar starts
    /// none of them, the parser reads no prefix, so where ``formTable`` gives no form there it
    /// reads nothing, and the scan passes the place without a parse.
    private let leadScalars: Set<UInt32>
    private let leadBits: [UInt64]
    /// The look at a start and the scalar after it before the lead and the table
    /// (``TimeStartGate``): `nil` where ``formTable`` is, or a lead word is empty.
    let startGate: TimeStartGate?
    /// For each first byte, where the scan's three-byte step finds its scalar's block of 64 bits
    /// in ``startBits`` and ``startOrFoldBits``: `(byte & 0x0F) << 6` for E0–EF, else
    /// ``stopBlock``, whose bits are all set, so that the step stops without a test of its own.
    private let threeByteBlocks: [UInt16]
    /// The block of ``startBits`` and ``startOrFoldBits`` past the 1,024 of the scalars below U+10000: all set.
    static let stopBlock = 0x10000 / 64

    /// A normaliser reading the words of `vocabulary` (by default the bundled `patterns/time.tsv`).
    public init(vocabulary: TimeVocabulary = .bundled) {
        self.init(vocabulary: vocabulary, prefilter: true)
    }

    /// A normaliser; without `prefilter` every start is parsed in full, trying every form
    /// (what tests compare the prefilter with).
    init(vocabulary: TimeVocabulary, prefilter: Bool) {
        self.vocabulary = vocabulary
        formTable = prefilter ? TimeFormTable(vocabulary: vocabulary) : nil
        let starts = TimeParser.startScalars(for: vocabulary)
        if let formTable {
            // Of those, the ones that start an approximation, a prefix or a core.
            let words = TimeParser.approximateWords.words + TimeParser.untilPrefixes.words + TimeParser.aimPrefixes.words + TimeParser.prefixes.words
            startScalars = starts.intersection(formTable.startScalars.union(words.compactMap { $0.unicodeScalars.first?.value }))
        } else {
            startScalars = starts
        }
        let bits = Self.bits(startScalars)
        let leadWords = TimeParser.approximateWords.words + TimeParser.untilPrefixes.words + TimeParser.aimPrefixes.words + TimeParser.prefixes.words
        // An empty word would start everywhere: then every place is parsed.
        leadScalars = Set(leadWords.map { $0.unicodeScalars.first?.value ?? UInt32.max })
        leadBits = leadScalars.contains(UInt32.max) ? [UInt64](repeating: ~0, count: 0x10000 / 64) : Self.bits(leadScalars)
        if let formTable {
            startGate = TimeStartGate(formTable: formTable, starts: startScalars, leadWords: leadWords, afterAimWords: TimeParser.aimPrepositions.words)
        } else {
            startGate = nil
        }
        startBits = bits + Self.allSet
        startOrFoldBits = zip(bits, vocabulary.foldBits).map { $0 | $1 } + Self.allSet
        threeByteBlocks = (0...255).map { UInt16($0 & 0xF0 == 0xE0 ? ($0 & 0x0F) << 6 : Self.stopBlock) }
    }

    /// The 64 words of ``stopBlock``.
    private static let allSet = [UInt64](repeating: ~0, count: 64)

    /// `scalars` below U+10000 as bits.
    static func bits(_ scalars: Set<UInt32>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for scalar in scalars where scalar < 0x10000 { bits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
        return bits
    }

    /// Whether an expression can start with `scalar`.
    @inline(__always)
    func canStart(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 ? startBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 : startScalars.contains(scalar)
    }

    /// The fixed character foldings (full-width digits and dashes, odd spaces).
    private static let folding = CharacterFolding()

    /// Parses `text` as one time expression; `nil` when it is not one (or
    /// holds more than one). Spaces are ignored, full-width digits and
    /// traditional characters read like their plain forms, and forms too
    /// ambiguous in running text (a bare 2018, 15年, 30日) are read too.
    public func parse(_ text: String, reference: ReferenceDate?) -> TimeValue? {
        parseExplained(text, reference: reference)?.value
    }

    /// Like ``parse(_:reference:)``, with the rules that read the expression
    /// (``TimeRule``), its form first: what `policygraph time --explain` prints.
    public func parseExplained(_ text: String, reference: ReferenceDate?) -> (value: TimeValue, rules: [TimeRule])? {
        let folded = Self.folding.fold(Array(text.utf8)).bytes.filter { $0 != 0x20 && $0 != 0x09 }
        return folded.withUnsafeBufferPointer { raw in
            let bytes = vocabulary.fold(raw)
            return bytes.withUnsafeBufferPointer { buffer in
                let parser = TimeParser(bytes: buffer, reference: reference, vocabulary: vocabulary, standalone: true)
                guard buffer.count > 0, let (value, end, rules) = parser.parseExplained(at: 0), end == buffer.count else { return nil }
                return (value, rules)
            }
        }
    }

    /// Every time expression in `bytes`, left to right, non-overlapping.
    ///
    /// Most texts hold no traditional character the grammar folds (後, 於, 來 …): they are read
    /// in place, without the folded copy. The scan stops at the first such character it meets
    /// (or finds inside an expression it read); the text is then folded from there, and the scan
    /// goes on in the folded copy from the last expression that no parse could have read that
    /// character for (``Resumption``), so the result is always that of reading the folded text.
    ///
    /// - Complexity: O(n): each start is tried with a bounded look-ahead; only the stretch from
    ///   the last expression that holds to the folded character is read twice.
    public func expressions(in bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?) -> [TimeExpression] {
        expressions(in: bytes, reference: reference, texts: true)
    }

    /// ``expressions(in:reference:)``; with `texts` off, each expression's `text` is left empty
    /// (the same expressions, ranges, values and rules): a caller that keeps few of them reads the
    /// text of those from `bytes` at their `range` (what `text` holds), and no `String` is made
    /// for the others (`TargetExtractor`: about one expression in five becomes a target).
    func expressions(in bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?, texts: Bool) -> [TimeExpression] {
        var resumption = Resumption()
        if let found = scan(bytes, original: bytes, reference: reference, inPlace: true, texts: texts, resumption: &resumption) {
            return found
        }
        // Nothing before `foldFrom` folds: the copy is folded from there on.
        let folded = vocabulary.fold(bytes, from: resumption.foldFrom)
        return folded.withUnsafeBufferPointer {
            scan($0, original: bytes, reference: reference, inPlace: false, texts: texts, resumption: &resumption) ?? []
        }
    }

    /// More bytes than the parse at a place reads from there. Every loop of the grammar is
    /// bounded: the longest reads are a year, a month and a list of at most 31 days (about 760
    /// bytes), a range to another such date (as many again), a suffix, and the end of an open
    /// range read the same way, with the lead before them: under 2,500 bytes in all
    /// (`TimeFifthRoundSpeedPathTests.parseReadsLessThanTheReach` parses such texts cut this
    /// many bytes after their start and whole). So an expression found in a text read in place
    /// this many bytes or more before a character that folding changes is the one the folded
    /// text gives (``Resumption``).
    static let parseReach = 4096

    /// Where the scan of a text read in place stopped (`foldFrom`: a scalar that folding may
    /// change, before which nothing folds) and what of it holds for the folded text: the
    /// expressions found that start ``parseReach`` bytes or more before `foldFrom` (no parse
    /// up to the last of them read a byte from `foldFrom` on, so the folded text gives the
    /// same), and `index`, the end of the last of them, where the scan of the folded text goes on
    /// (0 when there is none).
    struct Resumption {
        var foldFrom = 0
        var found: [TimeExpression] = []
        var index = 0
    }

    /// ``scan(_:original:reference:inPlace:resumption:)`` from the start of the text, with `foldFrom`
    /// set where a scan in place stopped (what tests compare).
    func scan(_ buffer: UnsafeBufferPointer<UInt8>, original bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?,
              inPlace: Bool, foldFrom: inout Int) -> [TimeExpression]? {
        var resumption = Resumption()
        let found = scan(buffer, original: bytes, reference: reference, inPlace: inPlace, texts: true, resumption: &resumption)
        if found == nil { foldFrom = resumption.foldFrom }
        return found
    }

    /// The scan of ``expressions(in:reference:)`` over `buffer` (the text, folded or not), from
    /// `resumption.index` with the expressions `resumption.found` before it; the texts of the
    /// expressions are taken from `original` (left empty without `texts`). `inPlace`: `buffer` is the text itself, and the scan
    /// gives `nil` as soon as it meets a scalar that folding may change, with `resumption` set to
    /// where ``TimeVocabulary/fold(_:from:)`` is to start (nothing before it folds) and what holds.
    func scan(_ buffer: UnsafeBufferPointer<UInt8>, original bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?,
              inPlace: Bool, texts: Bool = true, resumption: inout Resumption) -> [TimeExpression]? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return [] }
        let parser = TimeParser(bytes: buffer, reference: reference, vocabulary: vocabulary, standalone: false, formTable: formTable)
        let folds = inPlace && !vocabulary.foldTable.isEmpty
        var result = resumption.found
        var index = resumption.index
        /// Stops the scan in place at `foldFrom`, keeping what holds for the folded text.
        func stop(at foldFrom: Int, _ resumption: inout Resumption) {
            let kept = result.prefix { $0.range.lowerBound <= foldFrom - Self.parseReach }
            resumption = Resumption(foldFrom: foldFrom, found: Array(kept), index: kept.last?.range.upperBound ?? 0)
        }
        return (folds ? startOrFoldBits : startBits).withUnsafeBufferPointer { stopBitsBuffer in
          threeByteBlocks.withUnsafeBufferPointer { blocks in
            // 1,088 words and 256 blocks: never empty.
            let stopBits = stopBitsBuffer.baseAddress!, blocks = blocks.baseAddress!
            // Where the scalar before this one starts (-1 at the start and after an expression);
            // it is decoded only where a digit or numeral may start an expression.
            var previousIndex = -1
            let count = buffer.count
            // `index` < `threeByteEnd` when a whole three-byte sequence starts at `index`.
            let threeByteEnd = count &- 2
            while true {
                // Three-byte scalars (every Chinese character) that stop nothing: most of a text.
                index = Self.skipThreeByteScalars(base, from: index, before: threeByteEnd, stopBits: stopBits, blocks: blocks,
                                                  previousIndex: &previousIndex)
                guard index < count else { break }
                let lead = base[index]
                let scalar: UInt32
                let length: Int
                if lead & 0xF0 == 0xE0, index < threeByteEnd {
                    // A three-byte scalar that stops the scan: a start, or one that folding changes.
                    scalar = UInt32(lead & 0x0F) << 12 | UInt32(base[index &+ 1] & 0x3F) << 6 | UInt32(base[index &+ 2] & 0x3F)
                    length = 3
                    if folds, vocabulary.folds(scalar) { stop(at: index, &resumption); return nil }
                    if !canStart(scalar) { previousIndex = index; index &+= 3; continue }
                } else if lead < 0x80 {
                    if stopBits[Int(lead >> 6)] & (1 << UInt64(lead & 63)) == 0 { previousIndex = index; index &+= 1; continue }
                    scalar = UInt32(lead)
                    length = 1
                    if folds, vocabulary.folds(scalar) { stop(at: index, &resumption); return nil }
                    if !canStart(scalar) { previousIndex = index; index &+= 1; continue }
                } else if lead & 0xC0 == 0x80 {
                    index &+= 1
                    continue
                } else {
                    (scalar, length) = UTF8Bytes.scalar(in: buffer, at: index)
                    // Folding steps one byte from a two-byte lead: where the next byte is not a
                    // continuation, it would read a scalar there that this scan steps over.
                    if folds, vocabulary.folds(scalar)
                        || (lead < 0xE0 && index + 1 < count && !UTF8Bytes.isContinuation(buffer[index + 1])) {
                        stop(at: index, &resumption)
                        return nil
                    }
                    if !canStart(scalar) { previousIndex = index; index += length; continue }
                }
                // A digit run starts only at its first digit, a run of numerals at its first numeral.
                if !continuesRun(scalar, buffer, previousIndex: previousIndex) {
                    if let (value, end, rules) = parse(parser, at: index, scalar: scalar, length: length) {
                        // The scan steps over the expression: a folded scalar inside it is looked for here.
                        if folds, let folded = vocabulary.firstFolded(buffer, in: index..<end) { stop(at: folded, &resumption); return nil }
                        let text = texts ? String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) : ""
                        result.append(TimeExpression(range: index..<end, text: text, value: value, rules: rules))
                        index = end
                        previousIndex = -1
                        continue
                    }
                }
                previousIndex = index
                index += length
            }
            return result
          }
        }
    }

    /// The first place from `index` on where no three-byte sequence starts, or one whose scalar
    /// has its bit set in `stopBits`; `previousIndex` is set to the start of the last scalar
    /// stepped over. A three-byte sequence starts at `index` when its first byte is E0–EF and
    /// `index` < `threeByteEnd` (the text's length − 2); its scalar is decoded as
    /// ``UTF8Bytes/scalar(in:at:)`` does, the continuation bytes' top bits not checked.
    /// `blocks` (``threeByteBlocks``) gives the block of the first byte, ``stopBlock`` for a
    /// byte that starts no three-byte sequence, so that one test decides.
    ///
    /// - Complexity: O(n) in the bytes stepped over, a dozen instructions a scalar.
    @inline(__always)
    static func skipThreeByteScalars(_ base: UnsafePointer<UInt8>, from index: Int, before threeByteEnd: Int,
                                     stopBits: UnsafePointer<UInt64>, blocks: UnsafePointer<UInt16>,
                                     previousIndex: inout Int) -> Int {
        var index = index
        let start = index
        while index < threeByteEnd {
            let block = Int(blocks[Int(base[index])]) &+ Int(base[index &+ 1] & 0x3F)
            guard stopBits[block] & (1 &<< UInt64(base[index &+ 2] & 0x3F)) == 0 else { break }
            // (`index` < `threeByteEnd` ≤ the length − 2, so `index + 3` cannot overflow.)
            index &+= 3
        }
        if index != start { previousIndex = index &- 3 }
        return index
    }

    /// Whether `scalar` continues a run of digits or of numerals that the scalar at `previousIndex`
    /// is in (-1: none); the scalar before is decoded only after a digit or a numeral.
    @inline(__always)
    func continuesRun(_ scalar: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, previousIndex: Int) -> Bool {
        let digit = ScalarClass.isDigit(scalar)
        guard previousIndex >= 0, digit || TimeParser.isNumeral(scalar) else { return false }
        let previous = UTF8Bytes.scalar(in: bytes, at: previousIndex).value
        return digit ? ScalarClass.isDigit(previous) || (TimeParser.isNumeral(scalar) && TimeParser.isNumeral(previous))
                     : TimeParser.isNumeral(previous)
    }

    /// The expression that starts at `index`, whose scalar is `scalar` (`length` bytes), as
    /// ``TimeParser/parseExplained(at:startForms:)`` reads it, without a parse where it would
    /// read nothing. Where ``startGate`` finds that neither a lead word nor a form can start
    /// (力量, 大力, 年，, 在会上), nothing more is read. Where a lead word (大约, 截至, 力争, 在 …) may start, the lead is read and
    /// the forms that can start after it looked up; where none can, the forms that can start
    /// here. Where no form can (年 before ，, 一 of 一些, 13.5%, 在 before no time), there is
    /// no expression.
    @inline(__always)
    func parse(_ parser: TimeParser, at index: Int, scalar: UInt32, length: Int) -> (value: TimeValue, end: Int, rules: [TimeRule])? {
        guard let formTable else { return parser.parseExplained(at: index) }
        if let startGate, !startGate.mayStart(parser.bytes, at: index, scalar: scalar, length: length) { return nil }
        let isLead = scalar < 0x10000 ? leadBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 : leadScalars.contains(scalar)
        let lead = isLead ? parser.lead(at: index) : TimeParser.Lead(end: index)
        let forms = formTable.formsToTry(in: parser.bytes, at: lead.end)
        return forms.isEmpty ? nil : parser.parseExplained(after: lead, forms: forms)
    }

    /// Every time expression in a string (for tests and the `time` command).
    public func expressions(in text: String, reference: ReferenceDate?) -> [TimeExpression] {
        Array(text.utf8).withUnsafeBufferPointer { expressions(in: $0, reference: reference) }
    }
}

extension TimeParser {
    /// Scalars an expression can start with: those of the grammar's own forms and
    /// the first scalars of the vocabulary's relative words, parts and plans.
    static func startScalars(for vocabulary: TimeVocabulary) -> Set<UInt32> {
        var set = Set("截到至于在自从力争今去明后前本上下近未过最接第首当这大约年月“〇零一二三四五六七八九十两".unicodeScalars.map(\.value))
        for digit in UInt32(0x30)...0x39 { set.insert(digit) }
        let words = vocabulary.relativeYears.map(\.word) + vocabulary.standaloneRelativeYears.map(\.word)
            + vocabulary.relativeMonths.map(\.word) + vocabulary.standaloneRelativeMonths.map(\.word)
            + vocabulary.relativeQuarters.map(\.word) + vocabulary.yearParts.map(\.word)
            + vocabulary.standaloneYearParts.map(\.word) + vocabulary.monthParts + vocabulary.plans.map(\.name)
        for word in words { if let first = word.unicodeScalars.first { set.insert(first.value) } }
        return set
    }
}
