import Foundation
import Testing
@testable import PolicyGraphCore

/// The compiled lexicon cache: a lexicon read from its compact form is the one
/// compiled from the TSV files, and a damaged, foreign or stale file is compiled again.
@Suite struct OntologyCacheTests {
    /// A fresh cache folder and a copy of the repository's ontology that a test may change.
    struct Scratch {
        let root: URL
        let cache: OntologyCache
        let ontology: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-cache-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            cache = OntologyCache(folder: root.appendingPathComponent("cache"))
            ontology = root.appendingPathComponent("ontology")
            try FileManager.default.createDirectory(at: ontology, withIntermediateDirectories: true)
            for folder in ["entities", "patterns", "text"] {
                try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology").appendingPathComponent(folder),
                                                 to: ontology.appendingPathComponent(folder))
            }
        }

        var compiledFile: URL { cache.compiledFile(for: ontology) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Every compiled part of two lexicons is equal.
    static func expectSameParts(_ read: Lexicon, _ compiled: Lexicon) {
        #expect(read.ontology.entities == compiled.ontology.entities)
        #expect(read.ontology.warnings == compiled.ontology.warnings)
        #expect(read.trie == compiled.trie)
        #expect(read.payloads == compiled.payloads)
        #expect(read.ancestors == compiled.ancestors)
        #expect(read.hasContextualEntry == compiled.hasContextualEntry)
        #expect(read.contextualCompanies == compiled.contextualCompanies)
    }

    /// The seeds and the dev texts.
    static func corpus() throws -> [SourceDocument] {
        let folders = [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev/texts")]
        return try SourceDocument.files(in: folders.map(\.path)).filter { $0.hasSuffix(".txt") }.map { try SourceDocument(reading: $0) }
    }

    @Test func readLexiconEqualsCompiledOneAndExtractsTheSame() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try scratch.cache.load(scratch.ontology)
        #expect(first.outcome == .compiled(reason: "no compiled file"))
        #expect(FileManager.default.fileExists(atPath: scratch.compiledFile.path))
        let second = try scratch.cache.load(scratch.ontology)
        #expect(second.outcome == .read)

        let fromTSV = Lexicon(ontology: try Ontology.load(from: scratch.ontology))
        Self.expectSameParts(second.lexicon, fromTSV)

        // The same tokens and the same extraction on every seed and dev text.
        let documents = try Self.corpus()
        #expect(documents.count >= 20)
        let readExtractor = Extractor(lexicon: second.lexicon), tsvExtractor = Extractor(lexicon: fromTSV)
        let readScanner = DictionaryScanner(lexicon: second.lexicon), tsvScanner = DictionaryScanner(lexicon: fromTSV)
        for document in documents {
            let text = tsvExtractor.normalize(document)
            #expect(readScanner.scan(text.bytes) == tsvScanner.scan(text.bytes), "tokens differ in \(document.name)")
        }
        let readJSON = try ExtractionJSON.encode(documents.map { readExtractor.extract($0) })
        let tsvJSON = try ExtractionJSON.encode(documents.map { tsvExtractor.extract($0) })
        #expect(readJSON == tsvJSON)
    }

    /// Damaged, cut, foreign and empty files: each is compiled again, gives the
    /// same lexicon, and is replaced by a good file.
    @Test(arguments: [
        ("flipped byte", "damaged (checksum)"),
        ("cut in half", "truncated or padded"),
        ("foreign file", "not a compiled lexicon file"),
        ("empty file", "not a compiled lexicon file"),
        ("other version", "another format version"),
    ])
    func damagedFileIsCompiledAgain(damage: String, reason: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let reference = try scratch.cache.load(scratch.ontology).lexicon
        var bytes = try [UInt8](Data(contentsOf: scratch.compiledFile))
        switch damage {
        case "flipped byte": bytes[bytes.count / 2] ^= 0x40
        case "cut in half": bytes.removeLast(bytes.count / 2)
        case "foreign file": bytes = Array("name\taliases\tparent\tnote\n".utf8)
        case "empty file": bytes = []
        default: bytes[8] &+= 1
        }
        try Data(bytes).write(to: scratch.compiledFile)
        let again = try scratch.cache.load(scratch.ontology)
        #expect(again.outcome == .compiled(reason: reason))
        Self.expectSameParts(again.lexicon, reference)
        #expect(try scratch.cache.load(scratch.ontology).outcome == .read)
    }

    /// A file with a good checksum whose indexes leave their arrays is not used.
    @Test func inconsistentFileIsCompiledAgain() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let reference = try scratch.cache.load(scratch.ontology).lexicon
        let bytes = try [UInt8](Data(contentsOf: scratch.compiledFile))
        let hash = try #require(OntologyCache.contentHash(of: scratch.ontology))
        var parts = try CompiledLexiconFile.decode(bytes, contentHash: hash)
        parts.payloads[0] = [.entity(index: parts.records.entities.count + 5, contextual: false)]
        let bad = Lexicon(ontology: reference.ontology, compiled: parts)
        try Data(CompiledLexiconFile.encode(records: parts.records, lexicon: bad, contentHash: hash)).write(to: scratch.compiledFile)
        let again = try scratch.cache.load(scratch.ontology)
        #expect(again.outcome == .compiled(reason: "inconsistent contents"))
        Self.expectSameParts(again.lexicon, reference)
    }

    /// A changed TSV file makes the compiled file stale: the new entry is recognised.
    @Test func changedTSVInvalidatesTheCompiledFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.cache.load(scratch.ontology)
        #expect(try scratch.cache.load(scratch.ontology).outcome == .read)
        let before = Extractor(lexicon: try scratch.cache.lexicon(for: scratch.ontology))
        let text = "星河未来智能科技宣布扩产。"
        #expect(!recognised(text, extractor: before).contains("company:星河未来智能科技"))

        let file = scratch.ontology.appendingPathComponent("entities/company-china.tsv")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("星河未来智能科技\t星河未来\t\t\n".utf8))
        try handle.close()

        let changed = try scratch.cache.load(scratch.ontology)
        #expect(changed.outcome == .compiled(reason: "compiled from other ontology files"))
        #expect(recognised(text, extractor: Extractor(lexicon: changed.lexicon)).contains("company:星河未来智能科技"))
        #expect(try scratch.cache.load(scratch.ontology).outcome == .read)
    }

    /// A cache folder keeps the most recently used files only.
    @Test func oldFilesArePruned() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.cache.folder, withIntermediateDirectories: true)
        let old = Date(timeIntervalSinceNow: -86_400)
        for index in 0..<OntologyCache.maximumFiles {
            let file = scratch.cache.folder.appendingPathComponent("lexicon-old\(index).bin")
            try Data("x".utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: old.addingTimeInterval(Double(index))], ofItemAtPath: file.path)
        }
        _ = try scratch.cache.load(scratch.ontology)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.cache.folder.path).sorted()
        #expect(names.count == OntologyCache.maximumFiles)
        #expect(names.contains(scratch.compiledFile.lastPathComponent))
        #expect(!names.contains("lexicon-old0.bin"))
        #expect(try scratch.cache.load(scratch.ontology).outcome == .read)
    }

    /// A cache folder that cannot be made costs only the compilation.
    @Test func unwritableCacheStillLoads() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A file where the folder should be.
        try Data("x".utf8).write(to: scratch.cache.folder)
        let first = try scratch.cache.load(scratch.ontology)
        #expect(first.outcome == .compiled(reason: "no compiled file"))
        #expect(first.lexicon.ontology.entities.count > 10_000)
        #expect(try scratch.cache.load(scratch.ontology).outcome == .compiled(reason: "no compiled file"))
    }

    /// An invalid record is reported as without the cache, whether or not a compiled file exists.
    @Test func invalidRecordIsReportedThroughTheCache() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.cache.load(scratch.ontology)
        let file = scratch.ontology.appendingPathComponent("entities/company-china.tsv")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("只有名字\n".utf8))
        try handle.close()
        #expect(throws: OntologyError.self) { try scratch.cache.load(scratch.ontology) }
        #expect(throws: OntologyError.self) { try scratch.cache.load(scratch.root.appendingPathComponent("nothing-here")) }
    }
}

/// The loader's field trimming trims what `trimmingCharacters(in: .whitespaces)` trims.
@Suite struct FieldTrimmingTests {
    @Test func trimsAsFoundationOnEveryBMPScalar() {
        var differences: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let around = String(Character(scalar)) + "工 x" + String(Character(scalar))
            let inside = "\t " + String(Character(scalar)) + "\u{3000}"
            for field in [around, inside] where field.trimmingFieldSpace() != field.trimmingCharacters(in: .whitespaces) {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty, "differs from Foundation at U+\(differences.prefix(10).joined(separator: ", U+"))")
    }
}
