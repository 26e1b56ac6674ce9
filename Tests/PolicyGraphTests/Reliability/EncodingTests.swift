import Foundation
import Testing
@testable import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#endif

/// Encodings told apart, never silent mojibake, control characters treated
/// alike in every encoding, offsets into the file's own bytes (reproducers 10, 11).
@Suite struct EncodingTests {
    static let reliability = fixturesDirectory.appendingPathComponent("reliability")

    /// `text` in encoding `name`, through iconv.
    static func bytes(_ text: String, _ name: String) -> [UInt8] {
        let converter = iconv_open(name, "UTF-8")!
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        return Array(output[..<produced])
    }

    /// 10: Big5 is read as Big5, not as GB18030 mojibake.
    @Test func big5IsToldFromGB18030() throws {
        let path = Self.reliability.appendingPathComponent("10-big5-silently-decoded-as-gb18030/big5.txt").path
        let document = try SourceDocument(reading: path)
        #expect(document.text.encoding == .big5)
        #expect(document.text.warnings.isEmpty)
        let extraction = sharedExtractor.extract(document)
        #expect(extraction.entities.count >= 40)
        // As much as the same text in UTF-8 gives (iconv -f BIG5 -t UTF-8).
        let asUTF8 = sharedExtractor.extract(SourceDocument(name: "big5.txt", string: String(decoding: document.text.bytes, as: UTF8.self)))
        #expect(extraction.targets.count == asUTF8.targets.count && extraction.targets.count >= 3)
        #expect(extraction.entities.count == asUTF8.entities.count)
        // Reported in the document's own script, recognised as the ministry.
        #expect(extraction.entities.contains { $0.name == "工業和信息化部" && ($0.canonical ?? $0.name) == "工业和信息化部" })
    }

    /// 10: a forced wrong encoding is read, but with a warning that the text looks garbled.
    @Test func garbledTextIsReported() throws {
        let path = Self.reliability.appendingPathComponent("10-big5-silently-decoded-as-gb18030/big5.txt").path
        let document = try SourceDocument(reading: path, encoding: .gb18030)
        #expect(document.text.encoding == .gb18030)
        #expect(document.text.warnings.contains { $0.contains("may be garbled") && $0.contains("--encoding") })
    }

    /// The GB18030 fixture stays GB18030, without a warning.
    @Test func gb18030StaysGB18030() throws {
        let document = try SourceDocument(reading: fixturesDirectory.appendingPathComponent("inputs/gb18030.txt").path)
        #expect(document.text.encoding == .gb18030)
        #expect(document.text.warnings.isEmpty)
    }

    /// A charset declaration decides between the two.
    @Test(arguments: [("big5", SourceEncoding.big5), ("gbk", .gb18030), ("GB2312", .gb18030)])
    func charsetDeclarations(name: String, expected: SourceEncoding) throws {
        // Bytes valid in both GB18030 and Big5.
        let body: [UInt8] = [0xB0, 0xA1, 0xB0, 0xA2, 0xC4, 0xE3]
        let bytes = Array("<html><head><meta charset=\"\(name)\"></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
        #expect(try TextDecoding.decode(bytes, file: "page.html").encoding == expected)
    }

    @Test(arguments: ["utf-8", "UTF8", "utf-16", "gb18030", "GBK", "gb2312", "big5", "cp950"])
    func encodingNames(name: String) {
        #expect(SourceEncoding(name: name) != nil)
    }

    /// Offsets refer to the file's own bytes in every encoding.
    @Test(arguments: ["GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8 with a control"])
    func offsetsAreFileBytes(encoding: String) throws {
        let text = "第一段。\n据报道，国务院印发通知。"
        let bytes: [UInt8]
        switch encoding {
        case "GB18030": bytes = Self.bytes(text, "GB18030")
        case "Big5": bytes = Self.bytes(text.replacingOccurrences(of: "国务院", with: "國務院").replacingOccurrences(of: "据报道", with: "據報道").replacingOccurrences(of: "发", with: "發"), "BIG5")
        case "UTF-16LE": bytes = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE": bytes = [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: bytes = Array("\u{1B}第一段。\n据报道，\u{7}国务院印发通知。".utf8)
        }
        let decoded = try TextDecoding.decode(bytes, file: "t.txt")
        let document = SourceDocument(name: "t.txt", path: "t.txt", text: decoded, markup: .plain)
        let entity = try #require(sharedExtractor.extract(document).entities.first { ["国务院", "國務院"].contains($0.name) })
        let range = entity.offsets[0]..<entity.offsets[1]
        // The file's bytes there are the name itself, in the file's encoding.
        var piece = Array(bytes[range])
        if encoding.hasPrefix("UTF-16") { piece = Array(bytes[0..<2]) + piece }
        let back = try TextDecoding.decode(piece, file: "piece", encoding: decoded.encoding == .utf8WithBOM ? .utf8 : decoded.encoding)
        #expect(["国务院", "國務院"].contains(String(decoding: back.bytes, as: UTF8.self)), "\(encoding): \(range)")
    }

    /// 11: UTF-16 gets the UTF-8 rules: a NUL is binary in both.
    @Test(arguments: ["utf8-with-nul.txt", "utf16-with-nul.txt"])
    func nulIsBinaryInEveryEncoding(file: String) {
        let path = Self.reliability.appendingPathComponent("11-utf16-control-chars-accepted/\(file)").path
        #expect {
            _ = try SourceDocument(reading: path)
        } throws: { error in
            if case .binary = error as? DocumentError { return true }
            return false
        }
    }

    /// 11: a stray control character is dropped with file:line:column, in UTF-8 and UTF-16 alike.
    @Test(arguments: [false, true])
    func strayControlIsDroppedWithAWarning(utf16: Bool) throws {
        let text = "工业和信息化部\n印发《工业领域碳达峰实施\u{1}方案》。"
        let bytes = utf16 ? [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } : Array(text.utf8)
        let decoded = try TextDecoding.decode(bytes, file: "doc.txt")
        #expect(!decoded.bytes.contains(0x01))
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.hasPrefix("doc.txt:2:13: dropped the control character U+0001") == true)
        let document = SourceDocument(name: "doc.txt", path: "doc.txt", text: decoded, markup: .plain)
        #expect(sharedExtractor.extract(document).entities.contains { $0.name == "工业领域碳达峰实施方案" })
    }

    /// Many control characters: binary after all.
    @Test func denseControlsAreBinary() {
        let bytes: [UInt8] = (0..<200).flatMap { _ -> [UInt8] in [0x41, 0x01] }
        #expect(throws: DocumentError.binary(file: "x.txt", offset: 0)) { try TextDecoding.decode(bytes, file: "x.txt") }
    }

    /// UTF-8 read as Latin-1 and saved again is reported.
    @Test func doublyEncodedUTF8IsReported() throws {
        let original = "工业和信息化部印发通知，国务院发布意见。"
        let mojibake = String(original.utf8.map { Character(Unicode.Scalar($0)) })
        let decoded = try TextDecoding.decode(Array(mojibake.utf8), file: "m.txt")
        #expect(decoded.warnings.contains { $0.contains("doubly encoded") })
        #expect(try TextDecoding.decode(Array(original.utf8), file: "ok.txt").warnings.isEmpty)
    }

    /// The command line names the dropped character and exits 0; `--encoding` is checked.
    @Test func commandLineWarningsAndEncodingOption() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: Self.reliability.appendingPathComponent("14-escape-sequences-and-csv-formulas/esc.txt"),
                                         to: scratch.url.appendingPathComponent("esc.txt"))
        let result = try runPolicyGraph(["extract", "esc.txt"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.error.contains("esc.txt:1:11: dropped the control character U+001B"))
        let bad = try runPolicyGraph(["extract", "esc.txt", "--encoding", "latin9"], in: scratch.url)
        #expect(bad.status == 64)
        #expect(bad.error.contains("Unknown encoding 'latin9'"))
        let forced = try runPolicyGraph(["extract", Self.reliability.appendingPathComponent("10-big5-silently-decoded-as-gb18030/big5.txt").path,
                                         "--encoding", "gb18030"], in: scratch.url)
        #expect(forced.error.contains("may be garbled"))
    }
}
