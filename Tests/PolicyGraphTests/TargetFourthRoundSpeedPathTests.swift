import Foundation
import Testing
@testable import PolicyGraphCore

/// The fourth round of the target fast paths against the paths they replace: the time scan of
/// the sentences with an action word (``ActionSentences``) against the scan of the whole text,
/// and the targets found with it against those found reading every time.
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

    /// The targets of `source` as ``Extractor/extract(_:published:metadata:)`` finds them, by `targets`.
    static func targets(of source: String, with targets: TargetExtractor) -> [ExtractedTarget] {
        let shared = sharedExtractor
        let document = SourceDocument(name: "t.txt", string: source)
        let text = shared.normalize(document)
        let recognition = shared.recognizer.recognize(text)
        let reported = OriginalScript.restore(recognition.mentions, text: text, original: document.text.bytes, folding: shared.lexicon.ontology.folding)
        let names = EntityGrouping.entities(from: reported, text: text, ontology: shared.lexicon.ontology).names
        let date = shared.publicationDate(document: document, text: text, option: nil, metadata: nil).0
        return text.bytes.withUnsafeBufferPointer { buffer in
            targets.extract(text: text, cursor: TextCursor(bytes: buffer), segments: TextSegments(buffer), mentions: recognition.mentions,
                            names: names, reference: date.flatMap(ReferenceDate.init))
        }
    }

    /// Reading only the times of sentences with an action word finds every target that reading
    /// every time finds, with the same fields, on real, run-together and generated texts.
    @Test func actionSentencesKeepEveryTarget() {
        var everyTime = Self.extractor
        everyTime.skipsActionlessSentences = false
        #expect(Self.extractor.skipsActionlessSentences)
        var found = 0, failures: [String] = []
        for source in Self.sources {
            let expected = Self.targets(of: source, with: everyTime)
            found += expected.count
            if Self.targets(of: source, with: Self.extractor) != expected { failures.append(String(source.prefix(80))) }
        }
        #expect(found > 300)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// The scan of the runs gives exactly the expressions the scan of the whole text gives in
    /// them; the runs hold every sentence with an action word, and each sentence's last action
    /// word is the last place where the action matcher finds a word ending inside the sentence.
    @Test func runsGiveTheWholeScansTimes() {
        let extractor = Self.extractor
        let normalizer = extractor.timeNormalizer
        var skipped = 0, kept = 0, failures: [String] = []
        for source in Self.sources {
            let bytes = sharedExtractor.normalize(SourceDocument(name: "t.txt", string: source)).bytes
            bytes.withUnsafeBufferPointer { buffer in
                let segments = TextSegments(buffer)
                let sentences = ActionSentences(segments: segments, bytes: buffer, actions: extractor.actions, firstScalars: extractor.actionFirstScalars)
                for (index, sentence) in segments.sentences.enumerated() {
                    let starts = sentence.range.filter { !UTF8Bytes.isContinuation(buffer[$0]) }
                    let naive = starts.last { extractor.actions.word(at: $0, in: buffer, limit: sentence.range.upperBound) != nil }
                    if sentences.lastAction[index] != naive { failures.append("last action of sentence \(index)") }
                    let inRun = sentences.runs.contains { $0.contains(sentence.range.lowerBound) }
                    if naive != nil && !inRun { failures.append("sentence \(index) left out") }
                    if inRun { kept += 1 } else { skipped += 1 }
                }
                let reference = ReferenceDate(year: 2024, month: 6)
                let whole = normalizer.expressions(in: buffer, reference: reference)
                    .filter { time in sentences.runs.contains { $0.contains(time.range.lowerBound) } }
                if sentences.times(in: buffer, normalizer: normalizer, reference: reference) != whole { failures.append(String(source.prefix(80))) }
            }
        }
        #expect(skipped > 1_000)
        #expect(kept > 1_000)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// No word the time grammar reads holds a sentence end, so no expression crosses one; the
    /// bundled vocabulary holds none, and a vocabulary that does turns the sentence runs off.
    @Test func noTimeWordHoldsASentenceEnd() {
        let grammar: [TimeWords] = [
            TimeParser.approximateWords, TimeParser.untilPrefixes, TimeParser.aimPrefixes, TimeParser.aimPrepositions, TimeParser.prefixes,
            TimeParser.toNowWords, TimeParser.withinYearWords, TimeParser.thisMonthWords, TimeParser.firstQuarterWords,
            TimeParser.lastQuarterWords, TimeParser.quarterUnits, TimeParser.monthUnits, TimeParser.lastWords, TimeParser.quarterWords,
            TimeParser.quarterParts, TimeParser.dayWords, TimeParser.dayListSeparators, TimeParser.nextWords, TimeParser.dateUnits,
            TimeParser.nowWords, TimeParser.betweenWords, TimeParser.countedUnits, TimeParser.countedDirections, TimeParser.windowUnits,
            TimeParser.windowSeparators, TimeParser.centuryWords, TimeParser.decadeParts, TimeParser.centuryParts, TimeParser.withinWords,
            TimeParser.monthSuffixWords, TimeParser.ofWords, TimeParser.ordinalWords, TimeParser.zeroWords, TimeParser.rangeSeparatorWords,
            TimeParser.rangeJoiners, TimeParser.dateSeparators, TimeParser.windowLeads, TimeParser.standaloneWindowLeads,
        ]
        let words = grammar.flatMap(\.words)
        #expect(words.count > 100)
        #expect(!words.contains { $0.unicodeScalars.contains { ActionSentences.isSentenceEnd($0.value) } })
        #expect(ActionSentences.scansBySentence(Self.extractor.timeNormalizer.vocabulary))
        var odd = TimeVocabulary()
        _ = odd.add(["年底。", "year-part", "11-12"])
        odd.finish()
        #expect(!ActionSentences.scansBySentence(odd))
    }
}
