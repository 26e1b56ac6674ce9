import Foundation
import Testing
@testable import PolicyGraphCore

/// The fourth round of the target and issuance fast paths against the paths they replace, on the
/// seeds and dev texts, run-together and generated texts: short titles that speak, the speaker
/// gate, the matchers' scans, technologies by word index, datelines and notices.
@Suite struct TargetFourthRoundSpeedPathTests {
    static var extractor: TargetExtractor { sharedExtractor.targetExtractor }

    /// Pieces of news sentences: holders, times (with a day list's ，), actions, marks, titles that
    /// speak, a work report's heading, and stretches without a mark (cut by length).
    static let pieces = [
        "国务院", "工业和信息化部", "比亚迪", "丰田汽车宣布", "北京市", "《新能源汽车产业发展规划》", "方案指，", "意见提出",
        "到2025年", "2030年前", "“十四五”期间", "今年", "3月1日，5日", "2026-2028年", "去年同期", "自2013年开始", "后",
        "实现", "量产", "建成", "下降13.5%", "将", "已经", "计划", "全固态电池", "的", "发展",
        "。", "，", "；", "！", "?", "\n", "\n\n", " ", "2", "二〇三〇年", "後",
        "三、2026年重点工作\n", "2026年某市政府工作报告\n", "主要预期目标是：生产总值增长5%左右，",
        String(repeating: "产业发展", count: 400), String(repeating: "2025年实现", count: 300),
    ]

    /// The seeds and dev texts, each also with its sentences run together (。 as ，, no line
    /// breaks), and generated texts.
    static let sources: [String] = {
        var result = TargetSpeedPathTests.texts
        for text in TargetSpeedPathTests.texts.prefix(30) {
            result.append(text.replacingOccurrences(of: "。", with: "，"))
            result.append(text.replacingOccurrences(of: "\n", with: ""))
        }
        var generator = TimePropertyTests.Generator(state: 2026)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(4 + generator.below(40)) { text += pieces[generator.below(pieces.count)] }
            result.append(text)
        }
        for _ in 0..<100 {
            // Odd bytes made text (as the decoder makes every document).
            result.append(String(decoding: TimeSpeedPathTests.bytes(&generator) + Array("。将于2025年实现".utf8) + TimeSpeedPathTests.bytes(&generator),
                                 as: UTF8.self))
        }
        return result
    }()

    /// The mentions, names and holders of `source` as the target rules read them.
    static func holders(of source: String) -> (text: [UInt8], holders: [Mention], names: EntityNames) {
        let (text, mentions, names) = prepared(source)
        let holders = mentions.filter { TargetExtractor.isHolderType($0.type) && names[$0.key] != nil }
        return (text.bytes, holders, names)
    }

    /// The normalised text of `source`, its mentions and their output names, as the extractor hands them to the target rules.
    static func prepared(_ source: String) -> (text: NormalizedText, mentions: [Mention], names: EntityNames) {
        let shared = sharedExtractor
        let document = SourceDocument(name: "t.txt", string: source)
        let text = shared.normalize(document)
        let recognition = shared.recognizer.recognize(text)
        let reported = OriginalScript.restore(recognition.mentions, text: text, original: document.text.bytes, folding: shared.lexicon.ontology.folding)
        let names = EntityGrouping.entities(from: reported, text: text, ontology: shared.lexicon.ontology).names
        return (text, recognition.mentions, names)
    }

    /// `shortTitleSpeakers` as it was: every clause of the text, every policy's endings.
    static func naiveShortTitleSpeakers(_ extractor: TargetExtractor, holders: [Mention], names: EntityNames, segments: TextSegments,
                                        cursor: TextCursor) -> [(offset: Int, name: String, start: Int)] {
        let policies = holders.indices.filter { holders[$0].type == .policy }
        var policyIndex = 0
        var latestByEnding: [Int: TargetExtractor.Holder] = [:]
        var result: [(offset: Int, name: String, start: Int)] = []
        for sentence in segments.sentences {
            for clause in sentence.clauses {
                var start = clause.lowerBound
                if let (scalar, next) = cursor.scalar(at: start), scalar == .leftTitle || scalar == .leftQuote { start = next }
                guard let (word, end) = extractor.shortTitles.word(at: start, in: cursor.bytes, limit: clause.upperBound) else { continue }
                while policyIndex < policies.count, holders[policies[policyIndex]].range.upperBound <= start {
                    let policy = policies[policyIndex]
                    if let name = names[holders[policy].key] {
                        for ending in extractor.shortTitleEndings(of: name) { latestByEnding[ending] = .init(mention: holders[policy], name: name) }
                    }
                    policyIndex += 1
                }
                var after = end
                if let (scalar, next) = cursor.scalar(at: after), scalar == .rightTitle || scalar == .rightQuote { after = next }
                let window = after..<min(clause.upperBound + 3, after + 12, cursor.bytes.count)
                guard let holder = latestByEnding[word], extractor.stating.occurs(in: window, of: cursor.bytes) else { continue }
                result.append((start, holder.name, holder.mention.range.lowerBound))
            }
        }
        return result
    }

    /// The short titles that speak, read from the first policy with a title ending on, are those
    /// read from every clause; some texts name such a policy after clauses that would speak.
    @Test func shortTitleSpeakersFromTheFirstTitledPolicy() {
        let extractor = Self.extractor
        var found = 0, failures: [String] = []
        var sources = Self.sources
        sources += ["方案指，将于2025年实现量产。国务院印发《行动方案》。方案指出，到2027年建成。意见提出，2026年实现",
                    "意见提出：到2030年实现。《关于加快发展的意见》发布。意见提出，2028年实现。方案指，不变"]
        for source in sources {
            let (bytes, holders, names) = Self.holders(of: source)
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                let segments = TextSegments(buffer)
                let expected = Self.naiveShortTitleSpeakers(extractor, holders: holders, names: names, segments: segments, cursor: cursor)
                let got = extractor.shortTitleSpeakers(holders: holders, names: names, segments: segments, cursor: cursor)
                found += expected.count
                if got.map({ [$0.offset, $0.holder.mention.range.lowerBound] }) != expected.map({ [$0.offset, $0.start] })
                    || got.map(\.holder.name) != expected.map(\.name) { failures.append(String(source.prefix(80))) }
            }
        }
        #expect(found > 5)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// The technology of a topic, read on its bytes and named by the word's index, is the one
    /// the topic's `String` and the name table gave.
    @Test func technologyByWordIndex() {
        let extractor = Self.extractor
        var named = 0
        for topic in TargetSpeedPathTests.stretches + TargetSpeedPathTests.edges + extractor.technologies.words {
            let expected = extractor.technologies.longest(in: topic).flatMap { extractor.technologyCanonical[$0] }
            if expected != nil { named += 1 }
            #expect(extractor.technology(of: topic) == expected, "\(topic)")
        }
        #expect(named > 100)
    }

    /// A dateline read with the opener and wire matchers is one read by comparing every word at
    /// every place: an agency ending at every scalar of the texts, and before every dateline word.
    @Test func datelineMatchersAgreeWithEveryWord() {
        let extractor = Self.extractor
        let openers = extractor.vocabulary.datelineOpeners.map { Array($0.utf8) }, wires = extractor.vocabulary.datelineWires.map { Array($0.utf8) }
        var texts = TargetWordIndexTests.texts
        for word in extractor.vocabulary.datelineOpeners + extractor.vocabulary.datelineWires {
            texts.append(Array(("中国新闻网" + word + "北京1月24日电（记者").utf8))
            texts.append(Array(("中国新闻网北京" + word).utf8))
        }
        var asked = 0, datelines = 0, failures: [String] = []
        for text in texts.prefix(80) + texts.suffix(2 * (extractor.vocabulary.datelineOpeners.count + extractor.vocabulary.datelineWires.count)) {
            text.withUnsafeBufferPointer { bytes in
                let cursor = TextCursor(bytes: bytes)
                for end in 1...bytes.count where end == bytes.count || !UTF8Bytes.isContinuation(bytes[end]) {
                    let mention = Mention(range: max(0, end - 3)..<end, type: .institution, surface: "某社", entityIndex: nil, rule: "suffix", key: "某社")
                    let start = end, limit = min(bytes.count, end + 36)
                    guard TargetExtractor.scalarsAreCharacters(bytes, in: start..<limit) else { continue }
                    asked += 1
                    var twelfth = start, count = 0
                    while count < 12, twelfth < limit {
                        twelfth = min(limit, twelfth + UTF8Bytes.sequenceLength(lead: bytes[twelfth]))
                        count += 1
                    }
                    let expected = openers.contains { cursor.matches($0, at: start) && start + $0.count <= limit }
                        || wires.contains { TargetExtractor.contains($0, in: start..<twelfth, cursor: cursor) }
                    if expected { datelines += 1 }
                    if extractor.isDateline(mention, cursor: cursor) != expected { failures.append("\(end)") }
                }
            }
        }
        #expect(asked > 10_000)
        #expect(datelines > 20)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// `isSpeaker` as it was: every place of the seven characters after the holder asked.
    static func naiveIsSpeaker(_ extractor: TargetExtractor, _ mention: Mention, cursor: TextCursor) -> Bool {
        var start = mention.range.upperBound
        if let (scalar, next) = cursor.scalar(at: start), scalar == .rightTitle || scalar == .rightQuote { start = next }
        var end = start
        var count = 0
        while count < 7, let (scalar, next) = cursor.scalar(at: end), !ScalarClass.isPunctuation(scalar) {
            end = next
            count += 1
        }
        return extractor.stating.occurs(in: start..<end, of: cursor.bytes)
    }

    /// A holder ending at every byte of the texts (cut sequences and stray bytes among them), and
    /// before every stating word: the gated check says what the check of every place said.
    @Test func speakerGateAgreesWithEveryPlace() {
        let extractor = Self.extractor
        var texts = TargetWordIndexTests.texts
        for word in extractor.stating.words {
            for text in ["北京市" + word + "张三", "北京市》" + word, "北京市“\u{301}" + word, "北京市🚗" + word, "北京市，" + word] {
                texts.append(Array(text.utf8))
            }
        }
        var asked = 0, speakers = 0, failures: [String] = []
        for text in texts {
            text.withUnsafeBufferPointer { bytes in
                let cursor = TextCursor(bytes: bytes)
                for end in 0...bytes.count {
                    let mention = Mention(range: max(0, end - 3)..<end, type: .company, surface: "某", entityIndex: nil, rule: "suffix", key: "某")
                    asked += 1
                    let expected = Self.naiveIsSpeaker(extractor, mention, cursor: cursor)
                    if expected { speakers += 1 }
                    if extractor.isSpeaker(mention, cursor: cursor) != expected { failures.append("\(end)") }
                }
            }
        }
        #expect(asked > 100_000)
        #expect(speakers > 1_000)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The matchers' scans with the gate in the loop (first, last, longest) find what asking
    /// every place finds.
    @Test func matcherScansAgreeWithEveryPlace() {
        let extractor = Self.extractor
        let matchers = [extractor.stating, extractor.technologies, extractor.actions, WordMatcher(["a", "ab", "将", "将来", "\u{301}", "é"])]
        var asked = 0, failures: [String] = []
        for text in TargetWordIndexTests.texts.prefix(80) {
            text.withUnsafeBufferPointer { bytes in
                for matcher in matchers {
                    for start in stride(from: 0, to: bytes.count, by: 7) {
                        let range = start..<min(bytes.count, start + 5 + start % 97)
                        asked += 1
                        let places = range.filter { !UTF8Bytes.isContinuation(bytes[$0]) }
                            .compactMap { index in matcher.word(at: index, in: bytes, limit: range.upperBound).map { (index, $0.word, $0.end) } }
                        let first = places.first.map { [$0.1, $0.0, $0.2] }
                        var best: (word: Int, length: Int)? = nil
                        for place in places where place.2 - place.0 >= (best?.length ?? 0) { best = (place.1, place.2 - place.0) }
                        var last: Int? = nil, next = range.lowerBound
                        for place in places where place.0 >= next { last = place.1; next = place.2 }
                        if matcher.first(in: range, of: bytes).map({ [$0.word, $0.range.lowerBound, $0.range.upperBound] }) != first
                            || matcher.longest(in: range, of: bytes) != best?.word || matcher.last(in: range, of: bytes) != last {
                            failures.append("\(range)")
                        }
                    }
                }
            }
        }
        #expect(asked > 10_000)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// A notice's document read with the byte gate on its opening word is the one the `String`
    /// rules read, on every clause of the texts and on notice titles with odd scalars.
    @Test func noticeGateAgreesWithTheStringRules() {
        let issuance = sharedExtractor.issuanceExtractor
        var titles = TargetSpeedPathTests.stretches + TargetSpeedPathTests.edges
        for open in issuance.noticeOpens {
            for verb in issuance.verbs {
                titles += [open + verb + "《新能源汽车产业发展规划》的通知", open + verb + "新能源汽车产业发展规划的通知",
                           open + "\u{301}" + verb + "规划的通知", "\u{F900}" + open + verb + "规划的通知", open + verb + "e\u{301}规划的通知"]
            }
        }
        var found = 0
        for title in titles {
            // The String rules alone: the same words, asked without the gate.
            var expected: String? = nil
            search: for open in issuance.noticeOpens where title.hasPrefix(open) {
                for close in issuance.noticeCloses where title.hasSuffix(close) {
                    let body = title.dropFirst(open.count).dropLast(close.count)
                    for verb in issuance.verbs where body.hasPrefix(verb) {
                        let inner = body.dropFirst(verb.count).trimmingCharacters(in: CharacterSet(charactersIn: "《》〈〉“”"))
                        if inner.count >= 4 { expected = inner; break search }
                    }
                }
            }
            if expected != nil { found += 1 }
            #expect(issuance.issuedDocument(inNotice: title) == expected, "\(title)")
        }
        #expect(found > 10)
    }
}
