import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphExport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph for Gephi (GraphML), Graphviz (DOT), graph databases (CSV) or as JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case graphml, gexf, dot, csv, json }

    @Option(help: "graphml, gexf, dot, csv (nodes.csv and edges.csv in a folder) or json.") var format: Format
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (a folder for csv).", valueName: "FILE|DIR")) var output: String?
    @Flag(help: "DOT: cluster the nodes by type.") var clustered = false
    @OptionGroup var graphOptions: GraphOptions

    func run() throws {
        let graph = try graphOptions.load()
        switch format {
        case .graphml: try GraphMLExporter().write(graph, to: output ?? "graph.graphml")
        case .gexf: try GEXFExporter().write(graph, to: output ?? "graph.gexf")
        case .dot: try DOTExporter(clustered: clustered).write(graph, to: output ?? "graph.dot")
        case .csv: try CSVExporter().write(graph, toFolder: output ?? ".")
        case .json: try graph.save(to: URL(fileURLWithPath: output ?? "graph.json"))
        }
    }
}
