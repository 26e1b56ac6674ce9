/// Companies shown by their context where no list has them (rule
/// `context:company`, words in `patterns/company-contexts.tsv`):
/// - a stock code in parentheses right after the name: 宁远科技（股票代码：600000）,
///   宁远科技（688012.SH）, 宁远科技（600000） (unlabelled, six digits that begin as
///   a market's codes do: `start` in the file);
/// - a word right after the name: 宁远科技董事长, 宁远科技旗下, 宁远科技公告称.
///
/// The name runs back from the context over ideographs and Latin letters to
/// punctuation, a stop word or a lead word (上市公司), two to eight
/// characters; the left edge must be such a boundary, not the length limit. Generic names (该公司, 芯片设计) and a short name that starts with a
/// surname (a person before 董事长) are none. Regions inside the name give way to the
/// company; any other mention there keeps its place. Linear: each context is
/// looked at once, with a bounded walk back.
struct CompanyContexts {
    let lexicon: Lexicon
    var patterns: PatternLexicon { lexicon.ontology.patterns }

    /// The longest name, in scalars.
    private static let maximumName = 8

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        guard !patterns.companyAfterWords.isEmpty || !patterns.companyCodeLabels.isEmpty || !patterns.companyExchanges.isEmpty
                || !patterns.companyBeforeWords.isEmpty
        else { return mentions }
        let bounds = lexicon.words.companyBounds
        let surnames = lexicon.words.surnames
        let titleModifiers = lexicon.words.companyTitleModifiers
        var candidates: [(end: Int, afterWord: Bool)] = []
        for opener in lexicon.words.companyCodeOpenerBytes {
            for open in cursor.occurrences(of: opener, in: 0..<cursor.bytes.count) where isStockCode(after: open, cursor: cursor) {
                candidates.append((open, false))
            }
        }
        // One pass for every word; the stable sort below orders them as word-by-word passes would.
        for hit in cursor.occurrences(ofAny: lexicon.words.companyAfterWordBytes, in: 0..<cursor.bytes.count) {
            candidates.append((hit.position, true))
        }
        candidates += endsAfterBeforeWords(cursor: cursor).map { ($0, true) }
        guard !candidates.isEmpty else { return mentions }
        candidates.sort { $0.end < $1.end }

        let namePatterns = NamePatterns(lexicon: lexicon)
        let spans = OverlapIndex(mentions.map(\.range))
        // 公司董事长: a suffix alone (公司, 集团) names no one.
        let suffixWords = lexicon.words.suffixWords
        // The companies of the document by the beginnings of their names (two to eight characters),
        // made when a name first needs them.
        // Keyed on composed bytes (``CanonicalKey``): a `String` key normalised each prefix on every hash.
        var byPrefix: [CanonicalKey: Mention]? = nil
        func companies(byPrefix mentions: [Mention]) -> [CanonicalKey: Mention] {
            var byPrefix: [CanonicalKey: Mention] = [:]
            for mention in mentions where mention.type == .company {
                let scalars = Array(mention.surface.unicodeScalars)
                guard scalars.count > 2 else { continue }
                for length in 2...min(Self.maximumName, scalars.count - 1) {
                    var prefix = String.UnicodeScalarView()
                    prefix.append(contentsOf: scalars[0..<length])
                    let key = CanonicalKey(String(prefix))
                    if byPrefix[key] == nil { byPrefix[key] = mention }
                }
            }
            return byPrefix
        }
        var mentions = mentions
        var removed: Set<Int> = []
        var added: [Mention] = []
        for candidate in candidates {
            guard let start = nameStart(before: candidate.end, bounds: bounds, cursor: cursor) else { continue }
            let range = start..<candidate.end
            // The tests that read no string first (each turns the candidate down on its own, so
            // their order does not change the answer): most candidates end where a known name
            // stands, and are turned down before their name is made a `String`.
            if let last = added.last, last.range.overlaps(range) { continue }
            // What the name covers: only regions inside it give way.
            if spans.overlaps(range.lowerBound..<range.lowerBound) { continue }
            guard let inside = mentions.regions(inside: range) else { continue }
            // 公司副董事长: 副 makes another title, and the name ran over it.
            if candidate.afterWord, titleModifiers.endsWord(at: candidate.end, in: cursor) { continue }
            if candidate.afterWord, cursor.scalarCount(range) <= 3, surnames.longest(at: start, in: cursor) != nil { continue }
            let name = cursor.text(range)
            guard !namePatterns.isGeneric(name, company: true), !suffixWords.contains(name) else { continue }
            removed.formUnion(inside)
            // 中电 … 中电控股有限公司: the short form of a company the document names.
            if byPrefix == nil { byPrefix = companies(byPrefix: mentions) }
            let known = byPrefix?[CanonicalKey(name)]
            added.append(Mention(range: range, type: .company, surface: name, entityIndex: known?.entityIndex, rule: "context:company",
                                 key: known?.key ?? "company:\(name)"))
        }
        guard !added.isEmpty else { return mentions }
        if !removed.isEmpty { mentions = mentions.removing(offsets: removed) }
        mentions += added
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return mentions
    }

    /// Whether a stock code in parentheses opens at `open`: a label and a colon
    /// or not, four to six digits, a market or not; six digits when neither
    /// label nor market says it is a code.
    private func isStockCode(after open: Int, cursor: TextCursor) -> Bool {
        guard let (_, contentStart) = cursor.scalar(at: open) else { return false }
        var position = contentStart
        var labelled = false
        if let label = Self.longest(of: lexicon.words.companyCodeLabelBytes, at: position, cursor: cursor) {
            position += label
            labelled = true
            if let (scalar, next) = cursor.scalar(at: position), scalar == 0xFF1A || scalar == 0x3A { position = next }
        }
        var digits = 0
        while let (scalar, next) = cursor.scalar(at: position), ScalarClass.isDigit(scalar), digits < 7 {
            digits += 1
            position = next
        }
        guard (4...6).contains(digits) else { return false }
        var market = false
        if let exchange = Self.longest(of: lexicon.words.companyExchangeBytes, at: position, cursor: cursor) {
            position += exchange
            market = true
        }
        guard let (close, _) = cursor.scalar(at: position), close == .rightParenWide || close == .rightParen else { return false }
        // Unlabelled, six digits that start as a market's codes do (600000, 300750), not a year's (202520).
        guard !labelled, !market else { return true }
        guard digits == 6, let (first, _) = cursor.scalar(at: contentStart), let digit = Unicode.Scalar(first) else { return false }
        return patterns.companyCodeStarts.contains(String(digit))
    }

    /// The length of the longest of `words` that starts at `position`, or `nil`.
    private static func longest(of words: [[UInt8]], at position: Int, cursor: TextCursor) -> Int? {
        var best: Int? = nil
        for word in words where word.count > (best ?? -1) && cursor.matches(word, at: position) { best = word.count }
        return best
    }

    /// Where the names shown by a `before` word (上市公司宁远科技表示) end: the
    /// name runs over ideographs and Latin letters to a stop word, a speech
    /// verb, an `after` word or an issuing verb, two to eight characters; a
    /// name cut by punctuation or the length limit is none.
    private func endsAfterBeforeWords(cursor: TextCursor) -> [Int] {
        guard !patterns.companyBeforeWords.isEmpty else { return [] }
        let ends = lexicon.words.companyNameEnds
        var result: [Int] = []
        for word in lexicon.words.companyBeforeWordBytes {
            for occurrence in cursor.occurrences(of: word, in: 0..<cursor.bytes.count) {
                var position = occurrence + word.count
                var count = 0
                var bounded = false
                while let (scalar, next) = cursor.scalar(at: position) {
                    if count >= 2, ends.longest(at: position, in: cursor) != nil {
                        bounded = true
                        break
                    }
                    // Punctuation alone does not end such a name: 上市公司数量增加。 names none.
                    guard ScalarClass.isIdeograph(scalar) || (ScalarClass.isASCIIAlphanumeric(scalar) && !ScalarClass.isDigit(scalar)),
                          count < Self.maximumName else { break }
                    position = next
                    count += 1
                }
                if bounded { result.append(position) }
            }
        }
        return result
    }

    /// The start of the name that ends at `end`, or `nil`.
    private func nameStart(before end: Int, bounds: WordSet, cursor: TextCursor) -> Int? {
        var start = end
        var count = 0
        var bounded = false
        while let (scalar, previous) = cursor.scalar(before: start) {
            if bounds.endsWord(at: start, in: cursor) {
                bounded = true
                break
            }
            guard ScalarClass.isIdeograph(scalar) || (ScalarClass.isASCIIAlphanumeric(scalar) && !ScalarClass.isDigit(scalar)) else {
                bounded = true
                break
            }
            guard count < Self.maximumName else { break }
            start = previous
            count += 1
        }
        if cursor.scalar(before: start) == nil { bounded = true }
        guard count >= 2, bounded else { return nil }
        return start
    }

}
