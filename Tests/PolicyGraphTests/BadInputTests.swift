import Foundation
import Testing
@testable import PolicyGraphCore

/// Inputs users will have: each gives correct output or a clear error.
@Suite struct BadInputTests {
    func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func emptyFileGivesAnEmptyExtraction() throws {
        let document = try SourceDocument(reading: try temporaryFile([]))
        let extraction = sharedExtractor.extract(document)
        #expect(extraction.entities.isEmpty)
        #expect(extraction.published == nil)
    }

    @Test func binaryFileIsRejectedNamingTheFile() throws {
        let path = try temporaryFile([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x01, 0x02, 0xFF, 0xD8], name: "scan.pdf")
        #expect(throws: DocumentError.binary(file: path, offset: 6)) { try SourceDocument(reading: path) }
        let message = DocumentError.binary(file: path, offset: 6).localizedDescription
        #expect(message.contains(path) && message.contains("binary"))
    }

    @Test func invalidUTF8IsRejectedWithLineAndColumn() throws {
        // Valid UTF-8, then a lone continuation byte, then a truncated sequence:
        // neither UTF-8 nor GB18030.
        let bytes = Array("第一行\n第二行".utf8) + [0x80] + [0xE5, 0xAE]
        let path = try temporaryFile(bytes)
        let result = Result { try SourceDocument(reading: path) }
        guard case let .failure(failure) = result, let error = failure as? DocumentError,
              case let .undecodable(file, line, column, _) = error else {
            Issue.record("invalid input was not rejected as undecodable")
            return
        }
        #expect(file == path)
        #expect(line == 2)
        #expect(column == 4)
        #expect(error.localizedDescription.contains("iconv"))
    }

    @Test func gb18030FileIsDecoded() throws {
        let path = fixturesDirectory.appendingPathComponent("inputs/gb18030.txt").path
        let document = try SourceDocument(reading: path)
        #expect(document.text.encoding == .gb18030)
        let names = sharedExtractor.extract(document).entities.map(\.name)
        #expect(names.contains("工业和信息化部"))
        #expect(names.contains("工业领域碳达峰实施方案"))
        #expect(names.contains("寧德時代"), "names are reported in the document's own script")
    }

    @Test func utf8WithBOMKeepsFileOffsets() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("国务院印发".utf8))
        let document = try SourceDocument(reading: path)
        #expect(document.text.encoding == .utf8WithBOM)
        let entity = try #require(sharedExtractor.extract(document).entities.first)
        #expect(entity.name == "国务院")
        #expect(entity.offsets == [3, 12])
    }

    @Test func utf16WithBOMIsDecoded() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("国务院".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try SourceDocument(reading: try temporaryFile(bytes))
        #expect(sharedExtractor.extract(document).entities.map(\.name) == ["国务院"])
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: DocumentError.notFound(path: "no/such/file.txt")) { try SourceDocument(reading: "no/such/file.txt") }
    }

    /// A 50 MB file on one line (no line breaks at all) is read and extracted.
    @Test func fiftyMegabyteSingleLine() throws {
        let sentence = Array("工业和信息化部、国家发展改革委联合印发《工业领域碳达峰实施方案》，南昌科勒有限公司位于南昌高新区。".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50_000_000 + sentence.count)
        while bytes.count < 50_000_000 { bytes += sentence }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extraction = sharedExtractor.extract(try SourceDocument(reading: path))
        let ministry = try #require(extraction.entities.first { $0.name == "工业和信息化部" })
        #expect(ministry.mentions == bytes.count / sentence.count)
        #expect(extraction.entities.contains { $0.name == "南昌科勒有限公司" })
    }
}
