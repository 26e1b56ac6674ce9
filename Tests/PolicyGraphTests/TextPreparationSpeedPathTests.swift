import Foundation
import Testing
@testable import PolicyGraphCore

/// The fused and byte-level paths of text preparation and of the ontology
/// loader answer as the simple paths they replaced.
@Suite struct TextPreparationSpeedPathTests {
    // MARK: Decoding: validation and control characters in one pass

    @Test(arguments: [
        ([0xE5, 0xAE, 0x81, 0x0A, 0x09, 0x0D], nil, false),   // 宁, line feed, tab, carriage return: no stray control
        ([0x41, 0x07, 0x42], nil, true),                      // BEL
        ([0x41, 0x7F], nil, true),                            // DEL
        ([0xC2, 0x85, 0x41], nil, true),                      // NEL, a C1 control
        ([0xC2, 0xA0, 0x41], nil, false),                     // a no-break space is no control
        ([0x0B, 0x0C], nil, false),                           // vertical tab and form feed are white space
        ([0x1B, 0xE5, 0xAE], 1, true),                        // ESC, then a cut sequence
        ([0xE5, 0xAE, 0x1B], 0, false),                       // the control after the invalid byte is not reached
    ] as [([UInt8], Int?, Bool)]) func scanFindsInvalidBytesAndControls(bytes: [UInt8], invalid: Int?, control: Bool) {
        let scan = TextDecoding.scanUTF8(bytes)
        #expect(scan.firstInvalid == invalid)
        #expect(scan.hasStrayControl == control)
        #expect(TextDecoding.firstInvalidUTF8(bytes) == invalid)
    }

    /// A text with a stray control decodes as it did when the controls were looked for separately.
    @Test func controlIsDroppedAfterTheFusedScan() throws {
        let bytes = Array("工信部\u{07}发布".utf8)
        let decoded = try TextDecoding.decode(bytes, file: "t.txt")
        #expect(decoded.bytes == Array("工信部发布".utf8))
        #expect(decoded.fileMap != nil)
        #expect(decoded.warnings.first?.contains("U+0007") == true)
        let clean = try TextDecoding.decode(Array("工信部发布".utf8), file: "t.txt")
        #expect(clean.fileMap == nil)
    }

    @Test func fileBytesReadsWholeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-filebytes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 65_535, 65_536, 200_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let file = folder.appendingPathComponent("f\(size)")
            try Data(bytes).write(to: file)
            #expect(FileBytes.bytes(file.path) == bytes)
        }
        #expect(FileBytes.bytes(folder.appendingPathComponent("missing").path) == nil)
    }

    // MARK: Line lengths counted eight bytes at a time

    /// The scalars of a line as the byte-by-byte loop counted them.
    static func naiveMedian(_ text: String) -> Double {
        TextSecondRoundSpeedPathTests.naiveMedian(Array(text.utf8))
    }

    @Test(arguments: [
        "",
        "\n\n\n",
        "工业和信息化部印发《工业领域碳达峰实施方案》\n到2025年，规模以上工业单位增加值能耗较2020年下降13.5%。\n短行\n",
        "a b c d e f g h i j k l m n o p\r\nabc\r\n \r\n",                 // spaces and carriage returns across words
        "１２３　全角　数字\n" + String(repeating: "锂电池 ", count: 40) + "\n末行没有换行",
        "😀😀😀😀 emoji\nÀÉÎ Latin-1 letters",                             // four- and two-byte scalars
        String(repeating: "锂电池 a\r", count: 300) + "\n短",                  // a line of many 31-word rounds
    ]) func medianLineLengthCountsAsBefore(text: String) {
        let bytes = Array(text.utf8)
        let median = bytes.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
        #expect(median == Self.naiveMedian(text))
    }

    /// Every length from 0 to 40 bytes, so that both the eight-byte steps and the tail are met.
    @Test func countedScalarsMatchesTheByteLoop() {
        let sample = Array("宁远 科技\r有限公司 ab😀c".utf8)
        for length in 0...sample.count {
            let text = String(decoding: sample[0..<length], as: UTF8.self)
            let bytes = Array(text.utf8)
            let median = bytes.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
            #expect(median == Self.naiveMedian(text), "length \(length)")
        }
    }

    // MARK: Folding a word

    @Test(arguments: [
        ("工业和信息化部", "工业和信息化部"),     // nothing to fold: the word itself
        ("發展改革委", "发展改革委"),             // traditional characters
        ("ＡＢＣ１２３", "ABC123"),              // full-width letters and digits
        ("国务院\u{200B}办公厅", "国务院办公厅"),  // a zero-width space is dropped
        ("abc", "abc"),
        ("", ""),
    ]) func foldingAWordGivesTheFoldedBytes(word: String, folded: String) throws {
        let folding = try Ontology.bundled().folding
        #expect(folding.fold(word) == folded)
        #expect(folding.fold(word) == String(decoding: folding.fold(Array(word.utf8)).bytes, as: UTF8.self))
    }

    // MARK: Layout doubling's first test

    @Test(arguments: [
        ("动力电池技术新能量足动力电池技术新能量足", true),
        ("车网互动车网互动““试水试水””", true),
        ("工业和信息化部印发实施方案", false),
        ("ab", false),
        ("aab", true),                          // a then a: a pair opens the line
    ]) func opensWithPair(line: String, expected: Bool) {
        let bytes = Array(line.utf8)
        let result = bytes.withUnsafeBufferPointer { LayoutDoubling.opensWithPair($0, 0..<$0.count) }
        #expect(result == expected)
    }

    // MARK: TSV records split on bytes

    @Test func recordsSkipCommentsAndBlankLinesAndReadCRLF() {
        let text = "# comment\n工信部\t工业和信息化部\r\n\n \t \n名称\t\t备注\n末行"
        let bytes = Array(text.utf8)
        let records = bytes.withUnsafeBufferPointer { OntologyLoader.records(in: $0) }
        #expect(records.map(\.0) == [2, 5, 6])
        #expect(records.map(\.1) == [["工信部", "工业和信息化部"], ["名称", "", "备注"], ["末行"]])
    }

    @Test func recordsOfAnEmptyFile() {
        let records = [UInt8]().withUnsafeBufferPointer { OntologyLoader.records(in: $0) }
        #expect(records.isEmpty)
    }
}
