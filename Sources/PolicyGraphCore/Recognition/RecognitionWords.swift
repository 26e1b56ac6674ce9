/// The word sets of the pattern passes after the dictionary scan, compiled once
/// with the ``Lexicon`` instead of once per document (building them cost more
/// than some passes' work on a news article).
struct RecognitionWords: Sendable {
    /// ``CompanyContexts``: where a name found by its context starts.
    let companyBounds: WordSet
    /// ``CompanyContexts`` and ``PersonRecognizer``: surnames.
    let surnames: WordSet
    /// ``CompanyContexts``: words between a company and a title (董事长 …).
    let companyTitleModifiers: WordSet
    /// ``CompanyContexts``: where a name shown by a `before` word (上市公司) ends.
    let companyNameEnds: WordSet
    /// ``JointBodies``: where a list of bodies after 联合/会同 ends.
    let jointListEnds: WordSet
    /// ``ListHeads``: where a list's first item starts.
    let listLeads: WordSet
    /// ``ListHeads``: words between 等 and the head (重点, 骨干 …).
    let listModifiers: WordSet
    /// ``MeasurePackages``: where a package's name starts, and the words that open one.
    let measureStops: WordSet
    let measureOpeners: WordSet
    /// ``PersonRecognizer``: speech verbs and the words that may end a name.
    let speech: WordSet
    let personEndWords: WordSet
    /// ``AliasResolution``: the company legal forms, longest first (``PatternLexicon/companyLegalForms``).
    let companyLegalForms: [String]
    /// ``EntityRecognizer``: the policy endings that stand alone as a short title
    /// (``PatternLexicon/isShortTitle(_:)`` as one set lookup).
    let shortTitles: Set<String>
    /// ``CompanyContexts``: the suffixes of the name patterns (公司, 集团 …), which alone name no one.
    let suffixWords: Set<String>

    /// ``NamePatterns``: the generic bodies, and those with the industry words, as byte
    /// words; used only when every word is plain (``PlainUTF8``), where bytes answer as
    /// `String` equality does.
    let genericBodyWords: WordSet
    let genericOrIndustryWords: WordSet
    /// ``NamePatterns``: the generic prefixes (该, 多家 …) and quantifiers (一批 …) as byte words.
    let genericPrefixWords: WordSet
    let genericQuantifierWords: WordSet
    /// Whether every generic, industry, prefix and quantifier word is plain and not empty.
    let genericWordsArePlain: Bool

    /// ``titleClass(of:)``: the title endings in ``PatternLexicon/titleEndings``' order, and by
    /// the last scalar of each the indices of those that end with it, when every ending is
    /// plain and not empty (else `nil`: every ending is tried).
    let titleEndings: [(ending: String, class: TitleClass)]
    let titleEndingsByLast: [UInt32: [Int]]?

    /// ``NoticeTitles``: the notice's opening and closing words (关于, 的通知 …), the policy
    /// endings and the issuing verbs as bytes, longest first, made once instead of per document.
    let noticeOpens: [[UInt8]]
    let noticeCloses: [[UInt8]]
    let policyEndingBytes: [[UInt8]]
    let issuanceVerbBytes: [[UInt8]]

    /// The byte forms of the fixed words that the passes after the scan read in every document,
    /// made once with the lexicon instead of once per document (a document's pass copied each
    /// pattern list's strings to bytes, and ``JointBodies`` filtered every suffix rule).
    /// ``JointBodies``: the joint words (联合, 会同) and the government suffixes, in file order.
    let jointWordBytes: [[UInt8]]
    let governmentSuffixBytes: [[UInt8]]
    /// ``ListHeads``: the head words with their types, longest first (ties in file order).
    let listHeadEntries: [(bytes: [UInt8], word: String, type: EntityType)]
    /// ``ListHeads``: by the first scalar of each head, the indices in ``listHeadEntries`` of the
    /// heads that begin with it, in that order (a head matches only where its first scalar does).
    let listHeadsByFirst: [UInt32: [Int]]
    /// ``CompanyContexts``: the `after` and `before` words, the code labels and the exchanges, in file order.
    let companyAfterWordBytes: [[UInt8]]
    let companyBeforeWordBytes: [[UInt8]]
    let companyCodeLabelBytes: [[UInt8]]
    let companyExchangeBytes: [[UInt8]]
    /// ``AliasResolution``: the policy verbs as bytes in file order, and whether every one is plain
    /// (``PlainUTF8``: then a piece of text equals a verb as a `String` exactly when it is plain and
    /// equal byte for byte).
    let policyVerbBytes: [[UInt8]]
    let policyVerbsArePlain: Bool
    /// ``AliasResolution``: the policy endings (title endings of class policy) in file order, and the
    /// last scalars they end with.
    let policyEndings: [String]
    let policyEndingLastScalars: Set<UInt32>
    /// ``policyEndingLastScalars`` as bits by a scalar's low twelve bits (``endsPolicyEnding(_:)``):
    /// most scalars of a text are turned down by one bit, without hashing.
    let policyEndingLastScalarBits: [UInt64]
    /// ``policyEndings`` by their last scalar, each as bytes with its length in scalars, when every
    /// one is plain and not empty (else `nil`): ``endsWithPolicyEnding(_:minimumBefore:)``.
    let policyEndingsByLast: [UInt32: [(bytes: [UInt8], scalars: Int)]]?
    /// ``shortTitles`` keyed on composed bytes (``CanonicalKey``), for ``isShortTitle(_:)``.
    let shortTitleKeys: Set<CanonicalKey>
    /// ``AliasResolution``: the title endings of class named (政府工作报告 …), which name a policy bare.
    let namedTitleEndings: Set<String>

    /// ``PlaceInWords``: the place words as packed bytes, or `nil` when one is not plain.
    let placeWordBytes: PlaceWordBytes?
    /// ``ListHeads``: the words that close a list before its head (等), `list-heads.tsv` role `closer`.
    let listCloserBytes: [[UInt8]]
    /// ``ListHeads`` and the scan's list separators: the words that join a list's last item (和, 与, 及),
    /// `list-heads.tsv` role `joiner`; ``PersonRecognizer``: those that join two names (和), `persons.tsv` role `joiner`.
    let listJoinerBytes: [[UInt8]]
    let personJoinerBytes: [[UInt8]]
    /// ``AliasResolution``: the words after a year (年, `published.tsv` role `year-unit`), the
    /// aspect words after an issuing verb (了, `issuance.tsv` role `completed`) and the characters
    /// that end a policy named after a verb (和, 与, 及, 并, 等: `issuance.tsv` role `policy-end`).
    let yearUnitBytes: [[UInt8]]
    let completedBytes: [[UInt8]]
    let policyEndScalars: Set<UInt32>
    /// ``NoticeTitles``: the words between a long title's subject and its policy ending (的,
    /// `issuance.tsv` role `title-of`), compiled once rather than at every title.
    let titleOfBytes: [[UInt8]]
    /// ``CompanyContexts``: the parentheses that may open a stock code (（, (), `company-contexts.tsv` role `open`.
    let companyCodeOpenerBytes: [[UInt8]]
    /// ``MeasurePackages``: the count words (条) and the words that may follow them (措施), longest
    /// first, from `measure-packages.tsv`.
    let measureCountBytes: [[UInt8]]
    let measureAfterBytes: [[UInt8]]
    /// ``MeasurePackages``: the Chinese numerals of a count (`numerals`) and the words that make a
    /// count an article's number (第, `ordinal`).
    let measureNumerals: Set<UInt32>
    let measureOrdinalBytes: [[UInt8]]

    /// The fixed words the passes search in every document, found together in one pass per
    /// document (``TextCursor/init(bytes:fixedWords:)``): the joint words (``JointBodies``),
    /// the company context words and the parentheses that open a code (``CompanyContexts``),
    /// the list closers (``ListHeads``), the count words (``MeasurePackages``), and 《, which
    /// opens a title (``TitleRecognizer``).
    let fixedWords: FixedWords

    init(patterns: PatternLexicon) {
        noticeOpens = (patterns.issuanceCues["notice-open"] ?? []).map { Array($0.utf8) }
        noticeCloses = (patterns.issuanceCues["notice-close"] ?? []).map { Array($0.utf8) }
        policyEndingBytes = patterns.titleEndings.filter { $0.class == .policy }.map { Array($0.ending.utf8) }
            .sorted { $0.count > $1.count }
        issuanceVerbBytes = patterns.issuanceVerbs.map { Array($0.verb.utf8) }.sorted { $0.count > $1.count }
        jointWordBytes = patterns.jointWords.map { Array($0.utf8) }
        governmentSuffixBytes = patterns.suffixes.filter { $0.type == .government }.map { Array($0.suffix.utf8) }
        listHeadEntries = patterns.listHeads.map { (bytes: Array($0.word.utf8), word: $0.word, type: $0.type) }
            .sorted { $0.bytes.count > $1.bytes.count }
        var headsByFirst: [UInt32: [Int]] = [:]
        for (index, head) in listHeadEntries.enumerated() {
            guard !head.bytes.isEmpty else { continue }
            let first = head.bytes.withUnsafeBufferPointer { UTF8Bytes.scalar(in: $0, at: 0).value }
            headsByFirst[first, default: []].append(index)
        }
        listHeadsByFirst = headsByFirst
        companyAfterWordBytes = patterns.companyAfterWords.map { Array($0.utf8) }
        companyBeforeWordBytes = patterns.companyBeforeWords.map { Array($0.utf8) }
        companyCodeLabelBytes = patterns.companyCodeLabels.map { Array($0.utf8) }
        companyExchangeBytes = patterns.companyExchanges.map { Array($0.utf8) }
        policyVerbBytes = patterns.policyVerbs.map { Array($0.utf8) }
        policyVerbsArePlain = patterns.policyVerbs.allSatisfy { verb in
            var verb = verb
            return verb.withUTF8 { PlainUTF8.plainCount($0) != nil }
        }
        placeWordBytes = PlaceWordBytes(left: patterns.placeWordsLeft, right: patterns.placeWordsRight)
        listCloserBytes = patterns.listClosers.map { Array($0.utf8) }
        listJoinerBytes = patterns.listJoiners.map { Array($0.utf8) }.filter { !$0.isEmpty }
        personJoinerBytes = patterns.personJoiners.map { Array($0.utf8) }.filter { !$0.isEmpty }
        yearUnitBytes = patterns.yearUnits.map { Array($0.utf8) }.filter { !$0.isEmpty }
        completedBytes = (patterns.issuanceCues["completed"] ?? []).map { Array($0.utf8) }.filter { !$0.isEmpty }
        titleOfBytes = (patterns.issuanceCues["title-of"] ?? []).map { Array($0.utf8) }.filter { !$0.isEmpty }
        policyEndScalars = Set((patterns.issuanceCues["policy-end"] ?? []).compactMap { word in
            word.unicodeScalars.count == 1 ? word.unicodeScalars.first?.value : nil
        })
        companyCodeOpenerBytes = patterns.companyCodeOpeners.map { Array($0.utf8) }
        measureCountBytes = patterns.measureCountWords.map { Array($0.utf8) }
        measureAfterBytes = patterns.measureAfterWords.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        measureNumerals = patterns.measureNumerals
        measureOrdinalBytes = patterns.measureOrdinals.map { Array($0.utf8) }.filter { !$0.isEmpty }
        fixedWords = FixedWords((patterns.jointWords + patterns.companyAfterWords + patterns.companyBeforeWords
                                 + patterns.companyCodeOpeners + patterns.listClosers + patterns.measureCountWords).map { Array($0.utf8) }
                                + [TitleRecognizer.openBytes])
        policyEndings = patterns.titleEndings.filter { $0.class == .policy }.map(\.ending)
        namedTitleEndings = Set(patterns.titleEndings.filter { $0.class == .named }.map(\.ending))
        policyEndingLastScalars = Set(policyEndings.compactMap { $0.unicodeScalars.last?.value })
        var lastScalarBits = [UInt64](repeating: 0, count: 64)
        for scalar in policyEndingLastScalars { lastScalarBits[Int(scalar & 0xFFF) >> 6] |= 1 << UInt64(scalar & 63) }
        policyEndingLastScalarBits = lastScalarBits
        var endingsByLast: [UInt32: [(bytes: [UInt8], scalars: Int)]]? = [:]
        for ending in policyEndings {
            var text = ending
            guard let last = ending.unicodeScalars.last, let count = text.withUTF8({ PlainUTF8.plainCount($0) }) else {
                endingsByLast = nil
                break
            }
            endingsByLast?[last.value, default: []].append((Array(ending.utf8), count))
        }
        policyEndingsByLast = endingsByLast
        titleEndings = patterns.titleEndings
        var byLast: [UInt32: [Int]] = [:]
        var plain = true
        for (index, ending) in patterns.titleEndings.enumerated() {
            var text = ending.ending
            guard let last = text.unicodeScalars.last, text.withUTF8({ PlainUTF8.plainCount($0) != nil }) else {
                plain = false
                break
            }
            byLast[last.value, default: []].append(index)
        }
        titleEndingsByLast = plain ? byLast : nil
        genericBodyWords = WordSet(patterns.genericBodies)
        genericOrIndustryWords = WordSet(patterns.genericBodies.union(patterns.industryWords))
        genericPrefixWords = WordSet(patterns.genericPrefixes)
        genericQuantifierWords = WordSet(patterns.genericQuantifiers)
        let allGeneric = Array(patterns.genericBodies.union(patterns.industryWords)) + patterns.genericPrefixes + patterns.genericQuantifiers
        genericWordsArePlain = allGeneric.allSatisfy { word in
            var word = word
            return word.withUTF8 { !$0.isEmpty && PlainUTF8.plainCount($0) != nil }
        }
        companyBounds = WordSet(patterns.stopWords + patterns.policyVerbs + patterns.listLeads + patterns.companyLeads)
        surnames = WordSet(patterns.surnames)
        companyTitleModifiers = WordSet(patterns.companyTitleModifiers)
        companyNameEnds = WordSet(patterns.stopWords + patterns.speechVerbs + patterns.companyAfterWords + patterns.policyVerbs
                                  + patterns.issuanceVerbs.map(\.verb))
        jointListEnds = WordSet(patterns.stopWords + patterns.policyVerbs + patterns.issuanceVerbs.map(\.verb) + patterns.listClosers)
        listLeads = WordSet(patterns.listLeads + patterns.stopWords + patterns.policyVerbs)
        listModifiers = WordSet(patterns.listModifiers)
        measureStops = WordSet(patterns.stopWords + patterns.policyVerbs + patterns.listLeads + patterns.issuanceVerbs.map(\.verb))
        measureOpeners = WordSet(patterns.issuanceVerbs.map(\.verb) + patterns.listLeads + patterns.measureOpeners)
        speech = WordSet(patterns.speechVerbs)
        personEndWords = WordSet(patterns.personEndWords)
        companyLegalForms = patterns.companyLegalForms
        suffixWords = Set(patterns.suffixes.map(\.suffix))
        shortTitles = Set(patterns.titleEndings.filter { $0.class == .policy }.map(\.ending))
        shortTitleKeys = Set(shortTitles.map(CanonicalKey.init))
    }

    /// Whether `scalar` is the last scalar of a policy ending (``policyEndingLastScalars``): one bit
    /// answers for most scalars, the set for the few whose bit is set.
    @inline(__always)
    func endsPolicyEnding(_ scalar: UInt32) -> Bool {
        guard policyEndingLastScalarBits[Int(scalar & 0xFFF) >> 6] & (1 << UInt64(scalar & 63)) != 0 else { return false }
        return policyEndingLastScalars.contains(scalar)
    }

    /// Whether `title` is a policy ending that stands alone as a short title, as
    /// `shortTitles.contains(title)` answers, on composed bytes (no `String` normalised per hash).
    func isShortTitle(_ title: String) -> Bool {
        shortTitleKeys.contains(CanonicalKey(title))
    }

    /// Whether the text of `range` ends with a policy ending and holds at least `minimumBefore`
    /// characters before it, as `policyEndings.contains { text.hasUTF8Suffix($0) && text.count >=
    /// $0.count + minimumBefore }` answers on the range's `String`: on the bytes in place when the
    /// endings and the range are plain (scalars are then characters), trying only the endings
    /// that end with the range's last scalar.
    func endsWithPolicyEnding(_ range: Range<Int>, cursor: TextCursor, minimumBefore: Int) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: cursor.bytes[range])
        if let byLast = policyEndingsByLast, let count = PlainUTF8.plainCount(bytes) {
            guard count > 0, let start = PlainUTF8.plainStart(bytes, before: bytes.count) else { return false }
            for ending in byLast[UTF8Bytes.scalar(in: bytes, at: start).value] ?? []
            where count >= ending.scalars + minimumBefore && ending.bytes.count <= bytes.count
                && cursor.matches(ending.bytes, at: range.upperBound - ending.bytes.count) {
                return true
            }
            return false
        }
        let text = cursor.text(range)
        return policyEndings.contains { text.hasUTF8Suffix($0) && text.count >= $0.count + minimumBefore }
    }

    /// Whether `text` is one of `genericBodies` (the words ``genericBodyWords`` holds), as
    /// `genericBodies.contains(text)` answers: on the bytes when the words and the text are plain
    /// (``PlainUTF8``: equal bytes are then equal text, and other bytes other text), without
    /// hashing a normalised `String`; else by the set.
    func isGenericBody(_ text: String, in genericBodies: Set<String>) -> Bool {
        if genericWordsArePlain {
            var text = text
            let answer: Bool? = text.withUTF8 { bytes in
                guard PlainUTF8.plainCount(bytes) != nil else { return nil }
                return genericBodyWords.contains(bytes)
            }
            if let answer { return answer }
        }
        return genericBodies.contains(text)
    }

    /// Whether the text of `range` begins with one of `prefixes` (the words ``genericPrefixWords``
    /// holds), as `prefixes.contains { cursor.text(range).hasUTF8Prefix($0) }` answers: on the bytes
    /// in place when the words and the range are plain, else on the range's `String`.
    func startsWithGenericPrefix(_ range: Range<Int>, cursor: TextCursor, prefixes: [String]) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: cursor.bytes[range])
        if genericWordsArePlain, PlainUTF8.plainCount(bytes) != nil {
            guard !range.isEmpty else { return false }
            var found = false
            genericPrefixWords.forEachWord(at: range.lowerBound, in: cursor) { end in if end <= range.upperBound { found = true } }
            return found
        }
        let text = cursor.text(range)
        return prefixes.contains { text.hasUTF8Prefix($0) }
    }

    /// The class of the first title ending (longest first) that ends `title`:
    /// ``PatternLexicon/titleClass(of:)``, trying only the endings whose last scalar ends
    /// the title when that scalar is plain (an ending that ends otherwise cannot match).
    func titleClass(of title: String) -> TitleClass? {
        if let byLast = titleEndingsByLast {
            var text = title
            let last: UInt32? = text.withUTF8 { bytes in
                guard !bytes.isEmpty, let start = PlainUTF8.plainStart(bytes, before: bytes.count) else { return nil }
                return UTF8Bytes.scalar(in: bytes, at: start).value
            }
            if let last {
                for index in byLast[last] ?? [] where title.hasUTF8Suffix(titleEndings[index].ending) { return titleEndings[index].class }
                return nil
            }
        }
        for (ending, kind) in titleEndings where title.hasUTF8Suffix(ending) { return kind }
        return nil
    }
}
