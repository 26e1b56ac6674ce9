import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphInput
import PolicyGraphStore

/// `--store PATH` (default `Outputs/policygraph.sqlite`).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store (an SQLite file, made by `policygraph build` or `add`).", valueName: "PATH"))
    var store: String = PolicyStore.defaultPath

    /// The store for reading. Queries only read: a missing store is an error that says how to make one.
    func openForReading() throws -> PolicyStore {
        try PolicyStore(path: store, readOnly: true)
    }
}

/// `--graph FILE`, which `targets`, `neighbors` and `path` no longer read: a usage error that points to `--store`.
struct RetiredGraphOption: ParsableArguments {
    @Option(help: .hidden) var graph: String?

    func validate() throws {
        guard let graph else { return }
        let folder = (graph as NSString).deletingLastPathComponent
        let store = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("policygraph.sqlite")
        throw ValidationError("--graph \(graph): this command reads the store, not graph.json; give --store \(store) (`policygraph build` writes it next to graph.json).")
    }
}

/// `--co-mentions`: entities named in one sentence get weighted `co_mentioned` edges.
struct CoMentionOption: ParsableArguments {
    @Flag(help: "Add weighted co_mentioned edges between entities named in one sentence (kept for later adds and removes).")
    var coMentions = false

    func options(for store: PolicyStore) throws -> GraphSettings {
        coMentions ? .init(coMentions: true) : try store.storedOptions()
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add documents to the store: only new or changed ones (by content hash) are extracted; changed ones replace their facts."
    )

    @Argument(help: ArgumentHelp("Text, Markdown, HTML, PDF or Word (.docx) files, or folders of them, read recursively.", valueName: "FILE|DIR"))
    var inputs: [String]

    @Flag(name: .customLong("whole-page"), help: "Read web pages whole, navigation, sidebars and footers included, not only the article.")
    var wholePage = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var coMentions: CoMentionOption
    @OptionGroup var ontologyOptions: OntologyOptions

    func run() throws {
        let store = try PolicyStore(path: storeOptions.store)
        let extractor = try ontologyOptions.makeExtractor()
        let reader = DocumentReader(page: extractor.lexicon.ontology.patterns.page, wholePage: wholePage)
        let (report, failures) = try store.add(paths: inputs, extractor: extractor, options: try coMentions.options(for: store),
                                               reader: reader, onError: reportInputError)
        var summary = "added \(report.added.count), replaced \(report.replaced.count), unchanged \(report.unchanged.count)"
        if !report.duplicates.isEmpty { summary += "; \(report.duplicates.count) near-duplicates linked" }
        switch report.graph {
        case .unchanged: break
        case .merged: summary += "; graph merged in place"
        case .rebuilt(let reason): summary += "; graph tables rebuilt: \(reason)"
        }
        FileHandle.standardError.write(Data("\(summary) (\(storeOptions.store))\n".utf8))
        if failures > 0 { throw ExitCode(1) }
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take documents back out of the store, with every fact that only they supported."
    )

    @Argument(help: ArgumentHelp("Document ids, as `add` stored them (SELECT id FROM documents).", valueName: "DOC"))
    var documents: [String]

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var ontologyOptions: OntologyOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: storeOptions.store) else { throw StoreError.missing(path: storeOptions.store) }
        let store = try PolicyStore(path: storeOptions.store)
        // The ontology only (the graph is rebuilt from stored extractions): no dictionary to compile.
        let report = try store.remove(documents, ontology: try ontologyOptions.loadOntology(), options: try store.storedOptions())
        FileHandle.standardError.write(Data("removed \(report.removed.count) (\(storeOptions.store))\n".utf8))
    }
}

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL statement on the store (tables in docs/store.md).",
        discussion: "policygraph sql \"SELECT kind, count(*) AS n FROM nodes GROUP BY kind ORDER BY n DESC\""
    )

    @Argument(help: "A statement that reads (SELECT, WITH …, PRAGMA of a read).") var statement: String
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let result = try storeOptions.openForReading().query(statement)
        switch format {
        case .table: print(result.table.text(), terminator: "")
        case .csv: print(result.table.csv(), terminator: "")
        case .json: print(String(decoding: try result.jsonData(), as: UTF8.self))
        }
    }
}

/// Prints a value as pretty, key-sorted JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// The grouped answer as rows: one per company.
enum CompanyRows {
    /// A row lists this many targets and sources; the rest are counted (`+12 more`): JSON has them all.
    static let listed = 5

    /// The first ``listed`` of `items` as `describe` spells them, and how many more there are.
    static func shortened<Item>(_ items: some Collection<Item>, _ describe: (Item) -> String) -> String {
        shortened(items.prefix(listed).map(describe), of: items.count)
    }

    /// `shown` (at most ``listed``) of `count` items, and how many more there are.
    static func shortened(_ shown: [String], of count: Int) -> String {
        count > shown.count ? "\(shown.joined(separator: "; ")); +\(count - shown.count) more" : shown.joined(separator: "; ")
    }

    static func table(_ answer: CompanyAnswer) -> Table {
        Table(columns: ["company", "aliases", "earliest", "targets", "sources", "revisions"], rows: answer.companies.map { company in
            // The documents in order of first use: the first five spelled out, the others counted.
            var sources: [String] = []
            var seen: Set<String> = []
            for target in company.targets {
                for source in target.sources where seen.insert(source.document).inserted && sources.count < listed {
                    sources.append("\(source.document) (\(source.published ?? "?"))")
                }
            }
            return [company.name, company.aliases.joined(separator: "、"), String(company.earliestDueYear),
                    shortened(company.targets) { [$0.time.text, $0.action, $0.topic, $0.value].compactMap { $0 }.joined(separator: " ") },
                    shortened(sources, of: seen.count),
                    shortened(company.revisions) { "\($0.fromTime) → \($0.toTime)" }]
        })
    }
}
