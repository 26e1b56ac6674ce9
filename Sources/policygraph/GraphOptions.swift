import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphStore

/// `--graph FILE` (default `Outputs/graph.json`). Queries only read: a missing
/// graph is an error that says how to make one, never a build.
struct GraphOptions: ParsableArguments {
    static let defaultPath = "Outputs/graph.json"

    @Option(help: ArgumentHelp("The graph to query (made by `policygraph build`).", valueName: "FILE"))
    var graph: String = GraphOptions.defaultPath

    func load() throws -> KnowledgeGraph {
        guard FileManager.default.fileExists(atPath: graph) else {
            throw MissingGraph(path: graph)
        }
        return try KnowledgeGraph.load(from: URL(fileURLWithPath: graph))
    }
}

/// A query without a graph to read.
struct MissingGraph: Error, LocalizedError, CustomStringConvertible {
    let path: String
    var description: String {
        "\(path): no graph there. Make one with `policygraph build` (it reads seeds/ and writes Outputs/), or give --graph FILE."
    }
    var errorDescription: String? { description }
}

/// `--format table|json|csv` for query results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

func printTable(_ table: Table, format: OutputFormat) throws {
    switch format {
    case .table: print(table.text(), terminator: "")
    case .csv: print(table.csv(), terminator: "")
    case .json:
        let data = try JSONSerialization.data(withJSONObject: table.records(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// The entity named on the command line, or a usage error with suggestions.
func resolveEntity(_ name: String, in graph: KnowledgeGraph) throws -> Node {
    if let node = graph.entity(named: name) { return node }
    let suggestions = graph.suggestions(for: name)
    let hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.map { "“\($0)”" }.joined(separator: ", "))?"
    throw ValidationError("No entity is named “\(name)” in the graph.\(hint)")
}

/// The entity named on the command line, looked up in the store (forgiving), or a usage error
/// with the nearest names.
func resolveEntity(_ name: String, in store: PolicyStore) throws -> Node {
    do { return try store.node(named: name) } catch let error as UnknownName {
        throw ValidationError(error.localizedDescription)
    }
}
