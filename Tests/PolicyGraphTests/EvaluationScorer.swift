import Foundation
@testable import PolicyGraphCore

/// The entity part of the reference scorer (`Fixtures/score.py`), with the
/// same matching rules: types agree and a name or alias agrees after NFKC
/// and the removal of 《》, quotes and white space; each gold entity matches once.
struct EvaluationScorer {
    struct Tally {
        var matched = 0, predicted = 0, gold = 0
        var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    struct GoldEntity: Decodable { let type: String; let name: String; let aliases: [String]? }
    struct GoldDocument: Decodable { let document: String; let entities: [GoldEntity] }

    static let stripped: Set<Character> = Set("《》〈〉“”‘’\"'「」『』 \t\r\n\u{3000}")

    static func norm(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.filter { !stripped.contains($0) })
    }

    static func names(_ name: String, _ aliases: [String]) -> Set<String> {
        var result = Set([norm(name)] + aliases.map(norm))
        result.remove("")
        return result
    }

    var perType: [String: Tally] = [:]
    var headline = Tally()

    mutating func add(gold: [GoldEntity], predicted: [ExtractedEntity]) {
        let types = ["government", "company", "institution", "policy", "zone", "region", "person"]
        for type in types {
            let g = gold.filter { $0.type == type }
            let p = predicted.filter { $0.type.rawValue == type }
            let matched = Self.match(g, p)
            perType[type, default: Tally()].matched += matched
            perType[type, default: Tally()].predicted += p.count
            perType[type, default: Tally()].gold += g.count
            if type != "person" {
                headline.matched += matched
                headline.predicted += p.count
                headline.gold += g.count
            }
        }
    }

    static func match(_ gold: [GoldEntity], _ predicted: [ExtractedEntity]) -> Int {
        var used = Set<Int>()
        var matched = 0
        for g in gold {
            let goldNames = names(g.name, g.aliases ?? [])
            if let hit = predicted.indices.first(where: { !used.contains($0) && !goldNames.isDisjoint(with: names(predicted[$0].name, predicted[$0].aliases)) }) {
                used.insert(hit)
                matched += 1
            }
        }
        return matched
    }
}
