import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphExport
import PolicyGraphStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph for Gephi (GraphML), Graphviz (DOT), graph databases (CSV) or as JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case graphml, gexf, dot, csv, json }

    @Option(help: "graphml, gexf, dot, csv (nodes.csv and edges.csv in a folder) or json.") var format: Format
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (a folder for csv).", valueName: "FILE|DIR")) var output: String?
    @Flag(help: "DOT: cluster the nodes by type.") var clustered = false
    @Option(help: "Keep the targets about a topic, with their holders and technologies.") var topic: String?
    @Option(help: ArgumentHelp("Keep only these node types, comma-separated (company,policy,target …).", valueName: "TYPES")) var types: String?
    @Option(help: ArgumentHelp("Keep only the nodes within --depth steps of this entity.", valueName: "NAME")) var around: String?
    @Option(help: "Steps from --around.") var depth: Int = 1
    @Option(name: .customLong("from"), help: ArgumentHelp("Keep targets from this year on.", valueName: "YEAR")) var fromYear: Int?
    @Option(name: .customLong("to"), help: ArgumentHelp("Keep targets up to this year.", valueName: "YEAR")) var toYear: Int?

    var kinds: Set<NodeKind>? {
        get throws {
            guard let types else { return nil }
            var kinds: Set<NodeKind> = []
            for name in types.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let kind = NodeKind(rawValue: name) else {
                    throw ValidationError("Unknown type '\(name)' in --types; use \(NodeKind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                kinds.insert(kind)
            }
            return kinds
        }
    }

    func validate() throws {
        _ = try kinds
        if depth < 1 { throw ValidationError("--depth must be at least 1.") }
        if let fromYear, let toYear, fromYear > toYear { throw ValidationError("--from \(fromYear) is after --to \(toYear).") }
    }
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var retiredGraph: RetiredGraphOption

    func run() throws {
        let store = try storeOptions.openForReading()
        if let around { _ = try resolveEntity(around, in: store) }
        // The export is of the whole graph (or a filtered part of it), read from the store's tables.
        let graph = try store.graph().subgraph(SubgraphFilter(topic: topic, kinds: try kinds, around: around, depth: depth, fromYear: fromYear, toYear: toYear))
        let path = output ?? (format == .csv ? "." : "graph.\(format.rawValue)")
        try writingOutput(to: path) {
            switch format {
            case .graphml: try GraphMLExporter().write(graph, to: path)
            case .gexf: try GEXFExporter().write(graph, to: path)
            case .dot: try DOTExporter(clustered: clustered).write(graph, to: path)
            case .csv: try CSVExporter().write(graph, toFolder: path)
            case .json: try graph.save(to: URL(fileURLWithPath: path))
            }
        }
    }
}

/// A file that could not be written, as one line: the file, what happened, what to do.
struct OutputWriteError: Error, LocalizedError, CustomStringConvertible {
    let path: String
    let message: String
    var description: String { "\(path): \(message)" }
    var errorDescription: String? { description }
}

/// Runs `body`, turning file-system errors into ``OutputWriteError``s that name `path`.
func writingOutput(to path: String, _ body: () throws -> Void) throws {
    do { try body() } catch let error as ExportError {
        throw OutputWriteError(path: path, message: error.reason)
    } catch let error as CocoaError {
        throw OutputWriteError(path: path, message: IOErrorMessage.describe(error))
    } catch let error as POSIXError {
        throw OutputWriteError(path: path, message: IOErrorMessage.describe(error))
    }
}
