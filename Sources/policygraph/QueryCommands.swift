import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphStore

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "targets", abstract: "List targets, filtered by topic, time, subject and modality.")

    @Option(help: "A topic or technology (narrower technologies count: 全固态电池 for 固态电池).") var topic: String?
    @Option(help: ArgumentHelp("Due no later than this year.", valueName: "YEAR")) var by: Int?
    @Option(name: .customLong("in"), help: ArgumentHelp("Falling in this year.", valueName: "YEAR")) var inYear: Int?
    @Option(help: ArgumentHelp("Starting after this year.", valueName: "YEAR")) var after: Int?
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Overlapping these years (two values).", valueName: "A B")) var between: [Int] = []
    @Option(help: "The subject's type (government, company, institution, policy, zone, region, person).") var subjectType: EntityType?
    @Option(help: "The subject's name or alias.") var subject: String?
    @Option(help: "promise, goal or forecast.") var modality: Modality?
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var retiredGraph: RetiredGraphOption

    func validate() throws {
        let times = [by != nil, inYear != nil, after != nil, !between.isEmpty].filter { $0 }.count
        if times > 1 { throw ValidationError("Give at most one of --by, --in, --after and --between.") }
        if !between.isEmpty, between.count != 2 { throw ValidationError("--between takes two years, for example --between 2024 2026.") }
        if between.count == 2, between[0] > between[1] {
            throw ValidationError("--between \(between[0]) \(between[1]): the first year is after the second; give them in order, --between \(between[1]) \(between[0]).")
        }
    }

    var timeFilter: TimeFilter? {
        if let by { return .dueBy(by) }
        if let inYear { return .in(inYear) }
        if let after { return .after(after) }
        if between.count == 2 { return .between(between[0], between[1]) }
        return nil
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        if let subject { _ = try resolveEntity(subject, in: store) }
        let results = try store.targets(about: topic, time: timeFilter, subjectType: subjectType, modality: modality, subject: subject)
        guard !results.isEmpty || format != .table else {
            FileHandle.standardError.write(Data("policygraph: no target matches these filters\n".utf8))
            return
        }
        if format == .json { return try printJSON(JSONViews.Targets(targets: try store.targetViews(results))) }
        try printTable(TargetRows.table(results), format: format)
    }
}

struct CompaniesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "companies",
        abstract: "Which companies promise a topic by a year, one row per company: policygraph companies --promise 固态电池 --by 2027."
    )

    @Option(help: "The topic or technology promised.") var promise: String
    @Option(help: ArgumentHelp("Due no later than this year.", valueName: "YEAR")) var by: Int
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Only the first N companies (earliest due first).", valueName: "N")) var limit: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        // The table and CSV list documents, not sentences: only JSON reads them.
        let answer = try storeOptions.openForReading().companies(promising: promise, dueBy: by, limit: limit, sentences: format == .json)
        guard !answer.companies.isEmpty || format == .json else {
            FileHandle.standardError.write(Data("policygraph: no company promises \(promise) by \(by)\n".utf8))
            return
        }
        if format == .json {
            // Streamed: a large answer is written as it is encoded, never held whole.
            var json = PrettyJSONWriter { FileHandle.standardOutput.write(Data($0)) }
            answer.writeJSON(to: &json)
            json.finish()
            FileHandle.standardOutput.write(Data([0x0A]))
            return
        }
        try printTable(CompanyRows.table(answer), format: format)
    }
}

extension EntityType: ExpressibleByArgument {}
extension Modality: ExpressibleByArgument {}
extension EdgeType: ExpressibleByArgument {}

struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entity", abstract: "Everything known about one entity, with sources.")

    @Argument(help: "A name or alias (Latin letters in any case, traditional or simplified characters).") var name: String
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let details: EntityDetails
        do { details = try storeOptions.openForReading().details(of: name) } catch let error as UnknownName {
            throw ValidationError(error.localizedDescription)
        }
        if format == .json { return try printJSON(details) }
        let node = details.entity
        var rows: [[String]] = [
            ["id", node.id], ["type", node.kind], ["name", node.name],
            ["aliases", node.aliases.joined(separator: "、")], ["parent", node.parent ?? ""],
            ["first seen", node.firstSeen ?? ""], ["last seen", node.lastSeen ?? ""], ["documents", node.documents.joined(separator: " ")],
        ]
        for link in details.links {
            let weight = link.type == "co_mentioned" ? " ×\(link.weight)" : ""
            rows.append(["\(link.type) \(link.direction == "out" ? "→" : "←")", "\(link.node.name)\(weight)  [\(link.documents.joined(separator: " "))]"])
        }
        for source in details.sources {
            rows.append(["source", "\(source.document) bytes \(source.offsets.map(String.init).joined(separator: "–"))"])
        }
        try printTable(Table(columns: ["field", "value"], rows: rows), format: format)
    }
}

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "neighbors", abstract: "The nodes linked to an entity.")

    @Argument(help: "A name or alias.") var name: String
    @Option(help: "Only edges of this type (issued, holds_target, about, part_of, located_in, mentioned_in).") var edge: EdgeType?
    @Option(help: "How many steps to follow.") var depth: Int = 1
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var retiredGraph: RetiredGraphOption

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1.") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        let node = try resolveEntity(name, in: store)
        let links = depth == 1 ? try store.neighbors(of: node.id.rawValue, edgeType: edge) : []
        let nodes = depth == 1 ? [] : try store.neighborhood(of: node.id.rawValue, edgeType: edge, depth: depth)
        if format == .json {
            let neighbors: [JSONViews.Neighbor] = depth == 1
                ? links.map { .init(edge: $0.edgeType, direction: $0.outgoing ? "out" : "in", node: .init($0.node), sources: $0.weight) }
                : nodes.map { .init(edge: nil, direction: nil, node: .init($0), sources: nil) }
            return try printJSON(JSONViews.Neighbors(node: .init(node), neighbors: neighbors))
        }
        let rows: [[String]] = depth == 1
            ? links.map { [$0.edgeType, $0.outgoing ? "→" : "←", $0.node.kind.rawValue, $0.node.label, String($0.weight)] }
            : nodes.map { ["", "", $0.kind.rawValue, $0.label, ""] }
        try printTable(Table(columns: ["edge", "direction", "type", "name", "sources"], rows: rows), format: format)
    }
}

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "The shortest path between two entities.")

    @Argument(help: "From this entity.") var from: String
    @Argument(help: "To this entity.") var to: String
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var retiredGraph: RetiredGraphOption

    func run() throws {
        let store = try storeOptions.openForReading()
        let start = try resolveEntity(from, in: store), goal = try resolveEntity(to, in: store)
        guard let path = try store.shortestPath(from: start.id.rawValue, to: goal.id.rawValue) else {
            throw ValidationError("“\(start.label)” and “\(goal.label)” are not connected in the graph.")
        }
        let rows = path.enumerated().map { index, step in [String(index), step.via ?? "", step.node.kind.rawValue, step.node.label] }
        let steps = path.enumerated().map { index, step in JSONViews.Step(step: index, via: step.via, node: .init(step.node)) }
        if format == .json { return try printJSON(JSONViews.Path(path: steps)) }
        try printTable(Table(columns: ["step", "via", "type", "name"], rows: rows), format: format)
    }
}
