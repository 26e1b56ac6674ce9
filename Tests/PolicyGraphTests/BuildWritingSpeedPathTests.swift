import Foundation
import GRDB
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport
@testable import PolicyGraphStore

/// The pieces that make `build`'s writing phase and merging faster: each
/// gives what the path it replaced gave.
@Suite struct BuildWritingSpeedPathTests {
    /// The accumulator's keys (``CanonicalKey``) compare as `String`s do, composed and
    /// decomposed spellings included, and give back the string they were made from.
    @Test(arguments: [
        ("工业和信息化部", "工业和信息化部", true),
        ("工业和信息化部", "工业和信息化", false),
        ("", "", true),
        ("edge_00ff", "edge_00ff", true),
        ("caf\u{E9}", "cafe\u{301}", true), // equal as Strings
    ])
    func accumulatorKeysCompareAsStrings(first: String, second: String, equal: Bool) {
        #expect((CanonicalKey(first) == CanonicalKey(second)) == equal)
        if equal { #expect(CanonicalKey(first).hashValue == CanonicalKey(second).hashValue) }
        var set: Set<CanonicalKey> = [CanonicalKey(first)]
        #expect(set.insert(CanonicalKey(second)).inserted == !equal)
        #expect(set.insert(CanonicalKey(second)).memberAfterInsert.original == (equal ? first : second))
        #expect(CanonicalKey(second).original == second)
    }

    /// Edge ids: the digits written into one buffer are those `String(radix:)` padded to 16 gave.
    @Test(arguments: [UInt64(0), 1, 0xF, 0x10, 0xDEAD_BEEF, 0x0123_4567_89AB_CDEF, UInt64.max])
    func hexDigitsArePaddedLowercase(value: UInt64) {
        let digits = String(value, radix: 16)
        let expected = String(repeating: "0", count: 16 - digits.count) + digits
        #expect(StableHash.hex(value) == expected)
        #expect(StableHash.hex(value, after: "edge_") == "edge_" + expected)
    }

    /// A CSV line built as bytes is `Table.csvLine` and a line break, for plain cells and for
    /// every kind of cell the quoting and the spreadsheet guard change.
    @Test(arguments: [
        ["a", "b", "c"],
        ["工业和信息化部", "", "2025"],
        ["a,b", "say \"hi\"", "two\nlines", "cr\rlf", "crlf\r\nkept"],
        ["=SUM(A1)", "+1", "-5", "-x", "@user", "\tindent", "\rstart"],
        ["\"\u{301}", ",\u{301}", "é,", "edge_0001"],
    ])
    func csvLinesAsBytesAreTheQuotedLines(cells: [String]) {
        var line = ByteBuffer(file: nil)
        CSVExporter.appendLine(cells, to: &line)
        let bytes = line.bytes
        #expect(bytes == Array((Table.csvLine(cells) + "\n").utf8))
    }

    /// DOT names: plain ASCII is quoted as it is; the rest is escaped or dropped.
    @Test(arguments: [
        ("person_1b69654231668f6a", "\"person_1b69654231668f6a\""),
        ("mentioned_in", "\"mentioned_in\""),
        ("", "\"\""),
        ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("line\nbreak\r", "\"line\\nbreak\""),
        ("bell\u{7}", "\"bell\""),
        ("工信部", "\"工信部\""),
    ])
    func dotNamesAreQuoted(name: String, quoted: String) {
        #expect(DOTExporter.quoted(name) == quoted)
    }

    /// The graph tables' indexes, dropped for the bulk load and made again, are those of the schema.
    @Test func theBulkLoadKeepsEveryIndex() throws {
        let ontology = sharedExtractor.lexicon.ontology
        let empty = temporaryStorePath("schema"), built = temporaryStorePath("built")
        _ = try PolicyStore(path: empty)
        _ = try StoreBuild.fresh(at: built, with: Array(storableDocuments.prefix(3)), ontology: ontology, settings: .init())
        func indexes(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name")
            }
        }
        let schema = try indexes(empty)
        #expect(schema.count > 10)
        #expect(try indexes(built) == schema)
        let edges = try DatabaseQueue(path: built).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM edges INDEXED BY edges_target") }
        #expect((edges ?? 0) > 0)
    }

    /// A built graph's edge summaries (read from the mention records) are those of its
    /// edges made whole, in the same order: ids, ends, weights and documents.
    @Test func edgeSummariesOfABuiltGraphAreThoseOfItsEdges() throws {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        let built = try accumulator.built()
        var fast: [[String]] = [], slow: [[String]] = []
        func row(_ edge: EdgeSummary) -> [String] {
            [edge.id.rawValue, edge.type.rawValue, edge.source.rawValue, edge.target.rawValue, String(edge.weight),
             edge.documents(joinedBy: ";"), edge.documents.joined(separator: "|")]
        }
        try built.forEachEdgeSummary { fast.append(row($0)) }
        try built.forEachEdge(sentences: false) { edge in
            slow.append(row(EdgeSummary(edge)))
            #expect(edge.sources.count == EdgeSummary(edge).weight)
            #expect(EdgeSummary(edge).documents == Array(Set(edge.sources.map(\.document))).sorted())
        }
        #expect(fast.count == built.edgeCount)
        #expect(fast == slow)
    }

    /// The byte test that lets most values skip the character-by-character cleaning gives
    /// what the cleaning gives.
    @Test(arguments: ["", "plain", "工业和信息化部", "tab\tline\ncr\r", "bell\u{7}", "nul\u{0}x", "\u{FFFE}", "a\u{FFFF}b",
                      "\u{FFFD}\u{FEFF}", "\u{EFFF}", "\u{1F600}", "\u{7F}"])
    func xmlCleaningByBytesIsTheCleaningByCharacters(text: String) {
        let byCharacters = String(String.UnicodeScalarView(text.unicodeScalars.filter { XMLWriter.isAllowed($0.value) }))
        #expect(XMLWriter.xmlSafe(text) == byCharacters)
    }

    /// DOT names appended as bytes are the quoted names.
    @Test(arguments: ["person_1b69654231668f6a", "", "a\"b\\c", "line\nbreak\r", "bell\u{7}", "工信部", "mentioned_in", "\u{7F}",
                      "tab\tx", "\u{FFFE}", "x\u{FFFF}", "\u{F000}", "\u{EFFF}", "𠀀😀", "e\u{301}", "\u{301}", "CR LF\r\n", "工\\信\"部"])
    func dotNamesAppendedAsBytesAreQuoted(name: String) {
        var buffer = ByteBuffer(file: nil)
        buffer.append(0x20)
        DOTExporter.appendQuoted(name, to: &buffer)
        let bytes = buffer.bytes
        #expect(bytes == [0x20] + Array(DOTExporter.quoted(name).utf8))
    }

    /// graph.json written from a built graph, its mention edges of one source from their parts,
    /// is the bytes of the generic walk and of the whole graph's encoding.
    @Test func builtGraphJSONFromMentionPartsIsTheWholeGraphsJSON() throws {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        let built = try accumulator.built()
        func generic(_ graph: some WalkableGraph, to path: String) throws { try graph.writeJSON(to: path) }
        let fast = temporaryStorePath("fast").replacingOccurrences(of: ".sqlite", with: ".json")
        let slow = temporaryStorePath("slow").replacingOccurrences(of: ".sqlite", with: ".json")
        try built.writeJSON(to: fast)
        try generic(built, to: slow)
        let fastBytes = try Data(contentsOf: URL(fileURLWithPath: fast))
        #expect(fastBytes == (try Data(contentsOf: URL(fileURLWithPath: slow))))
        #expect(fastBytes == (try built.materialized().jsonData()))
        var single = 0
        try built.forEachEdge(singleMention: { _ in single += 1 }, whole: { _ in })
        #expect(single > 100)
    }

    /// The graph tables written from a built graph (its spilled sentences read by ref, as bytes,
    /// once each) hold the rows written from the same graph made whole, sentence numbers included.
    @Test func theBuiltGraphsTablesAreThoseOfTheWholeGraph() throws {
        let ontology = sharedExtractor.lexicon.ontology
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        let built = try accumulator.built()
        let whole = try built.materialized()
        func rows(_ write: (Database) throws -> Void) throws -> [String: [String]] {
            let store = try PolicyStore(path: temporaryStorePath("tables"))
            try store.database.write { db in try write(db) }
            return try store.database.read { db in
                var tables: [String: [String]] = [:]
                for table in GraphTables.tables {
                    tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map(\.description)
                }
                return tables
            }
        }
        let fast = try rows { try GraphTables.replace(with: built, in: $0, folding: ontology.folding) }
        let slow = try rows { try GraphTables.replace(with: whole, in: $0, folding: ontology.folding) }
        #expect((fast["sentences"]?.count ?? 0) > 100)
        #expect((fast["edge_sources"]?.count ?? 0) > built.mentions.count)
        for table in GraphTables.tables { #expect(fast[table] == slow[table], "\(table)") }
    }

    /// A node's stored JSON, appended as bytes, is what `JSONEncoder` gives for it: every node
    /// of the seeds and the dev texts, and nodes whose strings hold every escaped kind of byte.
    @Test func storedNodeJSONIsTheEncodersJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var nodes = Array(GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(storableDocuments.map(\.extraction)).nodes.values)
        #expect(nodes.contains { $0.target != nil } && nodes.contains { $0.parent != nil } && nodes.contains { $0.ontologyID != nil })
        let awkward = ["a\"b\\c/d", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\u{7F}", "工信部\u{2028}\u{FEFF}😀", "</script>", ""]
        for (index, text) in awkward.enumerated() {
            let facts = TargetFacts(subject: NodeID(rawValue: text), relation: .by, year: -3, month: 12, endYear: 2030, endMonth: 1,
                                    action: text, topic: text, value: text, modality: text, technology: NodeID(rawValue: text),
                                    day: 0, endDay: 31)
            nodes.append(Node(id: NodeID(rawValue: "x\(index)" + text), kind: .target, label: text, aliases: [text, "", text], ontologyID: text,
                              parent: text, firstSeen: text, lastSeen: text, documents: [text], published: text, target: facts))
            nodes.append(Node(id: NodeID(rawValue: text), kind: .company, label: text, aliases: [], ontologyID: nil, parent: nil,
                              firstSeen: nil, lastSeen: nil, documents: [], published: nil, target: nil))
        }
        for node in nodes { #expect(StoredNodeJSON.bytes(of: node) == Array(try encoder.encode(node)), "\(node.id)") }
    }
}
