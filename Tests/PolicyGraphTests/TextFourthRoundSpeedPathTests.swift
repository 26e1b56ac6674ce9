import Foundation
import Testing
@testable import PolicyGraphCore

/// The fourth round of speed work on text preparation answers exactly as the code it
/// replaced: the line lengths counted while folding (and kept by the doubling pass) give
/// the median the joiner's own pass gave; restoring the original script is skipped only
/// where it restores nothing; the byline's digit search finds what the byte loop finds.
@Suite struct TextFourthRoundSpeedPathTests {
    /// The seeds, the dev texts, the generated texts and layout texts of the earlier rounds
    /// (malformed bytes, controls, doubled headlines, lines around the histogram's bound), as
    /// decoded text: what the normaliser is given.
    static let decodedTexts: [[UInt8]] = TextThirdRoundSpeedPathTests.allTexts.compactMap {
        try? TextDecoding.decode($0, file: "text.txt").bytes
    } + [
        // Doubled headlines among short and long lines: the doubling pass recounts the lines it collapses.
        Array("动力电池技术新能量足动力电池技术新能量足\n短行\n车网互动车网互动““试水试水””\n\(String(repeating: "长", count: 600))\n".utf8),
        Array("跨境电商出口额增长跨境电商出口额增长1919..66%%  \r\n\n國務院\u{3000}ＡＢＣ１２\u{200B}３".utf8),
    ]

    // MARK: The median counted while folding

    @Test func foldedLineLengthsGiveTheJoinersMedian() {
        let folding = sharedExtractor.normalizer.folding
        var doubled = 0
        for text in Self.decodedTexts {
            let folded = folding.fold(text)
            let undoubled = LayoutDoubling.remove(from: folded.bytes)
            if undoubled.bytes != folded.bytes { doubled += 1 }
            var lengths = LineLengths()
            let counted = folding.fold(text, lineLengths: &lengths)
            #expect(counted.bytes == folded.bytes && counted.map == folded.map)
            let kept = LayoutDoubling.remove(from: counted.bytes, adjusting: &lengths)
            #expect(kept.bytes == undoubled.bytes && kept.map == undoubled.map)
            let median = undoubled.bytes.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
            #expect(lengths.median == median, "\(String(decoding: text.prefix(80), as: UTF8.self))")
        }
        // Some texts had a headline collapsed, so the recount was tried.
        #expect(doubled >= 2)
    }

    @Test func normalizedTextIsTheChainOfPasses() {
        let folding = sharedExtractor.normalizer.folding
        for text in Self.decodedTexts {
            let normalized = sharedExtractor.normalizer.normalize(DecodedText(bytes: text, encoding: .utf8, byteOffsetInFile: 0))
            let folded = folding.fold(text)
            let undoubled = LayoutDoubling.remove(from: folded.bytes)
            let joined = LineJoining.join(undoubled.bytes, numberUnits: sharedExtractor.normalizer.numberUnits)
            #expect(normalized.bytes == joined.bytes)
            #expect(normalized.maps == [folded.map, undoubled.map, joined.map])
            #expect(normalized.foldingChangedNothing == (folded.bytes == text))
        }
    }

    // MARK: The original script restored only where folding changed something

    @Test func restoringIsSkippedOnlyWhereItRestoresNothing() throws {
        let folding = sharedExtractor.lexicon.ontology.folding
        var skipped = 0, restoredAtAll = 0
        for text in Self.decodedTexts + [Array("國務院印發《關於推動能源電子產業發展的指導意見》。工業和信息化部發布。".utf8)] {
            let document = SourceDocument(name: "text.txt", path: "text.txt",
                                          text: DecodedText(bytes: text, encoding: .utf8, byteOffsetInFile: 0), markup: .plain)
            let normalized = sharedExtractor.normalize(document)
            let mentions = sharedExtractor.recognizer.recognize(normalized).mentions
            var everyMention = normalized
            everyMention.foldingChangedNothing = false
            let reference = OriginalScript.restore(mentions, text: everyMention, original: text, folding: folding)
            let restored = OriginalScript.restore(mentions, text: normalized, original: text, folding: folding)
            #expect(restored.map(\.surface) == reference.map(\.surface))
            if normalized.foldingChangedNothing { skipped += 1 }
            if reference.map(\.surface) != mentions.map(\.surface) { restoredAtAll += 1 }
        }
        // The test covers both sides: texts passed over, and texts with a name restored.
        #expect(skipped >= 10)
        #expect(restoredAtAll >= 1)
    }

    @Test func restoringKeepsTheTraditionalNameOfTheFile() throws {
        let extraction = sharedExtractor.extract(SourceDocument(name: "t.txt", string: "國務院印發通知。國務院辦公廳發布。"))
        #expect(extraction.entities.contains { $0.name == "國務院" })
    }

    // MARK: The next digit, eight bytes at a time

    @Test func nextDigitAnswersAsTheByteLoop() {
        // The first 1,500 bytes of each text: every word alignment and digit position occurs there.
        for text in TextThirdRoundSpeedPathTests.allTexts.map({ Array($0.prefix(1_500)) })
            + [Array("年月日2025年1月9日 08:30".utf8), Array("/0123456789:".utf8)] {
            for start in [0, 1, 5] where start <= text.count {
                let slice = text[start...]
                for from in stride(from: start, through: text.count, by: 5) {
                    let expected = slice[from...].firstIndex(where: DateScan.isDigit) ?? slice.endIndex
                    #expect(DateScan.nextDigit(slice, from: from) == expected)
                }
            }
        }
    }

    // MARK: Cell labels: the places where a cell starts found once

    @Test func cellLabelsAnswerAsOneSearchPerLabelAtEveryPlace() {
        let cellLabels = sharedExtractor.publicationRules.cellLabels
        var texts: [[UInt8]] = TextThirdRoundSpeedPathTests.allTexts
        // A label after each kind of cell start (and after bytes that start none), at every
        // place of an eight-byte word, with the text ending inside it, at it and after it.
        for starter in ["\n", "\r", " ", "\t", ">", "|", "-", "*", "\u{3000}", "a", "。", "\u{3001}", "", "发"] {
            for padding in 0..<10 {
                for tail in ["：2025-01-20", "", "x"] {
                    let text = String(repeating: "电", count: padding % 3) + String(repeating: "b", count: padding)
                        + starter + "发布时间" + tail
                    texts.append(Array(text.utf8))
                    texts.append(Array(Array(text.utf8).dropLast(2)))
                }
            }
        }
        for text in texts {
            for start in [0, 1, 3] where start <= text.count {
                let head = text[start..<min(text.count, start + PublicationDateRules.headLength)]
                let cells = cellLabels.occurrences(in: head)
                for (which, label) in cellLabels.labels.enumerated() {
                    var places: [Int] = []
                    var from = head.startIndex
                    while let at = DateScan.find(label, in: head, from: from, caseInsensitive: false) {
                        from = at + 1
                        if DateScan.startsCell(head, at: at) { places.append(at) }
                    }
                    #expect(cells[which] == places, "\(String(decoding: head.prefix(60), as: UTF8.self))")
                }
            }
        }
    }
}
