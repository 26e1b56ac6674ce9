/// The topic rules of ``TargetExtractor`` (``TargetExtractor/cleanTopic(_:)``,
/// ``TargetExtractor/stripAdverbs(_:)``, ``TargetExtractor/headNoun(_:)``,
/// ``TargetExtractor/afterFigure(_:)``) on arrays of Unicode scalars read straight
/// from the text's bytes: no `String` built per step, no `Character`s, no Foundation.
///
/// The scalar path covers text whose every scalar is a character of its own and
/// equal only to itself under canonical equivalence (``isPlain(_:)``: ASCII,
/// Latin-1, general punctuation, CJK, full-width forms: what news text holds).
/// There, a `String` prefix, suffix, search or count is the same on scalars, so
/// the results are the same strings. Anything else (combining marks, emoji,
/// compatibility ideographs, malformed bytes) takes the `String` path.
struct TopicScalars: Sendable {
    /// The `topic-noise` words, in their order.
    let noise: [[UInt32]]
    /// The vocabulary's adverbs, in their order.
    let adverbs: [[UInt32]]
    let bareVerbs: Set<[UInt32]>
    let goalNouns: [[UInt32]]
    /// Units of values, longest first (the vocabulary's order).
    let units: [[UInt32]]
    /// The light verbs in the order the `String` path visits them (``TargetVocabulary/lightVerbsInOrder``).
    let lightVerbs: [[UInt32]]
    /// The first and last scalars of ``noise`` and of ``adverbs``: a topic whose ends are in
    /// neither holds no such word at either end, and the loops that strip them are not run.
    let noiseEnds: WordEnds
    let adverbEnds: WordEnds
    /// The `multiplier` and `figure-tail` words (``afterFigure(_:)``), the `topic-baseline`
    /// words (较, ``cleanTopic(_:)``) and the `of` words (的, ``headNoun(_:)``), in file order.
    let multipliers: [[UInt32]]
    let figureTails: [[UInt32]]
    let topicBaselines: [[UInt32]]
    let ofWords: [[UInt32]]

    /// The words as scalars; `nil` when one of them holds a scalar the scalar path does not cover.
    init?(vocabulary: TargetVocabulary, noise: [String]) {
        func compile(_ words: [String]) -> [[UInt32]]? {
            var result: [[UInt32]] = []
            for word in words {
                let scalars = word.unicodeScalars.map(\.value)
                guard scalars.allSatisfy(Self.isPlain) else { return nil }
                result.append(scalars)
            }
            return result
        }
        guard let noise = compile(noise), let adverbs = compile(vocabulary.adverbs), let bareVerbs = compile(Array(vocabulary.bareVerbs)),
              let goalNouns = compile(vocabulary.goalNouns), let units = compile(vocabulary.units),
              let lightVerbs = compile(vocabulary.lightVerbsInOrder), let multipliers = compile(vocabulary.multipliers),
              let figureTails = compile(vocabulary.figureTails), let topicBaselines = compile(vocabulary.topicBaselineWords),
              let ofWords = compile(vocabulary.ofWords) else { return nil }
        self.multipliers = multipliers.filter { !$0.isEmpty }
        self.figureTails = figureTails.filter { !$0.isEmpty }
        self.topicBaselines = topicBaselines.filter { !$0.isEmpty }
        self.ofWords = ofWords.filter { !$0.isEmpty }
        self.noise = noise
        self.adverbs = adverbs
        self.bareVerbs = Set(bareVerbs)
        self.goalNouns = goalNouns
        self.units = units
        self.lightVerbs = lightVerbs
        noiseEnds = WordEnds(noise)
        adverbEnds = WordEnds(adverbs)
    }

    /// Whether `scalar` is its own character and canonically equal only to itself
    /// (U+2000 and U+2001 are canonically U+2002 and U+2003).
    @inline(__always)
    static func isPlain(_ scalar: UInt32) -> Bool {
        UTF8Trimming.isSingleGrapheme(scalar) && scalar != 0x2000 && scalar != 0x2001
    }

    /// The scalars of `range`, or `nil` when one of them is not plain (or the bytes are malformed).
    static func scalars(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        var result: [UInt32] = []
        result.reserveCapacity(range.count / 2)
        var index = range.lowerBound
        while index < range.upperBound {
            guard let (scalar, length) = UTF8Trimming.strictScalar(in: bytes, at: index, end: range.upperBound), isPlain(scalar) else { return nil }
            result.append(scalar)
            index += length
        }
        return result
    }

    /// Whether every scalar of `range` is plain: ``scalars(of:in:)`` is not `nil` (without making the array).
    static func allPlain(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            guard let (scalar, length) = UTF8Trimming.strictScalar(in: bytes, at: index, end: range.upperBound), isPlain(scalar) else { return false }
            index += length
        }
        return true
    }

    /// The string of `scalars` (each a valid scalar).
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8Bytes.append(scalar, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func string(_ scalars: [UInt32]) -> String { string(scalars[...]) }

    // MARK: Rules

    /// `String.hasPrefix` on plain scalars.
    @inline(__always)
    static func hasPrefix(_ text: [UInt32], _ word: [UInt32]) -> Bool {
        word.count <= text.count && text[..<word.count].elementsEqual(word)
    }

    /// `String.hasSuffix` on plain scalars.
    @inline(__always)
    static func hasSuffix(_ text: [UInt32], _ word: [UInt32]) -> Bool {
        word.count <= text.count && text[(text.count - word.count)...].elementsEqual(word)
    }

    /// The first place `word` starts in `text` (Foundation's `range(of:)` on plain scalars).
    static func firstRange(of word: [UInt32], in text: ArraySlice<UInt32>) -> Range<Int>? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        // The first scalar compared alone first: most places differ there.
        let first = word[0]
        for start in text.startIndex...(text.endIndex - word.count)
        where text[start] == first && text[start..<(start + word.count)].elementsEqual(word) {
            return start..<(start + word.count)
        }
        return nil
    }

    /// Foundation's `CharacterSet.whitespaces` (Zs and tab, and, as Foundation has it, the
    /// zero-width space U+200B) among plain scalars.
    @inline(__always)
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x20, 0xA0, 0x2002...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `Character.isNumber` of a plain scalar.
    @inline(__always)
    static func isNumber(_ scalar: UInt32) -> Bool {
        Unicode.Scalar(scalar)?.properties.numericType != nil
    }

    /// The marks that end a topic: ” 。 ， , ； ;.
    @inline(__always)
    static func endsTopic(_ scalar: UInt32) -> Bool {
        scalar == 0x201D || scalar == 0x3002 || scalar == 0xFF0C || scalar == 0x2C || scalar == 0xFF1B || scalar == 0x3B
    }

    /// ``TargetExtractor/cleanTopic(_:)``.
    func cleanTopic(_ raw: ArraySlice<UInt32>) -> [UInt32]? {
        var lower = raw.startIndex, upper = raw.endIndex
        while lower < upper, Self.isWhitespace(raw[lower]) { lower += 1 }
        while upper > lower, Self.isWhitespace(raw[upper - 1]) { upper -= 1 }
        var text = Array(raw[lower..<upper])
        if let end = text.firstIndex(where: Self.endsTopic), end != 0 { text.removeSubrange(end...) }
        // The first place of each baseline word, where a number follows it (as the `String` path reads them).
        var cut: Int? = nil
        for word in topicBaselines {
            if let range = Self.firstRange(of: word, in: text[...]), range.upperBound < text.count, Self.isNumber(text[range.upperBound]) {
                cut = min(cut ?? range.lowerBound, range.lowerBound)
            }
        }
        if let cut { text.removeSubrange(cut...) }
        var changed = noiseEnds.mayOpenOrClose(text)
        while changed {
            changed = false
            for word in noise where Self.hasPrefix(text, word) { text.removeFirst(word.count); changed = true }
            for word in noise where Self.hasSuffix(text, word) { text.removeLast(word.count); changed = true }
        }
        guard !text.isEmpty, text.count <= 40 else { return text.isEmpty ? nil : Array(text.prefix(40)) }
        return text
    }

    /// ``TargetExtractor/stripAdverbs(_:)``.
    func stripAdverbs(_ topic: [UInt32]) -> [UInt32] {
        var text = topic
        var changed = adverbEnds.mayOpenOrClose(text)
        while changed {
            changed = false
            for adverb in adverbs {
                if Self.hasPrefix(text, adverb) { text.removeFirst(adverb.count); changed = true }
                if Self.hasSuffix(text, adverb) { text.removeLast(adverb.count); changed = true }
            }
        }
        return bareVerbs.contains(text) ? [] : text
    }

    /// ``TargetExtractor/headNoun(_:)``.
    func headNoun(_ topic: [UInt32]) -> [UInt32] {
        var last: Range<Int>? = nil
        for word in ofWords {
            if let range = Self.lastRange(of: word, in: topic), range.lowerBound > (last?.lowerBound ?? -1) { last = range }
        }
        guard let of = last else { return topic }
        let head = Array(topic[of.upperBound...])
        if goalNouns.contains(where: { Self.hasSuffix(head, $0) }) { return Array(topic[..<of.lowerBound]) }
        return head.count >= 2 ? head : topic
    }

    /// The last place `word` starts in `text` (Foundation's backward `range(of:)` on plain scalars).
    static func lastRange(of word: [UInt32], in text: [UInt32]) -> Range<Int>? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        for start in stride(from: text.count - word.count, through: 0, by: -1)
        where text[start] == word[0] && text[start..<(start + word.count)].elementsEqual(word) {
            return start..<(start + word.count)
        }
        return nil
    }

    /// Whether `scalar` is an ASCII digit.
    @inline(__always)
    static func isASCIIDigit(_ scalar: UInt32) -> Bool { scalar >= 0x30 && scalar <= 0x39 }

    /// ``TargetExtractor/afterFigure(_:)``.
    func afterFigure(_ topic: [UInt32]) -> [UInt32] {
        var start = 0
        while start < topic.count, Self.isASCIIDigit(topic[start]) || topic[start] == 0x2E || topic[start] == 0x25 { start += 1 }
        guard start > 0 else { return topic }
        var rest = Array(topic[start...])
        if let multiplier = multipliers.first(where: { Self.hasPrefix(rest, $0) }) { rest.removeFirst(multiplier.count) }
        if let unit = units.first(where: { Self.hasPrefix(rest, $0) }) { rest.removeFirst(unit.count) }
        if let tail = figureTails.first(where: { Self.hasPrefix(rest, $0) }) { rest.removeFirst(tail.count) }
        return rest
    }

    /// The topic between the time and the action (``TargetExtractor/findTopic(between:action:sentence:cursor:)``'s first part).
    func topicBefore(_ raw: [UInt32]) -> String? {
        var text = raw[...]
        for light in lightVerbs {
            if let range = Self.firstRange(of: light, in: text), range.upperBound < text.endIndex { text = text[range.upperBound...] }
        }
        guard let between = cleanTopic(text).map(stripAdverbs), between.count >= 2 else { return nil }
        return Self.string(between)
    }

    /// The action's object as a topic (``TargetExtractor/findTopic(between:action:sentence:cursor:)``'s second part).
    func topicAfter(_ after: [UInt32]) -> String? {
        guard var object = cleanTopic(after[...]).map(stripAdverbs).map(headNoun).map(afterFigure).map(stripAdverbs) else { return nil }
        if let valueStart = object.firstIndex(where: Self.isASCIIDigit) {
            let isNoun = valueStart == 0 && ofWords.contains { Self.firstRange(of: $0, in: after[...]) != nil }
            if !isNoun { object = cleanTopic(object[..<valueStart]) ?? [] }
        }
        return object.count >= 2 ? Self.string(object) : nil
    }
}
