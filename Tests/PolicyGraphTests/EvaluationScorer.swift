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
    struct GoldTime: Decodable { let relation: String?; let year: Int?; let month: Int? }
    struct GoldTarget: Decodable { let subject: String; let time: GoldTime; let topic: String? }
    struct GoldIssued: Decodable { let issuer: String; let policy: String }
    struct GoldDocument: Decodable {
        let document: String
        let entities: [GoldEntity]
        let targets: [GoldTarget]
        let issued: [GoldIssued]
    }

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
    var targets = Tally()
    var issued = Tally()
    var matchedTargets = 0
    var relationAgrees = 0
    var topicAgrees = 0

    /// name → every name of the entity (or entities) carrying it.
    static func aliasIndex(_ entities: [(String, [String])]) -> [String: Set<String>] {
        var index: [String: Set<String>] = [:]
        for (name, aliases) in entities {
            let all = names(name, aliases)
            for n in all { index[n, default: []].formUnion(all) }
        }
        return index
    }

    static func resolve(_ name: String, _ index: [String: Set<String>]) -> Set<String> {
        let n = norm(name)
        return index[n] ?? (n.isEmpty ? [] : [n])
    }

    /// score.py's target and issued matching: subjects (or both ends) agree by
    /// name or alias, targets also by year; the best relation and topic agreement wins.
    mutating func add(gold: GoldDocument, predicted: DocumentExtraction) {
        let goldIndex = Self.aliasIndex(gold.entities.map { ($0.name, $0.aliases ?? []) })
        let predictedIndex = Self.aliasIndex(predicted.entities.map { ($0.name, $0.aliases) })
        var used = Set<Int>()
        for target in gold.targets {
            let subjects = Self.resolve(target.subject, goldIndex)
            var best: (score: Int, index: Int)? = nil
            for (index, candidate) in predicted.targets.enumerated() where !used.contains(index) {
                guard let year = target.time.year, candidate.time.year == year,
                      !subjects.isDisjoint(with: Self.resolve(candidate.subject, predictedIndex)) else { continue }
                let a = Self.norm(target.topic ?? ""), b = Self.norm(candidate.topic ?? "")
                let topic = !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
                let score = (target.time.relation == candidate.time.relation ? 1 : 0) + (topic ? 1 : 0)
                if best == nil || score > best!.score { best = (score, index) }
            }
            if let best {
                used.insert(best.index)
                matchedTargets += 1
                if predicted.targets[best.index].time.relation == target.time.relation { relationAgrees += 1 }
                let a = Self.norm(target.topic ?? ""), b = Self.norm(predicted.targets[best.index].topic ?? "")
                if !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a)) { topicAgrees += 1 }
            }
        }
        targets.matched += used.count
        targets.predicted += predicted.targets.count
        targets.gold += gold.targets.count
        var usedPairs = Set<Int>()
        for pair in gold.issued {
            let issuer = Self.resolve(pair.issuer, goldIndex), policy = Self.resolve(pair.policy, goldIndex)
            if let hit = predicted.issued.indices.first(where: { !usedPairs.contains($0)
                && !issuer.isDisjoint(with: Self.resolve(predicted.issued[$0].issuer, predictedIndex))
                && !policy.isDisjoint(with: Self.resolve(predicted.issued[$0].policy, predictedIndex)) }) {
                usedPairs.insert(hit)
            }
        }
        issued.matched += usedPairs.count
        issued.predicted += predicted.issued.count
        issued.gold += gold.issued.count
    }

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
