import Testing
@testable import PolicyGraphCore

/// The fifth round of the target fast paths: each gate turns down only places or texts where
/// the work it skips finds nothing (the paths behind the gates are compared with their old
/// forms by `TargetSpeedPathTests`, `TargetWordIndexTests` and `TargetFourthRoundSpeedPathTests`).
@Suite struct TargetFifthRoundSpeedPathTests {
    static var extractor: TargetExtractor { sharedExtractor.targetExtractor }

    /// A topic whose ends the gate turns down has no noise word or adverb at either end: every
    /// stretch of the seeds and dev texts, its first and last scalars cut off in turn, and edges.
    @Test func topicEndGatesTurnDownOnlyTopicsWithoutTheWords() throws {
        let topics = try #require(Self.extractor.topicScalars)
        var texts: [[UInt32]] = []
        for stretch in TargetSpeedPathTests.stretches + TargetSpeedPathTests.edges {
            guard let scalars = TargetSpeedPathTests.scalars(stretch) else { continue }
            for cut in 0..<min(4, scalars.count + 1) {
                texts.append(Array(scalars.dropFirst(cut)))
                texts.append(Array(scalars.dropLast(cut)))
            }
        }
        for word in topics.noise + topics.adverbs { texts += [word, word + [0x4E2D], [0x4E2D] + word, []] }
        var turnedDown = 0, failures: [String] = []
        for text in texts {
            for (words, gate) in [(topics.noise, topics.noiseEnds), (topics.adverbs, topics.adverbEnds)] where !gate.mayOpenOrClose(text) {
                turnedDown += 1
                if words.contains(where: { TopicScalars.hasPrefix(text, $0) || TopicScalars.hasSuffix(text, $0) }) {
                    failures.append(TopicScalars.string(text))
                }
            }
        }
        #expect(turnedDown > 1_000)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// The first place of a word among scalars, with the first scalar compared alone first, is
    /// the first place where all of the word's scalars are.
    @Test func firstRangeIsTheFirstPlaceOfTheWord() {
        var generator = TimePropertyTests.Generator(state: 5)
        let alphabet: [UInt32] = [0x5B9E, 0x73B0, 0x91CF, 0x4EA7, 0x31]
        var found = 0
        for _ in 0..<2_000 {
            let text = (0..<generator.below(12)).map { _ in alphabet[generator.below(alphabet.count)] }
            let word = (0..<(1 + generator.below(3))).map { _ in alphabet[generator.below(alphabet.count)] }
            let slice = text[min(text.count, generator.below(2))...].dropLast(generator.below(2))
            var expected: Range<Int>? = nil
            if word.count <= slice.count {
                for start in slice.startIndex...(slice.endIndex - word.count) where Array(slice[start..<(start + word.count)]) == word {
                    expected = start..<(start + word.count)
                    break
                }
            }
            if expected != nil { found += 1 }
            #expect(TopicScalars.firstRange(of: word, in: slice) == expected)
        }
        #expect(found > 200)
    }

    /// Where the joined gate of two matchers turns a place down, neither matcher has a word
    /// there: every place of the texts, for the future and past words and for other pairs.
    @Test func pairedGateTurnsDownOnlyPlacesWithoutWords() {
        let extractor = Self.extractor
        let pairs = [(extractor.future, extractor.past), (extractor.stating, extractor.actions),
                     (WordMatcher(["a", "ab", "将"]), WordMatcher(["é", "\u{301}", "已经"]))]
        var asked = 0, turnedDown = 0, failures: [String] = []
        for text in TargetWordIndexTests.texts {
            text.withUnsafeBufferPointer { bytes in
                for (first, second) in pairs {
                    let gate = PairedStartGate(first, second)
                    for index in bytes.indices {
                        asked += 1
                        guard !gate.mayStart(at: index, in: bytes) else { continue }
                        turnedDown += 1
                        if first.shortestEnd(at: index, in: bytes) != nil || second.shortestEnd(at: index, in: bytes) != nil {
                            failures.append("\(index)")
                        }
                    }
                }
            }
        }
        #expect(asked > 100_000)
        #expect(turnedDown > asked / 2)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// Where the short-title gate turns a clause's first place down, no short title starts there:
    /// every place of the texts, and every short title after odd bytes.
    @Test func shortTitleGateTurnsDownOnlyPlacesWithoutTitles() {
        let extractor = Self.extractor
        var texts = TargetWordIndexTests.texts
        for word in extractor.shortTitles.words { texts += [Array(("《" + word + "》提出").utf8), [0xE5] + Array(word.utf8), Array(word.utf8.dropLast())] }
        var asked = 0, turnedDown = 0, failures: [String] = []
        for text in texts {
            text.withUnsafeBufferPointer { bytes in
                for index in bytes.indices {
                    asked += 1
                    guard !extractor.startsShortTitle(at: index, in: bytes) else { continue }
                    turnedDown += 1
                    if extractor.shortTitles.word(at: index, in: bytes, limit: bytes.count) != nil { failures.append("\(index)") }
                }
            }
        }
        #expect(asked > 100_000)
        #expect(turnedDown > asked / 2)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// `scalarsAreCharacters` as it was: every scalar decoded and classed, with a sequence cut
    /// by the range's end counted as one replacement character.
    static func naiveScalarsAreCharacters(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            guard let (scalar, length) = UTF8Trimming.strictScalar(in: bytes, at: index, end: range.upperBound) else {
                let needed = UTF8Bytes.sequenceLength(lead: bytes[index])
                guard needed > 1, needed <= 3, index + needed > range.upperBound, index + needed <= bytes.count,
                      UTF8Trimming.strictScalar(in: bytes, at: index, end: index + needed).map({ UTF8Trimming.isSingleGrapheme($0.value) }) == true
                else { return false }
                return true
            }
            guard UTF8Trimming.isSingleGrapheme(scalar) else { return false }
            index += length
        }
        return true
    }

    /// The ideographs stepped over without a test: the answer on ranges of every start and
    /// length (a 5- and 7-byte grid, ends cutting sequences) of the texts and of odd bytes.
    @Test func ideographStepKeepsScalarsAreCharacters() {
        var texts = TargetWordIndexTests.texts.prefix(60) + TargetWordIndexTests.texts.suffix(60)
        texts.append([0xE4, 0xB8] + Array("中文\u{301}字".utf8) + [0xE9, 0xBF, 0xBF, 0xE4, 0x41, 0x80, 0xED, 0xA0, 0x80])
        var asked = 0, plain = 0, failures: [String] = []
        for text in texts {
            text.withUnsafeBufferPointer { bytes in
                for start in stride(from: 0, to: bytes.count, by: 5) {
                    for length in stride(from: 0, through: min(40, bytes.count - start), by: 7) {
                        let range = start..<(start + length)
                        asked += 1
                        let expected = Self.naiveScalarsAreCharacters(bytes, in: range)
                        if expected { plain += 1 }
                        if TargetExtractor.scalarsAreCharacters(bytes, in: range) != expected { failures.append("\(range)") }
                    }
                }
            }
        }
        #expect(asked > 10_000)
        #expect(plain > asked / 4 && plain < asked)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// A target's key joined on bytes is the interpolated string, for names, topics and values
    /// with odd scalars, empty fields and separators inside fields.
    @Test func joinedKeyIsTheInterpolatedString() {
        let fields = ["工业和信息化部", "", "e\u{301}", "é", "|", "a|b", "🚗", "2025", "-3", "全固态电池的量产", "\r\n"]
        var buffer: [UInt8] = []
        var asked = 0
        for first in fields {
            for second in fields {
                for third in ["in", "by", "0", "2030"] {
                    let interpolated = "\(first)|\(third)|\(second)"
                    let key = TargetExtractor.joinedKey([first, third, second], buffer: &buffer)
                    #expect(key.original == interpolated)
                    #expect(key == CanonicalKey(interpolated))
                    asked += 1
                }
            }
        }
        #expect(asked == fields.count * fields.count * 4)
    }

    /// `LocationExtractor` as it was: every 位于 of the text found, then the place after it.
    static func naiveLocations(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention],
                               names: EntityNames) -> [LocatedPair] {
        let verb = Array("位于".utf8), of = Array("的".utf8)
        let starts = SortedStarts(mentions)
        func mention(startingAt offset: Int) -> Mention? {
            let low = starts.firstIndex(atOrAfter: offset)
            return low < mentions.count && mentions[low].range.lowerBound == offset ? mentions[low] : nil
        }
        func mention(endingAt offset: Int) -> Mention? {
            let low = starts.firstIndex(atOrAfter: offset)
            var index = low - 1
            while index >= 0, index >= low - 4 {
                if mentions[index].range.upperBound == offset { return mentions[index] }
                index -= 1
            }
            return nil
        }
        var pairs: [LocatedPair] = []
        var seen: Set<String> = []
        for start in cursor.occurrences(of: verb, in: 0..<cursor.bytes.count) {
            let end = start + verb.count
            guard let place = mention(startingAt: end), place.type == .zone || place.type == .region else { continue }
            var located: Mention? = mention(endingAt: start)
            if located == nil || !LocationExtractor.locatedTypes.contains(located!.type), cursor.matches(of, at: place.range.upperBound) {
                located = mention(startingAt: place.range.upperBound + of.count)
            }
            guard let located, LocationExtractor.locatedTypes.contains(located.type), located.key != place.key,
                  let locatedName = names[located.key], let placeName = names[place.key],
                  seen.insert("\(locatedName)→\(placeName)").inserted else { continue }
            let original = text.originalRange(of: start..<end)
            pairs.append(LocatedPair(entity: locatedName, place: placeName, sentence: segments.sentenceText(containing: start, cursor: cursor),
                                     offsets: [original.lowerBound, original.upperBound]))
        }
        return pairs
    }

    /// The places read from the place mentions are those read from every 位于 of the text: the
    /// seeds and dev texts, and texts made of places, bodies, 位于 and 的 in every order.
    @Test func locationsFromThePlaceMentionsAreThoseFromEvery位于() {
        let shared = sharedExtractor
        var sources = TargetSpeedPathTests.texts
        let pieces = ["位于", "的", "南昌高新区", "南昌科勒有限公司", "昆山先进计算产业园", "昆山高新区", "北京市", "中国科学院", "，", "。", "位", "于", "\n"]
        var generator = TimePropertyTests.Generator(state: 88)
        for _ in 0..<300 { sources.append((0..<(2 + generator.below(14))).map { _ in pieces[generator.below(pieces.count)] }.joined()) }
        var found = 0, failures: [String] = []
        for source in sources {
            let document = SourceDocument(name: "t.txt", string: source)
            let text = shared.normalize(document)
            let recognition = shared.recognizer.recognize(text)
            let reported = OriginalScript.restore(recognition.mentions, text: text, original: document.text.bytes, folding: shared.lexicon.ontology.folding)
            let names = EntityGrouping.entities(from: reported, text: text, ontology: shared.lexicon.ontology).names
            text.bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                let segments = TextSegments(buffer)
                let expected = Self.naiveLocations(text: text, cursor: cursor, segments: segments, mentions: recognition.mentions, names: names)
                let got = shared.locationExtractor.extract(text: text, cursor: cursor, segments: segments, mentions: recognition.mentions, names: names)
                found += expected.count
                if got != expected { failures.append(String(source.prefix(60))) }
            }
        }
        #expect(found > 20)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }
}
