import Foundation
import PolicyGraphCore

/// The JSON answers of the graph commands: objects, every node with its id, years as numbers.
enum JSONViews {
    struct NodeRef: Encodable {
        let id: String
        let kind: String
        let name: String
        init(_ node: Node) {
            id = node.id.rawValue
            kind = node.kind.rawValue
            name = node.label
        }
    }

    struct Source: Encodable {
        let document: String
        let sentence: String?
        let offsets: [Int]
        let rule: String?
        init(_ provenance: Provenance) {
            document = provenance.document
            sentence = provenance.sentence
            offsets = provenance.offsets
            rule = provenance.rule
        }
    }

    struct Target: Encodable {
        let id: String
        let subject: NodeRef
        let relation: String
        let year: Int
        let month: Int?
        let endYear: Int?
        let endMonth: Int?
        let time: String
        let action: String?
        let topic: String?
        let value: String?
        let modality: String
        let sources: [Source]

        enum CodingKeys: String, CodingKey {
            case id, subject, relation, year, month, time, action, topic, value, modality, sources
            case endYear = "end_year", endMonth = "end_month"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(subject, forKey: .subject)
            try container.encode(relation, forKey: .relation)
            try container.encode(year, forKey: .year)
            try container.encode(month, forKey: .month)
            try container.encode(endYear, forKey: .endYear)
            try container.encode(endMonth, forKey: .endMonth)
            try container.encode(time, forKey: .time)
            try container.encode(action, forKey: .action)
            try container.encode(topic, forKey: .topic)
            try container.encode(value, forKey: .value)
            try container.encode(modality, forKey: .modality)
            try container.encode(sources, forKey: .sources)
        }
    }

    struct Targets: Encodable {
        let targets: [Target]
        init(_ results: [TargetResult]) {
            targets = results.map { result in
                let facts = result.facts
                return Target(id: result.target.id.rawValue, subject: NodeRef(result.subject), relation: facts.relation.rawValue,
                              year: facts.year, month: facts.month, endYear: facts.endYear, endMonth: facts.endMonth,
                              time: TimeDescription.describe(facts), action: facts.action, topic: facts.topic, value: facts.value,
                              modality: facts.modality, sources: result.sources.map(Source.init))
            }
        }
    }

    struct Neighbor: Encodable {
        let edge: String?
        let direction: String?
        let node: NodeRef
        let sources: Int?
    }

    struct Neighbors: Encodable {
        let node: NodeRef
        let neighbors: [Neighbor]
    }

    struct Step: Encodable {
        let step: Int
        let via: String?
        let node: NodeRef
    }

    struct Path: Encodable {
        let path: [Step]
    }
}
