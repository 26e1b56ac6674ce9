/// Finds persons in strong contexts, beyond the title-and-speech-verb rule:
/// - `person:title`: a title before the name (意大利总统马塔雷拉的, 主任马军指, 记者王明、李华);
/// - `person:title-after`: a title after it (张三院士, 李四同志);
/// - `person:speech`: a name that opens a clause before a speech verb (。陈明说);
/// - `person:repeated`: later uses of a name found so.
///
/// A Chinese name is a surname (`patterns/person-names.tsv`, compound surnames
/// first) and one or two given characters; a foreign name is a run of the
/// characters of transliterations, with a middle dot (拉姆·伊曼纽尔). A name must
/// end where a speech verb, an end word (`patterns/persons.tsv`) or punctuation
/// follows. Linear: one pass over the markers, local checks around each, and one
/// pass over the text for the repeated names.
struct PersonRecognizer {
    let patterns: PatternLexicon
    private let surnames: WordSet
    private let speech: WordSet
    private let endWords: WordSet
    /// The words that join two names after one title (和, `persons.tsv` role `joiner`).
    private let joiners: [[UInt8]]

    /// With the word sets compiled once with the lexicon.
    init(patterns: PatternLexicon, words: RecognitionWords) {
        self.patterns = patterns
        surnames = words.surnames
        speech = words.speech
        endWords = words.personEndWords
        joiners = words.personJoinerBytes
    }

    func addPersons(_ mentions: inout [Mention], cursor: TextCursor, markers: [Marker]) {
        let existing = OverlapIndex(mentions.map(\.range))
        var found: [Mention] = []
        var starts: Set<Int> = []
        var lastEnd = -1
        func add(_ range: Range<Int>, rule: String) {
            guard range.lowerBound >= lastEnd, !existing.overlaps(range), starts.insert(range.lowerBound).inserted else { return }
            let name = cursor.text(range)
            found.append(Mention(range: range, type: .person, surface: name, entityIndex: nil, rule: rule, key: "person:\(name)"))
            lastEnd = range.upperBound
        }
        for marker in markers {
            switch marker.kind {
            case .personTitle:
                var position = marker.range.upperBound
                // A list of names after one title: 记者王明、李华.
                while let end = nameEnd(from: position, cursor: cursor), !existing.overlaps(position..<end) {
                    add(position..<end, rule: "person:title")
                    // 、 or a `joiner` word of `persons.tsv` (和).
                    if let (separator, next) = cursor.scalar(at: end), separator == 0x3001 {
                        position = next
                    } else if let joiner = joiners.first(where: { cursor.matches($0, at: end) }) {
                        position = end + joiner.count
                    } else {
                        break
                    }
                }
            case .personTitleAfter:
                if let start = nameStart(before: marker.range.lowerBound, cursor: cursor, needsBoundary: false) {
                    add(start..<marker.range.lowerBound, rule: "person:title-after")
                }
            case .speech:
                if let start = nameStart(before: marker.range.lowerBound, cursor: cursor, needsBoundary: true)
                    ?? foreignNameStart(before: marker.range.lowerBound, cursor: cursor) {
                    add(start..<marker.range.lowerBound, rule: "person:speech")
                }
            default:
                continue
            }
        }
        found += repeated(found, cursor: cursor, existing: existing, taken: starts)
        // A foreign name used by its last part (布拉策尔 after 斯特凡·布拉策尔) is the same person;
        // without a middle dot in any name there is none.
        guard found.contains(where: { Self.mayHoldMiddleDot($0.surface) }) else {
            mentions += found
            return
        }
        var fullNames: [String: String] = [:]
        for mention in found {
            if let dot = mention.surface.lastIndex(where: { $0 == "·" || $0 == "・" }) {
                fullNames[String(mention.surface[mention.surface.index(after: dot)...])] = mention.key
            }
        }
        for index in found.indices {
            if let key = fullNames[found[index].surface] { found[index].key = key }
        }
        mentions += found
    }

    /// Whether `surface` may hold a character equal to · or ・: it holds the bytes of U+00B7,
    /// of U+0387 (whose canonical form is U+00B7) or of U+30FB.
    static func mayHoldMiddleDot(_ surface: String) -> Bool {
        var surface = surface
        return surface.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 0..<(bytes.count - 1) {
                switch (bytes[index], bytes[index + 1]) {
                case (0xC2, 0xB7), (0xCE, 0x87): return true
                case (0xE3, 0x83): if index + 2 < bytes.count, bytes[index + 2] == 0xBB { return true }
                default: continue
                }
            }
            return false
        }
    }

    // MARK: Names after a title

    /// The end of a name that starts at `start`, or `nil`.
    func nameEnd(from start: Int, cursor: TextCursor) -> Int? {
        if let surnameEnd = surname(at: start, cursor: cursor) {
            // One or two given characters: the ends after each, longer first (no array made).
            var longer = -1, shorter = -1
            if let (scalar, next) = cursor.scalar(at: surnameEnd), ScalarClass.isIdeograph(scalar) {
                shorter = next
                if let (second, end) = cursor.scalar(at: next), ScalarClass.isIdeograph(second) { longer = end }
            }
            // The strongest ending first: a speech verb, then punctuation, then an end word.
            if shorter >= 0 {
                if longer >= 0, followedBySpeech(longer, cursor) { return longer }
                if followedBySpeech(shorter, cursor) { return shorter }
                if longer >= 0, followedByPunctuation(longer, cursor) { return longer }
                if followedByPunctuation(shorter, cursor) { return shorter }
                if longer >= 0, followedByEndWord(longer, cursor) { return longer }
                if followedByEndWord(shorter, cursor) { return shorter }
            }
        }
        return foreignNameEnd(from: start, cursor: cursor) ?? latinNameEnd(from: start, cursor: cursor)
    }

    /// A Latin-script name after a title: a capitalised word and one to three
    /// more words (首席执行官Luc Van den Hove).
    func latinNameEnd(from start: Int, cursor: TextCursor) -> Int? {
        var position = start
        if let (space, next) = cursor.scalar(at: position), space == 0x20 { position = next }
        guard let (first, _) = cursor.scalar(at: position), (0x41...0x5A).contains(first) else { return nil }
        var words = 0
        var end = position
        while words < 4 {
            var wordEnd = position
            while wordEnd < cursor.bytes.count, isASCIILetter(cursor.bytes[wordEnd]) { wordEnd += 1 }
            guard wordEnd - position >= 2 else { break }
            words += 1
            end = wordEnd
            guard wordEnd < cursor.bytes.count, cursor.bytes[wordEnd] == 0x20 else { break }
            position = wordEnd + 1
        }
        guard words >= 2, end < cursor.bytes.count ? !ScalarClass.isASCIIAlphanumeric(UInt32(cursor.bytes[end])) : true else { return nil }
        return end
    }

    /// A transliterated name: two to twelve transliteration characters, with
    /// inner middle dots, followed by a speech verb, an end word or punctuation.
    func foreignNameEnd(from start: Int, cursor: TextCursor) -> Int? {
        var position = start
        var count = 0
        var lastWasDot = true
        while let (scalar, next) = cursor.scalar(at: position) {
            if scalar == 0xB7 || scalar == 0x30FB || scalar == 0x2022 {
                if lastWasDot { return nil }
                lastWasDot = true
            } else if patterns.foreignNameCharacters.contains(scalar) {
                lastWasDot = false
                count += 1
            } else {
                break
            }
            position = next
            if count > 12 { return nil }
        }
        guard count >= 2, !lastWasDot else { return nil }
        return followedBySpeech(position, cursor) || followedByPunctuation(position, cursor) || followedByEndWord(position, cursor)
            ? position : nil
    }

    // MARK: Names before a title or a speech verb

    /// The start of a Chinese name that ends at `end`: a surname and two given
    /// characters, or a compound surname and one or two (without a title before
    /// it, a surname and one character is too often a word: 方案, 关键); with
    /// `needsBoundary`, what precedes it is no ideograph.
    func nameStart(before end: Int, cursor: TextCursor, needsBoundary: Bool) -> Int? {
        // The starts of up to four ideographs before `end`, nearest first, without an array:
        // this runs before every speech verb and title.
        var starts: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var found = 0
        var position = end
        while found < 4, let (scalar, start) = cursor.scalar(before: position), ScalarClass.isIdeograph(scalar) {
            switch found {
            case 0: starts.0 = start
            case 1: starts.1 = start
            case 2: starts.2 = start
            default: starts.3 = start
            }
            found += 1
            position = start
        }
        // Four characters (a compound surname) first, then three, then two.
        for length in stride(from: 4, through: 2, by: -1) where length <= found {
            let start = length == 4 ? starts.3 : length == 3 ? starts.2 : starts.1
            guard let surnameEnd = surname(at: start, cursor: cursor), surnameEnd < end else { continue }
            let given = cursor.scalarCount(surnameEnd..<end)
            guard given == 2 || given == 1 && length == 3 else { continue }
            if needsBoundary, let (before, _) = cursor.scalar(before: start), ScalarClass.isIdeograph(before) { continue }
            return start
        }
        return nil
    }

    /// The start of a transliterated name of three or more characters that ends
    /// at `end` and opens a clause (。蓬佩奥说).
    func foreignNameStart(before end: Int, cursor: TextCursor) -> Int? {
        var position = end
        var count = 0
        while let (scalar, start) = cursor.scalar(before: position), count <= 12 {
            if scalar == 0xB7 || scalar == 0x30FB {
                guard count > 0 else { return nil }
            } else if patterns.foreignNameCharacters.contains(scalar) {
                count += 1
            } else {
                break
            }
            position = start
        }
        guard count >= 3, count <= 12 else { return nil }
        if let (before, _) = cursor.scalar(before: position), ScalarClass.isIdeograph(before) || before == 0xB7 { return nil }
        return position
    }

    // MARK: Checks

    func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    func surname(at index: Int, cursor: TextCursor) -> Int? {
        surnames.longest(at: index, in: cursor).map { index + $0.count }
    }

    func followedBySpeech(_ index: Int, _ cursor: TextCursor) -> Bool {
        speech.longest(at: index, in: cursor) != nil
    }

    func followedByEndWord(_ index: Int, _ cursor: TextCursor) -> Bool {
        endWords.longest(at: index, in: cursor) != nil
    }

    func followedByPunctuation(_ index: Int, _ cursor: TextCursor) -> Bool {
        guard let (scalar, _) = cursor.scalar(at: index) else { return true }
        return !ScalarClass.isIdeograph(scalar) && !ScalarClass.isASCIIAlphanumeric(scalar)
    }

    // MARK: Later uses

    /// Every later use of a name found in context, outside other mentions.
    func repeated(_ found: [Mention], cursor: TextCursor, existing: OverlapIndex, taken: Set<Int>) -> [Mention] {
        var names: [[UInt8]] = []
        // Keyed on composed bytes (``CanonicalKey``), not on a `String` normalised on every hash.
        var seen: Set<CanonicalKey> = []
        for mention in found where seen.insert(CanonicalKey(mention.surface)).inserted { names.append(Array(mention.surface.utf8)) }
        var result: [Mention] = []
        for (position, length) in Self.uses(of: names, in: cursor) where !taken.contains(position) {
            let range = position..<(position + length)
            guard !existing.overlaps(range) else { continue }
            let surface = cursor.text(range)
            result.append(Mention(range: range, type: .person, surface: surface, entityIndex: nil,
                                  rule: "person:repeated", key: "person:\(surface)"))
        }
        return result
    }

    /// Up to this many names, ``uses(of:in:)`` may find each with `memchr` and merge
    /// (``AliasResolution/searchesTogether(_:)``); more always share one pass over the text.
    static let namesSearchedOneByOne = AliasResolution.namesSearchedOneByOne

    /// The uses of `names` (distinct, not empty) that one pass left to right takes: at each
    /// position the longest name that starts there, and the pass goes on after it.
    static func uses(of names: [[UInt8]], in cursor: TextCursor) -> [(position: Int, length: Int)] {
        guard !names.isEmpty else { return [] }
        // Every start of every name (by a search per name, or one pass for all), by position and
        // the longest first; then the pass's choices.
        var starts: [(position: Int, length: Int)] = []
        if AliasResolution.searchesTogether(names) {
            NameSearch(names).forEachStart(in: cursor.bytes) { position, index in starts.append((position, names[index].count)) }
        } else {
            let whole = 0..<cursor.bytes.count
            for name in names {
                for position in cursor.occurrences(of: name, in: whole, overlapping: true) { starts.append((position, name.count)) }
            }
        }
        starts.sort { $0.position != $1.position ? $0.position < $1.position : $0.length > $1.length }
        var result: [(position: Int, length: Int)] = []
        var next = 0
        for start in starts where start.position >= next {
            result.append(start)
            next = start.position + start.length
        }
        return result
    }
}
