import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphStore

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

/// The entity named on the command line, looked up in the store (forgiving), or a usage error
/// with the nearest names.
func resolveEntity(_ name: String, in store: PolicyStore) throws -> Node {
    do { return try store.node(named: name) } catch let error as UnknownName {
        throw ValidationError(error.localizedDescription)
    }
}
